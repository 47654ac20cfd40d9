import { describe, expect, it } from 'vitest'
import {
  forkPullRequestToken,
  startEmulator,
  type Emulator
} from '../../scripts/dev/emulator/index.js'
import {
  baseScenario,
  ciContext,
  ciRun,
  corpusCase,
  pullRequestPayload
} from '../../scripts/dev/scenarios.js'
import { runPipeline } from '../harness/run-pipeline.js'

const tsc = corpusCase({ tool: 'tsc' })
const tscAgain = corpusCase({ id: tsc.id.replace('--run1', '--run2') })
const tests = corpusCase({ tool: 'vitest' })
const lint = corpusCase({ tool: 'eslint' })

/** The steps before create-issue, then create-issue alone. */
async function createIssue(
  gh: Emulator,
  runId: number,
  options: { inputs?: Record<string, string>; token?: string; event?: string; sha?: string } = {}
) {
  const context = ciContext(
    gh.url,
    runId,
    options.event,
    options.sha && options.event !== 'push' ? pullRequestPayload({ sha: options.sha }) : undefined,
    options.sha
  )
  const inputs = { 'run-id': String(runId), ...options.inputs }
  const before = await runPipeline({ emulator: gh, context, inputs, until: 'find-duplicate' })
  const mark = gh.requests.length
  const run = await runPipeline({
    emulator: gh,
    context,
    inputs,
    token: options.token,
    from: 'create-issue',
    until: 'create-issue',
    runnerTemp: before.runnerTemp
  })
  return { run, routes: gh.requests.slice(mark).map(r => r.route) }
}

const issuesOf = (gh: Emulator) => gh.state.issues.filter(i => !i.pull_request)

