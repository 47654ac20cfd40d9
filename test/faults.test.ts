import { describe, expect, it } from 'vitest'
import {
  defaultToken,
  octokitFor,
  startEmulator,
  type Emulator,
  type Scenario
} from '../scripts/dev/emulator/index.js'
import {
  baseScenario,
  ciContext,
  ciRun,
  corpusCase,
  MAIN_SHA,
  OWNER,
  pullRequestPayload,
  REPO
} from '../scripts/dev/scenarios.js'
import { makeContext } from '../scripts/dev/make-context.js'
import { actionStepIds, PIPELINE, runPipeline, type PipelineRun } from './harness/run-pipeline.js'
import { readActionYaml } from '../scripts/dev/run-action.js'

const tsc = corpusCase({ tool: 'tsc' })
const tests = corpusCase({ tool: 'vitest' })
const PASSED = ['lint', 'build']
const JOB_RESULTS = JSON.stringify({
  lint: { result: 'success', outputs: {} },
  build: { result: 'success', outputs: {} },
  typecheck: { result: 'failure', outputs: {} },
  test: { result: 'failure', outputs: {} }
})

function scenario(
  extra: Partial<Scenario> = {},
  run = ciRun({
    id: 3001,
    pr: 12,
    passed: PASSED,
    failed: [
      ['typecheck', tsc],
      ['test', tests]
    ]
  })
): Scenario {
  return baseScenario([run], extra)
}

function prContext(
  gh: Emulator,
  runId = 3001,
  eventName = 'pull_request',
  payload: Record<string, unknown> = pullRequestPayload()
) {
  return ciContext(gh.url, runId, eventName, payload)
}

function pipeline(
  gh: Emulator,
  inputs: Record<string, string> = {},
  token?: string
): Promise<PipelineRun> {
  return runPipeline({
    emulator: gh,
    context: prContext(gh),
    token,
    inputs: { 'job-results': JOB_RESULTS, ...inputs }
  })
}

/** What a maintainer would see: issues, their comments, labels and assignees, without clocks. */
async function finalState(gh: Emulator, token = 'ghs_test-token') {
  const octokit = octokitFor(gh, token)
  const all = await octokit.paginate(octokit.rest.issues.listForRepo, {
    owner: OWNER,
    repo: REPO,
    state: 'all',
    per_page: 100
  })
  const untimed = (text: string | null | undefined) =>
    (text ?? '')
      .replace(/"(firstSeen|lastSeen|notifiedAt|at)":"[^"]*"/g, '"$1":"…"')
      .replace(/\d{4}-\d\d-\d\d \d\d:\d\d UTC/g, '…')
  const result = []
  for (const issue of all) {
    const comments = await octokit.paginate(octokit.rest.issues.listComments, {
      owner: OWNER,
      repo: REPO,
      issue_number: issue.number,
      per_page: 100
    })
    result.push({
      number: issue.number,
      pr: Boolean(issue.pull_request),
      title: issue.title,
      state: issue.state,
      labels: issue.labels.map(l => (typeof l === 'string' ? l : l.name)).sort(),
      assignees: (issue.assignees ?? []).map(a => a.login),
      body: untimed(issue.body),
      comments: comments.map(c => untimed(c.body))
    })
  }
  return result
}

const issuesOf = async (gh: Emulator, token = 'ghs_test-token') =>
  (await finalState(gh, token)).filter(i => !i.pr)

describe('the pipeline runner', () => {
  it('runs the steps in action.yml order', () => {
    expect(PIPELINE.map(([name]) => name)).toEqual(actionStepIds())
  })

  it('leaves github-script retries off, so our request hook is the one retry layer', () => {
    // github-script's plugin-retry ignores retry-after and, in some versions, retries exempt 4xx.
    for (const step of readActionYaml().runs.steps) expect(step.with?.retries).toBeUndefined()
  })
})

