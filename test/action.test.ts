import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  defaultToken,
  forkPullRequestToken,
  startEmulator,
  type Emulator
} from '../scripts/dev/emulator/index.js'
import {
  baseScenario,
  ciContext,
  ciRun,
  corpusCase,
  MAIN_SHA,
  pullRequestPayload
} from '../scripts/dev/scenarios.js'
import { readInputs } from '../scripts/lib/step/inputs.js'
import { runAction, type ActionRun } from '../scripts/dev/run-action.js'
import { commentsOf, issuesOf } from './harness/read-github.js'

const tsc = corpusCase({ tool: 'tsc' })
const tscAgain = corpusCase({ id: tsc.id.replace('--run1', '--run2') })
const tests = corpusCase({ tool: 'vitest' })
const lint = corpusCase({ tool: 'eslint' })
const PASSED = ['lint', 'format', 'security', 'build']

interface RunOptions {
  runId: number
  attempt?: number
  event?: 'pull_request' | 'push'
  inputs?: Record<string, string>
  token?: string
  payload?: Record<string, unknown>
  sha?: string
}

function reportRun(gh: Emulator, options: RunOptions): Promise<ActionRun> {
  const event = options.event ?? 'pull_request'
  return runAction({
    apiUrl: gh.url,
    token: options.token,
    inputs: { 'run-id': String(options.runId), ...options.inputs },
    env: { GITHUB_RUN_ATTEMPT: String(options.attempt ?? 1) },
    context: ciContext(gh.url, options.runId, event, options.payload, options.sha)
  })
}

/** Markdown source with backslash escapes removed: what a reader sees, near enough. */
const plain = (markdown: string | null | undefined): string =>
  (markdown ?? '').replace(/\\(.)/g, '$1')