describe('create-issue', () => {
  it('files one issue per new failure with labels and assignee in one request each, then lists once, and sets the outputs', async () => {
    await using gh = await startEmulator(
      baseScenario([
        ciRun({
          id: 8001,
          pr: 12,
          failed: [
            ['typecheck', tsc],
            ['test', tests]
          ]
        })
      ])
    )
    const { run, routes } = await createIssue(gh, 8001)
    expect(run.failed).toBeNull()
    // labels that do not exist yet are created by GitHub with the issue
    expect(routes).toEqual([
      'POST /repos/{owner}/{repo}/issues',
      'POST /repos/{owner}/{repo}/issues',
      'GET /repos/{owner}/{repo}/issues'
    ])
    const issues = issuesOf(gh)
    expect(issues.map(i => [i.labels.sort(), i.assignees])).toEqual([
      [['bug', 'ci-failure', 'failure:type-check'], ['alice']],
      [['bug', 'ci-failure', 'failure:test'], ['alice']]
    ])
    expect(gh.state.labels.map(l => l.name)).toEqual(
      expect.arrayContaining(['ci-failure', 'failure:type-check', 'failure:test'])
    )
    expect(run.state('outcomes').map(o => o.kind)).toEqual(['filed', 'filed'])
    expect(run.outputs).toMatchObject({
      'issue-numbers': issues.map(i => i.number).join(','),
      created: '2',
      'is-retry': 'false',
      'attempt-count': '1',
      'resolved-issues': '',
      'new-failures': '2',
      'unrelated-failures': '0'
    })
    expect(JSON.parse(run.outputs.failures ?? '')).toEqual(
      issues.map(i => ({
        fingerprint: expect.stringMatching(/^v1:/),
        class: 'new',
        issue: i.number
      }))
    )
  })

  it('records a repeat in its issue body without a comment (one write, two reads back), and nothing else is filed', async () => {
    await using gh = await startEmulator(
      baseScenario([
        ciRun({ id: 8101, pr: 12, failed: [['typecheck', tsc]] }),
        ciRun({ id: 8102, pr: 12, failed: [['typecheck', tscAgain]] })
      ])
    )
    await runPipeline({
      emulator: gh,
      context: ciContext(gh.url, 8101),
      inputs: { 'run-id': '8101' }
    })
    const { run, routes } = await createIssue(gh, 8102)
    expect(routes).toEqual([
      'PATCH /repos/{owner}/{repo}/issues/{issue_number}',
      'GET /repos/{owner}/{repo}/issues/{issue_number}',
      'GET /repos/{owner}/{repo}/issues/{issue_number}' // the last check, after every write
    ])
    const [issue] = issuesOf(gh)
    expect(issuesOf(gh)).toHaveLength(1)
    expect(issue?.comments).toEqual([])
    expect(issue?.body).toContain('[run 8102](https://github.com/acme/webapp/actions/runs/8102)')
    expect(issue?.body).toMatch(/"runs":\[\{"id":8101,.*\{"id":8102,"attempt":1/)
    expect(run.state('outcomes')).toEqual([
      expect.objectContaining({
        kind: 'recorded',
        seen: 2,
        issue: expect.objectContaining({ number: issue?.number })
      })
    ])
    expect(run.outputs).toMatchObject({ created: '0', 'is-retry': 'true', 'attempt-count': '2' })
  })

  it('lists the failures over max-issues in the last issue it files', async () => {
    await using gh = await startEmulator(
      baseScenario([
        ciRun({
          id: 8201,
          pr: 12,
          failed: [
            ['typecheck', tsc],
            ['test', tests],
            ['lint', lint]
          ]
        })
      ])
    )
    const { run } = await createIssue(gh, 8201, { inputs: { 'max-issues': '2' } })
    expect(issuesOf(gh)).toHaveLength(2)
    expect(issuesOf(gh)[1]?.body).toContain('More failures in this run')
    expect(run.state('outcomes').map(o => o.kind)).toEqual(['filed', 'filed', 'listed'])
  })

  it('refused: fails with one line, keeps the would-be issue in the summary, and still sets the outputs', async () => {
    await using gh = await startEmulator(
      baseScenario([ciRun({ id: 8301, pr: 12, failed: [['typecheck', tsc]] })], {
        tokens: { 'ghs_test-token': forkPullRequestToken }
      })
    )
    const { run } = await createIssue(gh, 8301)
    expect(run.failed).toMatch(
      /^log-bugs: cannot file the issue: the token lacks `issues: write` \(HTTP 403/
    )
    expect(run.failed?.split('\n')).toHaveLength(1)
    expect(run.summary).toContain('Would-be issue:')
    expect(run.state('outcomes').map(o => o.kind)).toEqual(['refused'])
    expect(run.outputs).toMatchObject({ 'issue-numbers': '', created: '0' })
    expect(issuesOf(gh)).toEqual([])
  })

  it('on a green run of a feature branch marks its issues pending-merge with one comment; the default branch green closes them', async () => {
    const FIXED = 'bb11bb22cc33dd44ee55ff6677889900aabbccdd'
    await using gh = await startEmulator(
      baseScenario([
        ciRun({ id: 8401, pr: 12, failed: [['typecheck', tsc]] }),
        ciRun({ id: 8402, pr: 12, sha: FIXED, passed: ['typecheck'], failed: [] }),
        ciRun({
          id: 8403,
          branch: 'main',
          event: 'push',
          sha: FIXED,
          passed: ['typecheck'],
          failed: []
        })
      ])
    )
    await runPipeline({
      emulator: gh,
      context: ciContext(gh.url, 8401),
      inputs: { 'run-id': '8401' }
    })
    const green = await createIssue(gh, 8402, { sha: FIXED })
    expect(green.routes).toEqual([
      'PATCH /repos/{owner}/{repo}/issues/{issue_number}',
      'GET /repos/{owner}/{repo}/issues/{issue_number}',
      'POST /repos/{owner}/{repo}/issues/{issue_number}/comments',
      'GET /repos/{owner}/{repo}/issues/{issue_number}/comments',
      'GET /repos/{owner}/{repo}/issues/{issue_number}'
    ])
    let [issue] = issuesOf(gh)
    expect(issue?.state).toBe('open')
    expect(issue?.labels).toContain('pending-merge')
    expect(issue?.comments.at(-1)?.body).toMatch(/^Pending merge: .* passed in \[run 8402\]/)
    expect(green.run.state('outcomes')).toEqual([
      expect.objectContaining({ kind: 'marked', step: 'pending-merge' })
    ])

    const { run, routes } = await createIssue(gh, 8403, { event: 'push', sha: FIXED })
    expect(routes).toEqual([
      'POST /repos/{owner}/{repo}/issues/{issue_number}/comments',
      'PATCH /repos/{owner}/{repo}/issues/{issue_number}'
    ])
    ;[issue] = issuesOf(gh)
    expect([issue?.state, issue?.state_reason]).toEqual(['closed', 'completed'])
    expect(issue?.comments.at(-1)?.body).toMatch(/^Resolved: main passed in \[run 8403\]/)
    expect(run.outputs['resolved-issues']).toBe(String(issue?.number))
  })

  it('a server that refuses a label it does not have (pending-merge): log-bugs creates it and writes again', async () => {
    const FIXED = 'bb11bb22cc33dd44ee55ff6677889900aabbccdd'
    await using gh = await startEmulator(
      baseScenario([
        ciRun({ id: 8501, pr: 12, failed: [['typecheck', tsc]] }),
        ciRun({ id: 8502, pr: 12, sha: FIXED, passed: ['typecheck'], failed: [] })
      ])
    )
    await runPipeline({
      emulator: gh,
      context: ciContext(gh.url, 8501),
      inputs: { 'run-id': '8501' }
    })
    gh.faults.add({
      route: 'PATCH /repos/{owner}/{repo}/issues/{issue_number}',
      status: 422,
      times: 1,
      body: {
        message: 'Validation Failed',
        errors: [{ value: 'pending-merge', resource: 'Label', field: 'labels', code: 'invalid' }]
      }
    })
    const { run, routes } = await createIssue(gh, 8502, { sha: FIXED })
    expect(run.failed).toBeNull()
    expect(routes).toContain('POST /repos/{owner}/{repo}/labels')
    expect(issuesOf(gh)[0]?.labels).toContain('pending-merge')
  })
})