describe('faults: 5xx bursts on any call are retried and change nothing', async () => {
  // The routes a clean run calls, found by running it once.
  const baseline = await (async () => {
    await using gh = await startEmulator(scenario())
    const run = await pipeline(gh)
    if (run.failed) throw new Error(`baseline run failed: ${run.failed}`)
    return { state: await finalState(gh), routes: Object.keys(gh.routeCounts()) }
  })()

  it('the clean run files 2 issues and one PR comment', () => {
    expect(baseline.state.filter(i => !i.pr)).toHaveLength(2)
    expect(baseline.routes.length).toBeGreaterThanOrEqual(8)
  })

  const rows = baseline.routes.flatMap(route => [1, 2, 3].map(burst => [route, burst] as const))
  it.each(rows)('%s failing %i time(s) in a row', async (route, burst) => {
    await using gh = await startEmulator(scenario())
    const [method] = route.split(' ')
    gh.faults.add({ route, method, status: [502, 500, 503][burst - 1] ?? 502, times: burst })
    const run = await pipeline(gh)
    expect(run.failed).toBeNull()
    // job logs are tried again in rounds: one wait serves every log still missing
    expect(run.waits.length).toBeGreaterThanOrEqual(route.includes('/_signed/') ? 1 : burst)
    expect(await finalState(gh)).toEqual(baseline.state)
  })
})