describe('action.yml end to end', () => {
  it('(a) PR with 2 of 6 jobs failed: 2 issues, assignee, one PR comment, summary', async () => {
    await using gh = await startEmulator(
      baseScenario([
        ciRun({
          id: 1001,
          pr: 12,
          passed: PASSED,
          failed: [
            ['typecheck', tsc],
            ['test', tests]
          ]
        })
      ])
    )
    const run = await reportRun(gh, { runId: 1001 })
    expect(run.failed).toBeNull()

    const issues = await issuesOf(gh)
    expect(issues).toHaveLength(2)
    for (const issue of issues) {
      expect(issue.title).toMatch(/^\[feature\/7-login\] (typecheck|test) job failed/)
      expect(issue.assignees?.map(a => a.login)).toEqual(['alice'])
      expect(issue.labels.map(l => (typeof l === 'string' ? l : l.name))).toEqual(
        expect.arrayContaining(['bug', 'ci-failure'])
      )
      expect(issue.body).toMatch(/<!-- log-bugs:fingerprint=v1:[0-9a-f]{32} -->/)
      expect(plain(issue.body)).toContain('| **Feature** | #7 login |')
      expect(issue.body).toContain('https://github.com/acme/webapp/pull/12')
    }
    const typecheck = issues.find(i => i.title.includes('typecheck'))
    expect(plain(typecheck?.title)).toContain(tsc.keyLines[0]?.slice(0, 40))
    expect(typecheck?.body).toContain(tsc.keyLines[0])
    expect(typecheck?.labels.map(l => (typeof l === 'string' ? l : l.name))).toContain(
      'failure:type-check'
    )

    const prComments = await commentsOf(gh, 12)
    expect(prComments).toHaveLength(1)
    expect(prComments[0]?.body).toContain(`#${issues[0]?.number}`)
    expect(prComments[0]?.body).toContain(`#${issues[1]?.number}`)
    expect(prComments[0]?.body).toContain(`\`Fixes #${issues[0]?.number}\``)
    expect(prComments[0]?.body).toContain('**2 new failures from this pull request**, 0 unrelated')

    expect(run.outputs.created).toBe('2')
    expect(run.outputs['issue-numbers']?.split(',')).toHaveLength(2)
    expect(run.outputs['is-retry']).toBe('false')
    expect(run.outputs['comment-url']).toMatch(
      /^https:\/\/github\.com\/acme\/webapp\/pull\/12#issuecomment-\d+$/
    )
    expect(run.summary).toContain('(new)')
    expect(gh.state.openapiViolations).toEqual([])
  })

  it('(b) the same failure in a new run: no new issue, no comment on it, its body records the run, PR comment edited', async () => {
    await using gh = await startEmulator(
      baseScenario([
        ciRun({ id: 1001, pr: 12, passed: PASSED, failed: [['typecheck', tsc]] }),
        ciRun({ id: 1002, pr: 12, passed: PASSED, failed: [['typecheck', tscAgain]] })
      ])
    )
    await reportRun(gh, { runId: 1001 })
    const [issue] = await issuesOf(gh)
    const firstComment = (await commentsOf(gh, 12))[0]

    const second = await reportRun(gh, { runId: 1002 })
    expect(second.failed).toBeNull()
    const [updated, ...others] = await issuesOf(gh)
    expect(others).toHaveLength(0)
    // a repeat notifies nobody: the body's "Seen" table records it
    expect(await commentsOf(gh, issue!.number)).toHaveLength(0)
    expect(plain(updated?.body)).toMatch(/Seen \*\*2\*\* times/)
    expect(plain(updated?.body)).toContain(
      '[run 1002](https://github.com/acme/webapp/actions/runs/1002)'
    )
    expect(second.outputs['is-retry']).toBe('true')
    expect(second.outputs['attempt-count']).toBe('2')
    expect(second.outputs.created).toBe('0')
    expect(JSON.parse(second.outputs.failures ?? '[]')).toEqual([
      { fingerprint: expect.stringMatching(/^v1:/), class: 'known', issue: issue!.number }
    ])

    const prComments = await commentsOf(gh, 12)
    expect(prComments).toHaveLength(1)
    expect(prComments[0]?.id).toBe(firstComment?.id)
    expect(prComments[0]?.body).toContain('seen 2×')
    expect(prComments[0]?.body).toContain('#### Known')

    // The same run reported again (a re-run of the reporting job) records nothing twice.
    const writes = gh.writeRequests().length
    await reportRun(gh, { runId: 1002 })
    expect(await commentsOf(gh, issue!.number)).toHaveLength(0)
    const body = (await issuesOf(gh))[0]?.body ?? ''
    expect(body).toMatch(/"attemptCount":2/)
    expect(
      gh
        .writeRequests()
        .slice(writes)
        .map(r => r.route)
    ).toEqual([])
  })

  it('(c) a different failure files a new issue', async () => {
    await using gh = await startEmulator(
      baseScenario([
        ciRun({ id: 1001, pr: 12, passed: PASSED, failed: [['typecheck', tsc]] }),
        ciRun({ id: 1003, pr: 12, passed: PASSED, failed: [['lint', lint]] })
      ])
    )
    await reportRun(gh, { runId: 1001 })
    const run = await reportRun(gh, { runId: 1003 })
    expect(run.outputs.created).toBe('1')
    const issues = await issuesOf(gh)
    expect(issues).toHaveLength(2)
    const prComments = await commentsOf(gh, 12)
    expect(prComments).toHaveLength(1)
    for (const issue of issues) expect(prComments[0]?.body).toContain(`#${issue.number}`)
  })

  it('(d) push to main without a PR: issue filed, no comment anywhere', async () => {
    await using gh = await startEmulator(
      baseScenario([
        ciRun({
          id: 1004,
          event: 'push',
          branch: 'main',
          sha: MAIN_SHA,
          pr: null,
          passed: PASSED,
          failed: [['test', tests]]
        })
      ])
    )
    const run = await reportRun(gh, { runId: 1004, event: 'push' })
    expect(run.failed).toBeNull()
    const issues = await issuesOf(gh)
    expect(issues).toHaveLength(1)
    expect(issues[0]?.title).toMatch(/^\[main\] test job failed/)
    expect(issues[0]?.assignees).toEqual([])
    expect(gh.routeCounts()['POST /repos/{owner}/{repo}/issues/{issue_number}/comments'] ?? 0).toBe(
      0
    )
    expect(run.outputs['comment-url']).toBe('')
  })

  it('(e) fork PR with a read-only token: one clear line, would-be issue in the summary', async () => {
    await using gh = await startEmulator(
      baseScenario([ciRun({ id: 1005, pr: 12, passed: PASSED, failed: [['test', tests]] })], {
        tokens: { 'ghs_test-token': defaultToken, 'fork-token': forkPullRequestToken }
      })
    )
    const run = await reportRun(gh, {
      runId: 1005,
      token: 'fork-token',
      payload: pullRequestPayload({ headRepo: 'stranger/webapp' })
    })
    expect(run.failed).toMatch(/^log-bugs: cannot file the issue: the token lacks `issues: write`/)
    expect(run.failed).toContain('workflow_run')
    expect(run.failed).not.toContain('\n')
    expect(run.log).not.toMatch(/Unhandled error|\n\s+at /)
    expect(run.summary).toContain('Would-be issue')
    expect(run.summary).toContain(tests.keyLines[0]?.slice(0, 30))
    expect(await issuesOf(gh)).toHaveLength(0)
  })

  it('(f) an expired log: the issue says so and links the job', async () => {
    const run = ciRun({ id: 1006, pr: 12, passed: PASSED, failed: [['test', tests]] })
    const failed = run.jobs.find(job => job.name === 'test')!
    failed.log = { status: 410 }
    await using gh = await startEmulator(baseScenario([run]))
    const result = await reportRun(gh, { runId: 1006 })
    expect(result.failed).toBeNull()
    expect(result.warnings.join('\n')).toMatch(/no log for job "test": the log has expired/)
    const [issue] = await issuesOf(gh)
    expect(plain(issue?.body)).toContain(
      'Log unavailable: the log has expired or was deleted (HTTP 410)'
    )
    expect(issue?.body).toContain(
      `https://github.com/acme/webapp/actions/runs/1006/job/${failed.id}`
    )
  })

  it('(g) dry-run makes zero write requests and shows the would-be issue', async () => {
    await using gh = await startEmulator(
      baseScenario([
        ciRun({
          id: 1007,
          pr: 12,
          passed: PASSED,
          failed: [
            ['typecheck', tsc],
            ['test', tests]
          ]
        })
      ])
    )
    const run = await reportRun(gh, { runId: 1007, inputs: { 'dry-run': 'true' } })
    expect(run.failed).toBeNull()
    expect(gh.writeRequests()).toEqual([])
    expect(run.summary).toContain('Would-be issue')
    expect(run.summary).toContain('Pull request comment')
    expect(run.log).toContain('dry-run: would file')
  })

  it('matrix legs that fail the same way become one issue listing both legs', async () => {
    await using gh = await startEmulator(
      baseScenario([
        ciRun({
          id: 1008,
          pr: 12,
          passed: PASSED,
          failed: [
            ['typecheck (ubuntu-latest, 20)', tsc],
            ['typecheck (ubuntu-latest, 22)', tscAgain]
          ]
        })
      ])
    )
    const run = await reportRun(gh, { runId: 1008 })
    const issues = await issuesOf(gh)
    expect(issues).toHaveLength(1)
    expect(plain(issues[0]?.body)).toContain('typecheck (ubuntu-latest, 22)')
    expect(run.outputs.fingerprints?.split(',')).toHaveLength(1)
  })

  it('reporting from inside the failing job: its log is not uploaded yet, the issue is filed anyway', async () => {
    const run = ciRun({ id: 1009, pr: 12, passed: PASSED, failed: [['test', tests]] })
    const job = run.jobs.find(j => j.name === 'test')!
    job.status = 'in_progress'
    job.conclusion = null
    job.completed_at = null
    await using gh = await startEmulator(baseScenario([run]))
    const result = await reportRun(gh, { runId: 1009 })
    expect(result.failed).toBeNull()
    const [issue] = await issuesOf(gh)
    expect(plain(issue?.body)).toContain('still running')
    expect(issue?.body).toContain(`#step:`)
    expect(gh.routeCounts()['GET /repos/{owner}/{repo}/actions/jobs/{job_id}/logs'] ?? 0).toBe(0)
  })

  it("(h) the branch goes green: its issues are pending merge; the default branch green closes them, other branches' stay open", async () => {
    const FIXED = 'bb11bb22cc33dd44ee55ff6677889900aabbccdd'
    await using gh = await startEmulator(
      baseScenario([
        ciRun({
          id: 1001,
          pr: 12,
          passed: PASSED,
          failed: [
            ['typecheck', tsc],
            ['test', tests]
          ]
        }),
        ciRun({
          id: 1004,
          event: 'push',
          branch: 'main',
          sha: MAIN_SHA,
          pr: null,
          passed: PASSED,
          failed: [['lint', lint]]
        }),
        ciRun({
          id: 1010,
          pr: 12,
          sha: FIXED,
          passed: [...PASSED, 'typecheck', 'test'],
          failed: []
        }),
        ciRun({
          id: 1011,
          event: 'push',
          branch: 'main',
          sha: FIXED,
          pr: null,
          passed: [...PASSED, 'lint', 'typecheck', 'test'],
          failed: []
        })
      ])
    )
    await reportRun(gh, { runId: 1001 })
    await reportRun(gh, { runId: 1004, event: 'push' })
    const green = await reportRun(gh, { runId: 1010, payload: pullRequestPayload({ sha: FIXED }) })
    expect(green.failed).toBeNull()

    let issues = await issuesOf(gh)
    const onBranch = issues.filter(i => i.title.startsWith('[feature/7-login]'))
    expect(onBranch).toHaveLength(2)
    for (const issue of onBranch) {
      expect(issue.state).toBe('open')
      expect(issue.labels.map(l => (typeof l === 'string' ? l : l.name))).toContain('pending-merge')
      const notes = await commentsOf(gh, issue.number)
      expect(notes).toHaveLength(1)
      expect(plain(notes[0]?.body)).toMatch(
        /^Pending merge: feature\/7-login \(#12\) passed in \[run 1010\]/
      )
    }
    expect(green.outputs['resolved-issues']).toBe('')
    const prComments = await commentsOf(gh, 12)
    expect(prComments).toHaveLength(1)
    expect(prComments[0]?.body).toContain('No failure in the latest run.')

    const trunk = await reportRun(gh, { runId: 1011, event: 'push', sha: FIXED })
    expect(trunk.failed).toBeNull()
    issues = await issuesOf(gh)
    for (const issue of issues) {
      expect(issue.state).toBe('closed')
      expect(issue.state_reason).toBe('completed')
      const notes = await commentsOf(gh, issue.number)
      expect(plain(notes.at(-1)?.body)).toMatch(/^Resolved: main passed in \[run 1011\]/)
    }
    expect(trunk.outputs['resolved-issues']?.split(',')).toHaveLength(3)
  })

  it('a green run with close-on-success false closes nothing; it only updates the PR comment', async () => {
    await using gh = await startEmulator(
      baseScenario([
        ciRun({ id: 1001, pr: 12, passed: PASSED, failed: [['typecheck', tsc]] }),
        ciRun({ id: 1010, pr: 12, passed: [...PASSED, 'typecheck'], failed: [] })
      ])
    )
    await reportRun(gh, { runId: 1001 })
    const writes = gh.writeRequests().length
    const run = await reportRun(gh, { runId: 1010, inputs: { 'close-on-success': 'false' } })
    expect(run.failed).toBeNull()
    expect(
      gh
        .writeRequests()
        .slice(writes)
        .map(r => r.route)
    ).toEqual(['PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}'])
    expect((await issuesOf(gh)).every(i => i.state === 'open')).toBe(true)
  })

  it('a green run on a PR that never failed writes nothing at all', async () => {
    await using gh = await startEmulator(
      baseScenario([ciRun({ id: 1010, pr: 12, passed: [...PASSED, 'typecheck'], failed: [] })])
    )
    const run = await reportRun(gh, { runId: 1010 })
    expect(run.failed).toBeNull()
    expect(gh.writeRequests()).toEqual([])
  })
})

describe('action.yml hands every input to the code', () => {
  it('each input the caller sets reaches the state folder and changes what the action does', async () => {
    await using gh = await startEmulator(
      baseScenario([
        ciRun({
          id: 1101,
          pr: 12,
          passed: PASSED,
          failed: [
            ['typecheck', tsc],
            ['test', tests],
            ['lint', lint]
          ]
        })
      ])
    )
    const dir = mkdtempSync(join(tmpdir(), 'templates-'))
    writeFileSync(
      join(dir, 'issue.md'),
      'custom issue for {{jobs}}\n{{excerpt}}\n{{marker}}\n{{metadata}}\n'
    )
    writeFileSync(join(dir, 'comment.md'), 'custom comment\n{{marker}}\n{{metadata}}\n')
    const given = {
      'job-results': JSON.stringify({ typecheck: { result: 'failure', outputs: {} } }),
      branch: 'story-42',
      'pr-number': '12',
      'pr-url': 'https://github.com/acme/webapp/pull/12',
      'pr-author': 'alice',
      'run-id': '1101',
      labels: 'ci,broken-build',
      'assign-author': 'false',
      'comment-on-pr': 'true',
      'log-lines': '5',
      'issue-template': join(dir, 'issue.md'),
      'comment-template': join(dir, 'comment.md'),
      'dry-run': 'false',
      'max-issues': '2',
      'close-on-success': 'false'
    }
    const run = await reportRun(gh, { runId: 1101, inputs: given })
    expect(run.failed).toBeNull()
    const stored = JSON.parse(readFileSync(join(run.runnerTemp, 'log-bugs/inputs.json'), 'utf8'))
    expect(stored).toEqual(readInputs(given))
    expect(JSON.stringify(stored)).not.toContain('ghs_test-token')

    const issues = (await issuesOf(gh)).filter(i => i.state === 'open')
    expect(issues).toHaveLength(2) // max-issues
    for (const issue of issues) {
      expect(issue.body).toMatch(/^custom issue for /) // issue-template
      expect(issue.title).toMatch(/^\[story-42\]/) // branch
      expect(issue.assignees).toEqual([]) // assign-author
      expect(issue.labels.map(l => (typeof l === 'string' ? l : l.name))).toEqual(
        expect.arrayContaining(['ci', 'broken-build'])
      ) // labels
      const excerpt = /```\n([\s\S]*?)\n```/.exec(issue.body ?? '')?.[1] ?? ''
      expect(excerpt.split('\n').length).toBeLessThanOrEqual(5) // log-lines
    }
    const [comment] = await commentsOf(gh, 12)
    expect(comment?.body).toMatch(/^custom comment/) // comment-template
  })
})
