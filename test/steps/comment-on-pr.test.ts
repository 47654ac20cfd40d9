import { describe, expect, it } from 'vitest'
import { startEmulator, type Emulator } from '../../scripts/dev/emulator/index.js'
import { baseScenario, ciContext, ciRun, corpusCase } from '../../scripts/dev/scenarios.js'
import { runPipeline } from '../harness/run-pipeline.js'

const tsc = corpusCase({ tool: 'tsc' })
const tscAgain = corpusCase({ id: tsc.id.replace('--run1', '--run2') })
const tests = corpusCase({ tool: 'vitest' })

/** The steps before comment-on-pr, then comment-on-pr alone. */
async function commentOnPr(
  gh: Emulator,
  runId: number,
  options: { inputs?: Record<string, string>; prepare?: () => void } = {}
) {
  const context = ciContext(gh.url, runId)
  const inputs = { 'run-id': String(runId), ...options.inputs }
  const before = await runPipeline({ emulator: gh, context, inputs, until: 'create-issue' })
  options.prepare?.()
  const mark = gh.requests.length
  const run = await runPipeline({
    emulator: gh,
    context,
    inputs,
    from: 'comment-on-pr',
    until: 'comment-on-pr',
    runnerTemp: before.runnerTemp
  })
  return { run, routes: gh.requests.slice(mark).map(r => r.route) }
}

const prComments = (gh: Emulator) =>
  gh.state.issues.find(i => i.pull_request && i.number === 12)?.comments ?? []

describe('comment-on-pr', () => {
  it('starts one comment listing the issues, writes the summary and the comment-url output', async () => {
    await using gh = await startEmulator(
      baseScenario([
        ciRun({
          id: 9001,
          pr: 12,
          failed: [
            ['typecheck', tsc],
            ['test', tests]
          ]
        })
      ])
    )
    const { run, routes } = await commentOnPr(gh, 9001)
    expect(run.failed).toBeNull()
    // no issue of this PR existed, so no earlier comment can: post, then the racers' list
    expect(routes).toEqual([
      'POST /repos/{owner}/{repo}/issues/{issue_number}/comments',
      'GET /repos/{owner}/{repo}/issues/{issue_number}/comments'
    ])
    const [comment, ...more] = prComments(gh)
    expect(more).toEqual([])
    expect(comment?.body).toContain(
      '**2 new failures from this pull request**, 0 unrelated (0 broken trunk, 0 flaky)'
    )
    expect(comment?.body).toContain('#### New')
    expect(comment?.body.match(/open · new/g)).toHaveLength(2)
    expect(run.outputs['comment-url']).toMatch(/\/pull\/12#issuecomment-\d+$/)
    expect(run.summary).toMatch(/^## log-bugs/)
    expect(run.summary.match(/\(new\)/g)).toHaveLength(2)
  })

  it('edits its comment in place on the next run', async () => {
    await using gh = await startEmulator(
      baseScenario([
        ciRun({ id: 9101, pr: 12, failed: [['typecheck', tsc]] }),
        ciRun({ id: 9102, pr: 12, failed: [['typecheck', tscAgain]] })
      ])
    )
    await runPipeline({
      emulator: gh,
      context: ciContext(gh.url, 9101),
      inputs: { 'run-id': '9101' }
    })
    const { routes } = await commentOnPr(gh, 9102)
    expect(routes).toEqual([
      'GET /repos/{owner}/{repo}/issues/{issue_number}/comments',
      'PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}'
    ])
    const comments = prComments(gh)
    expect(comments).toHaveLength(1)
    expect(comments[0]?.body).toContain('open · seen 2×')
  })

  it('a refused comment is a warning: the step passes and the summary says why', async () => {
    await using gh = await startEmulator(
      baseScenario([ciRun({ id: 9201, pr: 12, failed: [['typecheck', tsc]] })])
    )
    const { run } = await commentOnPr(gh, 9201, {
      prepare: () =>
        gh.faults.add({
          route: 'POST /repos/{owner}/{repo}/issues/{issue_number}/comments',
          status: 403
        })
    })
    expect(run.failed).toBeNull()
    expect(run.core.warnings()).toEqual([
      expect.stringMatching(/the token may not comment on PR #12 \(HTTP 403\)/)
    ])
    expect(run.summary).toContain('[!WARNING]')
    expect(run.outputs['comment-url']).toBe('')
    expect(prComments(gh)).toEqual([])
  })

  it('a green run on a PR that never failed says nothing on the PR', async () => {
    await using gh = await startEmulator(
      baseScenario([ciRun({ id: 9301, pr: 12, passed: ['lint'], failed: [] })])
    )
    const { run, routes } = await commentOnPr(gh, 9301)
    expect(routes).toEqual(['GET /repos/{owner}/{repo}/issues/{issue_number}/comments'])
    expect(prComments(gh)).toEqual([])
    expect(run.outputs['comment-url']).toBe('')
  })

  it('an earlier comment it did not expect (its issues all closed) is found after posting: ours folds into it', async () => {
    await using gh = await startEmulator(
      baseScenario([ciRun({ id: 9401, pr: 12, failed: [['typecheck', tsc]] })], {
        comments: [
          {
            issue_number: 12,
            user: 'github-actions[bot]',
            body: 'an older list\n\n<!-- log-bugs:pr-comment=12 -->'
          }
        ]
      })
    )
    const { run, routes } = await commentOnPr(gh, 9401)
    expect(run.failed).toBeNull()
    expect(routes).toEqual([
      'POST /repos/{owner}/{repo}/issues/{issue_number}/comments',
      'GET /repos/{owner}/{repo}/issues/{issue_number}/comments',
      'PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}',
      'DELETE /repos/{owner}/{repo}/issues/comments/{comment_id}'
    ])
    const [comment, ...more] = prComments(gh)
    expect(more).toEqual([])
    expect(comment?.body).toContain('#### New')
  })
})
