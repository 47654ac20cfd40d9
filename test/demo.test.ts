import { describe, expect, it } from 'vitest'
import { demoContext, startDemoEmulator } from '../scripts/dev/demo-world.js'
import { runAction } from '../scripts/dev/run-action.js'

/** Times differ from run to run: the snapshots hold everything else. */
const untimed = (text: string | null | undefined): string =>
  (text ?? '')
    .replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z/g, '<time>')
    .replace(/\d{4}-\d\d-\d\d \d\d:\d\d UTC/g, '<time> UTC')

// What users see, for the demo scenario (npm run demo): a change to an issue body, the PR
// comment or the job summary shows up in review as a diff of these files.
describe('what the demo run files', async () => {
  const { emulator } = await startDemoEmulator()
  const first = await runAction({
    apiUrl: emulator.url,
    inputs: { 'run-id': '2001' },
    context: demoContext(emulator.url, 2001)
  })
  const afterFirst = {
    issues: emulator.state.issues.filter(i => !i.pull_request).map(i => ({ ...i })),
    comment: emulator.state.issues.find(i => i.number === 12)?.comments[0]?.body ?? ''
  }
  const second = await runAction({
    apiUrl: emulator.url,
    inputs: { 'run-id': '2002' },
    context: demoContext(emulator.url, 2002)
  })
  await emulator.close()

  it('files two issues whose bodies are these', async () => {
    expect(first.failed).toBeNull()
    expect(afterFirst.issues).toHaveLength(2)
    for (const issue of afterFirst.issues) {
      await expect(`# ${issue.title}\n\n${untimed(issue.body)}`).toMatchFileSnapshot(
        `__snapshots__/demo/issue-${issue.number}.md`
      )
    }
  })

  it('comments on the PR, and edits the comment on the second run', async () => {
    await expect(untimed(afterFirst.comment)).toMatchFileSnapshot(
      '__snapshots__/demo/pr-comment.md'
    )
    const edited = emulator.state.issues.find(i => i.number === 12)?.comments ?? []
    expect(edited).toHaveLength(1)
    await expect(untimed(edited[0]?.body)).toMatchFileSnapshot(
      '__snapshots__/demo/pr-comment-edited.md'
    )
  })

  it("records the second run in each issue's body, without a comment", async () => {
    expect(second.failed).toBeNull()
    const issues = emulator.state.issues.filter(i => !i.pull_request)
    for (const issue of issues) {
      expect(issue.comments).toHaveLength(0)
      const seen = /<!-- log-bugs:history -->[\s\S]*<!-- \/log-bugs:history -->/.exec(
        issue.body ?? ''
      )
      expect(seen?.[0]).toContain('run 2002')
      await expect(untimed(seen?.[0])).toMatchFileSnapshot(
        `__snapshots__/demo/seen-${issue.number}.md`
      )
    }
  })

  it('writes this job summary', async () => {
    await expect(untimed(first.summary)).toMatchFileSnapshot('__snapshots__/demo/summary.md')
    await expect(untimed(second.summary)).toMatchFileSnapshot(
      '__snapshots__/demo/summary-repeat.md'
    )
  })
})