describe('faults: the table of issue #4', () => {
  it('secondary rate limit with retry-after: waits as told, then succeeds', async () => {
    await using gh = await startEmulator(scenario())
    gh.faults.add({
      route: 'POST /repos/{owner}/{repo}/issues',
      status: 403,
      headers: { 'retry-after': '30' },
      body: {
        message:
          'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.'
      }
    })
    gh.faults.add({
      route: 'GET /repos/{owner}/{repo}/actions/runs/{run_id}/jobs',
      status: 429,
      headers: { 'retry-after': '5' }
    })
    const run = await pipeline(gh)
    expect(run.failed).toBeNull()
    expect(run.waits).toEqual(expect.arrayContaining([30_000, 5_000]))
    expect(await issuesOf(gh)).toHaveLength(2)
  })

  it("secondary rate limit without retry-after: waits a minute (GitHub's advice), bounded", async () => {
    await using gh = await startEmulator(scenario())
    gh.faults.add({
      route: 'POST /repos/{owner}/{repo}/issues',
      status: 403,
      body: { message: 'You have exceeded a secondary rate limit.' }
    })
    const run = await pipeline(gh)
    expect(run.failed).toBeNull()
    expect(run.waits).toContain(60_000)
    expect(run.waits.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(120_000)
  })

  it("waits across all steps stay inside one budget, well within the job's 5 minutes", async () => {
    await using gh = await startEmulator(scenario())
    const limited = {
      status: 403,
      headers: { 'retry-after': '60' },
      body: { message: 'You have exceeded a secondary rate limit.' }
    }
    gh.faults.add({ route: 'GET /repos/{owner}/{repo}/actions/runs/{run_id}', ...limited }) // gather-context
    gh.faults.add({ route: 'GET /repos/{owner}/{repo}/actions/jobs/{job_id}/logs', ...limited }) // tail-log
    gh.faults.add({ route: 'GET /repos/{owner}/{repo}/issues', ...limited }) // find-duplicate
    gh.faults.add({ route: 'POST /repos/{owner}/{repo}/issues', ...limited }) // create-issue
    const run = await pipeline(gh)
    expect(run.waits).toEqual([60_000, 60_000])
    expect(run.failed).toMatch(/^log-bugs: cannot file the issue: GitHub's secondary rate limit/)
    expect(run.summary).toContain('Would-be issue')
  })

  it('a secondary limit asking for longer than the budget fails with one line saying so', async () => {
    await using gh = await startEmulator(scenario())
    gh.faults.add({
      route: 'POST /repos/{owner}/{repo}/issues',
      status: 403,
      times: 5,
      headers: { 'retry-after': '900' },
      body: { message: 'You have exceeded a secondary rate limit.' }
    })
    const run = await pipeline(gh)
    expect(run.failed).toMatch(/secondary rate limit .*Re-run the job/)
    expect(run.waits).toEqual([])
  })

  it('primary rate limit exhausted: one clear error naming the reset time, and a later run files no duplicate', async () => {
    const reset = Math.floor(Date.parse('2026-11-26T10:30:00Z') / 1000)
    await using gh = await startEmulator(
      scenario({
        tokens: {
          'ghs_test-token': { ...defaultToken, rateLimit: { limit: 1000, remaining: 6, reset } },
          inspector: defaultToken
        }
      })
    )
    const first = await pipeline(gh)
    expect(first.failed).toBe(
      `log-bugs: GitHub API rate limit exhausted for this token (${first.failed?.match(/\((GET|POST|PATCH) [^)]+\)/)?.[0].slice(1, -1)}); it resets at 2026-11-26T10:30:00.000Z. Re-run the job after that.`
    )
    expect(first.failed).not.toContain('\n')
    const filedBefore = (await issuesOf(gh, 'inspector')).length
    expect(filedBefore).toBeLessThanOrEqual(2)
    gh.clock.advance(31 * 60_000)
    const second = await pipeline(gh)
    expect(second.failed).toBeNull()
    const issues = await issuesOf(gh, 'inspector')
    expect(issues.filter(i => i.state === 'open')).toHaveLength(2)
    expect(issues).toHaveLength(2)
  })

  it.each([
    ['POST /repos/{owner}/{repo}/issues/{issue_number}/comments', 422],
    ['GET /repos/{owner}/{repo}/actions/runs/{run_id}/jobs', 404],
    ['GET /search/issues', 422]
  ])('a %s answering %i is not retried', async (route, status) => {
    await using gh = await startEmulator(scenario())
    gh.faults.add({ route, status, times: 3 })
    const run = await pipeline(gh)
    expect(run.failed).toBeNull()
    expect(gh.routeCounts()[route]).toBe(1)
    expect(run.waits).toEqual([])
  })

  it.each([404, 410])(
    'a job log answering %i: issue filed, says the log is unavailable, links the job',
    async status => {
      const run = ciRun({
        id: 3001,
        pr: 12,
        passed: PASSED,
        failed: [
          ['typecheck', tsc],
          ['test', tests]
        ]
      })
      run.jobs.find(j => j.name === 'test')!.log = { status: status as 404 | 410 }
      await using gh = await startEmulator(scenario({}, run))
      const result = await pipeline(gh)
      expect(result.failed).toBeNull()
      expect(result.core.warnings().join('\n')).toMatch(
        new RegExp(`no log for job "test": .*HTTP ${status}`)
      )
      const issue = (await issuesOf(gh)).find(i => i.title.includes('] test job failed'))
      expect(issue?.body).toMatch(new RegExp(`Log unavailable: .*HTTP ${status}`))
      expect(issue?.body).toContain('/actions/runs/3001/job/')
    }
  )

  it('without actions: read: issues still filed from job-results, logs unavailable', async () => {
    const noActions = {
      ...defaultToken,
      permissions: { ...defaultToken.permissions, actions: 'none' as const }
    }
    await using gh = await startEmulator(scenario({ tokens: { 'ghs_test-token': noActions } }))
    const run = await pipeline(gh)
    expect(run.failed).toBeNull()
    expect(run.core.warnings().join('\n')).toMatch(/Grant `actions: read`/)
    const issues = await issuesOf(gh)
    expect(issues.map(i => i.title).sort()).toEqual([
      '[feature/7-login] test job failed',
      '[feature/7-login] typecheck job failed'
    ])
    for (const issue of issues) expect(issue.body).toContain('Log unavailable')
  })

  it('jobs list forbidden: falls back to the names and results in job-results', async () => {
    await using gh = await startEmulator(scenario())
    gh.faults.add({ route: 'GET /repos/{owner}/{repo}/actions/runs/{run_id}/jobs', status: 403 })
    const run = await pipeline(gh)
    expect(run.failed).toBeNull()
    expect(run.core.warnings().join('\n')).toMatch(
      /cannot list the jobs of run 3001 .*using job-results/
    )
    expect((await issuesOf(gh)).map(i => i.title).sort()).toEqual([
      '[feature/7-login] test job failed',
      '[feature/7-login] typecheck job failed'
    ])
  })

  it('read-only token: one line naming the permission and the fork recipe, would-be issue in the summary', async () => {
    await using gh = await startEmulator(
      scenario({
        tokens: {
          'ghs_test-token': {
            ...defaultToken,
            permissions: {
              actions: 'read',
              contents: 'read',
              issues: 'read',
              pull_requests: 'read'
            }
          }
        }
      })
    )
    const run = await runPipeline({
      emulator: gh,
      context: prContext(
        gh,
        3001,
        'pull_request',
        pullRequestPayload({ headRepo: 'stranger/webapp' })
      )
    })
    expect(run.failed).toMatch(
      /^log-bugs: cannot file the issue: the token lacks `issues: write` .*workflow_run recipe/
    )
    expect(run.failed).not.toContain('\n')
    expect(run.core.all()).not.toMatch(/\n\s+at /)
    expect(run.summary).toContain('Would-be issue')
    expect(await issuesOf(gh)).toHaveLength(0)
  })

  it('labels refused on create (422): created, then filed with them', async () => {
    await using gh = await startEmulator(scenario())
    gh.faults.add({
      route: 'POST /repos/{owner}/{repo}/issues',
      status: 422,
      times: 1,
      body: {
        message: 'Validation Failed',
        errors: [{ value: 'ci-failure', resource: 'Label', field: 'labels', code: 'invalid' }]
      }
    })
    const run = await pipeline(gh)
    expect(run.failed).toBeNull()
    expect(run.core.warnings()).toEqual([])
    expect(gh.routeCounts()['POST /repos/{owner}/{repo}/labels']).toBeGreaterThan(0)
    for (const issue of await issuesOf(gh)) expect(issue.labels).toContain('ci-failure')
  })

  it('labels refused even once created: filed without them, with a warning', async () => {
    await using gh = await startEmulator(scenario())
    gh.faults.add({
      route: 'POST /repos/{owner}/{repo}/issues',
      status: 422,
      times: 2,
      body: {
        message: 'Validation Failed',
        errors: [{ value: 'ci-failure', resource: 'Label', field: 'labels', code: 'invalid' }]
      }
    })
    const run = await pipeline(gh)
    expect(run.failed).toBeNull()
    expect(run.core.warnings().join('\n')).toMatch(
      /GitHub refused the labels .*filing without them/
    )
    const labels = (await issuesOf(gh)).map(issue => issue.labels)
    expect(labels).toContainEqual([])
    expect(labels).toHaveLength(2)
  })

  it('PR author not assignable (422 on create): filed unassigned, body says why', async () => {
    await using gh = await startEmulator(scenario())
    const run = await runPipeline({
      emulator: gh,
      context: prContext(gh, 3001, 'pull_request', pullRequestPayload({ author: 'mallory' }))
    })
    expect(run.failed).toBeNull()
    for (const issue of await issuesOf(gh)) {
      expect(issue.assignees).toEqual([])
      expect(issue.body).toMatch(/Not assigned: GitHub refused .*mallory.* as assignee/)
    }
  })

  it('PR author refused on create (422): filed again unassigned, body says why', async () => {
    await using gh = await startEmulator(scenario())
    gh.faults.add({
      route: 'POST /repos/{owner}/{repo}/issues',
      status: 422,
      body: {
        message: 'Validation Failed',
        errors: [{ value: 'alice', resource: 'Issue', field: 'assignees', code: 'invalid' }]
      }
    })
    const run = await pipeline(gh)
    expect(run.failed).toBeNull()
    const issues = await issuesOf(gh)
    expect(issues).toHaveLength(2)
    expect(issues.filter(i => i.assignees.length === 0)).toHaveLength(1)
    expect(issues.some(i => /GitHub refused .*alice.* as assignee/.test(i.body))).toBe(true)
  })

  it('a body over 65,536 characters shrinks and files, keeping the marker', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs')
    const { join } = await import('node:path')
    const { tmpdir } = await import('node:os')
    const dir = mkdtempSync(join(tmpdir(), 'template-'))
    writeFileSync(
      join(dir, 'big.md'),
      `{{headline}}\n\n${'Very long preamble. '.repeat(4000)}\n\n{{excerpt}}\n{{marker}}\n{{metadata}}\n`
    )
    await using gh = await startEmulator(scenario())
    const run = await pipeline(gh, { 'issue-template': join(dir, 'big.md') })
    expect(run.failed).toBeNull()
    const issues = await issuesOf(gh)
    expect(issues).toHaveLength(2)
    for (const issue of issues) {
      expect(issue.body.length).toBeLessThanOrEqual(65_536)
      expect(issue.body).toMatch(/<!-- log-bugs:fingerprint=v1:[0-9a-f]{32} -->/)
    }
  })

  it('300 failed matrix legs: 25 logs read, one issue under the limit', async () => {
    const legs = Array.from(
      { length: 300 },
      (_, i) => [`typecheck (shard ${i + 1}/300, ${'x'.repeat(100)})`, tsc] as [string, typeof tsc]
    )
    await using gh = await startEmulator(scenario({}, ciRun({ id: 3001, pr: 12, failed: legs })))
    const run = await pipeline(gh, { 'job-results': '' })
    expect(run.failed).toBeNull()
    const issues = await issuesOf(gh)
    expect(issues).toHaveLength(1)
    expect(issues[0]!.body.length).toBeLessThanOrEqual(65_536)
    expect(issues[0]!.body).toContain('and 280 more')
    // Only the first 25 logs are read; the other legs join the analysed failure of the same job.
    expect(gh.routeCounts()['GET /repos/{owner}/{repo}/actions/jobs/{job_id}/logs']).toBe(25)
  })

  it.each([
    ['empty', '', null],
    ['not JSON', 'oops{', /job-results is not valid JSON/],
    ['not the shape of toJSON(needs)', '{"typecheck": "failure"}', /no result/],
    ['an array', '[1]', /must be an object/]
  ])('job-results %s: continues from the API job list', async (_, value, warning) => {
    await using gh = await startEmulator(scenario())
    const run = await pipeline(gh, { 'job-results': value })
    expect(run.failed).toBeNull()
    if (warning) expect(run.core.warnings().join('\n')).toMatch(warning)
    else expect(run.core.warnings()).toEqual([])
    expect(await issuesOf(gh)).toHaveLength(2)
  })

  it.each([
    ['push', 'refs/heads/main', 'main'],
    ['push', 'refs/tags/v1.2.0', 'v1.2.0'],
    ['schedule', 'refs/heads/main', 'main'],
    ['workflow_dispatch', 'refs/heads/main', 'main']
  ])('%s on %s without a PR: issue filed, no PR comment, no error', async (event, ref, branch) => {
    const run = ciRun({
      id: 3001,
      event,
      branch,
      sha: MAIN_SHA,
      pr: null,
      passed: PASSED,
      failed: [['test', tests]]
    })
    await using gh = await startEmulator(scenario({}, run))
    const context = makeContext({
      owner: OWNER,
      repo: REPO,
      eventName: event,
      payload: {},
      sha: MAIN_SHA,
      ref,
      runId: 3001,
      apiUrl: gh.url
    })
    const result = await runPipeline({ emulator: gh, context })
    expect(result.failed).toBeNull()
    expect(result.core.warnings()).toEqual([])
    const issues = await issuesOf(gh)
    expect(issues).toHaveLength(1)
    expect(issues[0]?.title).toMatch(
      new RegExp(`^\\[${branch.replace('.', '\\.')}\\] test job failed`)
    )
    expect(gh.routeCounts()['POST /repos/{owner}/{repo}/issues/{issue_number}/comments'] ?? 0).toBe(
      0
    )
    expect(result.outputs['comment-url']).toBe('')
  })

  it('PR comment refused: a warning, the issues are unaffected', async () => {
    await using gh = await startEmulator(scenario())
    gh.faults.add({
      route: 'POST /repos/{owner}/{repo}/issues/{issue_number}/comments',
      status: 403
    })
    const run = await pipeline(gh)
    expect(run.failed).toBeNull()
    expect(run.core.warnings().join('\n')).toMatch(/may not comment on PR #12 \(HTTP 403/)
    expect(await issuesOf(gh)).toHaveLength(2)
    expect(run.summary).toMatch(/may not comment on PR .{0,3}#12/)
  })
})
