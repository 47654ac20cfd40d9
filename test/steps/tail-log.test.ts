import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { startEmulator, type SeedJob } from '../../scripts/dev/emulator/index.js'
import {
  baseScenario,
  ciContext,
  ciRun,
  corpusCase,
  failedJobFrom
} from '../../scripts/dev/scenarios.js'
import { LOG_RETRY_DELAYS_MS } from '../../scripts/lib/github/read-job-logs.js'
import { WAIT_BUDGET_MS } from '../../scripts/lib/step/run-step.js'
import { runPipeline } from '../harness/run-pipeline.js'

const tsc = corpusCase({ tool: 'tsc' })
const tests = corpusCase({ tool: 'vitest' })
const LOGS_ROUTE = 'GET /repos/{owner}/{repo}/actions/jobs/{job_id}/logs'
const SIGNED_ROUTE = 'GET /_signed/job-logs/{job_id}'
const RUNS_ROUTE = 'GET /repos/{owner}/{repo}/actions/workflows/{workflow_id}/runs'

/** gather-context, then tail-log alone; what tail-log asked for and wrote. */
async function tailLog(
  runs: ReturnType<typeof ciRun>[],
  setup?: (gh: Awaited<ReturnType<typeof startEmulator>>) => void
) {
  const gh = await startEmulator(baseScenario(runs))
  const runId = runs[0]?.id ?? 0
  const context = ciContext(gh.url, runId)
  const inputs = { 'run-id': String(runId) }
  const first = await runPipeline({ emulator: gh, context, inputs, until: 'gather-context' })
  setup?.(gh)
  const mark = gh.requests.length
  const run = await runPipeline({
    emulator: gh,
    context,
    inputs,
    from: 'tail-log',
    until: 'tail-log',
    runnerTemp: first.runnerTemp
  })
  const routes = gh.requests.slice(mark).map(r => r.route)
  return { gh, run, routes, logs: run.state('logs') }
}

describe('tail-log', () => {
  it('streams each failed log once, keeps the failed step’s key lines, and asks for nothing else', async () => {
    const { gh, run, routes, logs } = await tailLog([
      ciRun({
        id: 5001,
        pr: 12,
        passed: ['lint'],
        failed: [
          ['typecheck', tsc],
          ['test', tests]
        ]
      })
    ])
    await using _ = gh
    expect(run.failed).toBeNull()
    // one look for a green run of the workflow (there is none), then each log once (the two
    // downloads overlap)
    expect(routes[0]).toBe(RUNS_ROUTE)
    expect([...routes].sort()).toEqual(
      [RUNS_ROUTE, LOGS_ROUTE, SIGNED_ROUTE, LOGS_ROUTE, SIGNED_ROUTE].sort()
    )
    const downloads = gh.requests.filter(r => r.route === LOGS_ROUTE).map(r => r.path)
    expect(new Set(downloads).size).toBe(2)
    expect(logs.map(l => [l.jobName, l.logAvailable])).toEqual([
      ['typecheck', true],
      ['test', true]
    ])
    expect(logs[0]?.analysis?.keyLines).toContain(tsc.keyLines[0])
    expect(logs[0]?.analysis?.failedStep?.name).toBe(tsc.failedStep)
    expect(logs[1]?.analysis?.excerpt).toContain(tests.keyLines[0]?.trim())
    expect(gh.writeRequests()).toEqual([])
  })

  it('redacts a secret the log printed before anything is written to the state folder', async () => {
    const job = failedJobFrom(tsc, 5101, 'typecheck')
    const token = `ghp_${'A1b2C3d4'.repeat(5)}`
    job.log = String(job.log).replace(
      /(.*error TS\d+.*\n)/,
      `$1${'2026-11-26T09:59:30.0000000Z'} deploy key: token=${token}\n`
    )
    const run = ciRun({ id: 5100, pr: 12, failed: [] })
    run.jobs.push(job)
    const { gh, logs } = await tailLog([run])
    await using _ = gh
    const state = JSON.stringify(logs)
    expect(state).not.toContain(token)
    expect(state).toContain('ghp_[REDACTED]')
  })

  it('does not ask for the log of a job that is still running (reporting from inside it)', async () => {
    const run = ciRun({ id: 5200, pr: 12, failed: [] })
    const running: SeedJob = {
      ...failedJobFrom(tsc, 5201, 'typecheck'),
      status: 'in_progress',
      conclusion: null
    }
    run.jobs.push(running)
    const { gh, routes, logs, run: result } = await tailLog([run])
    await using _ = gh
    expect(routes).toEqual([])
    expect(logs[0]?.unavailableReason).toMatch(/still running/)
    expect(result.core.warnings()).toHaveLength(1)
  })

  it('25 failed jobs whose logs keep answering 404 finish inside the wait budget, one warning per log', async () => {
    const run = ciRun({ id: 5300, pr: 12, failed: [] })
    for (let i = 0; i < 25; i++)
      run.jobs.push(failedJobFrom(tests, 5301 + i, `test (shard ${i + 1})`))
    const {
      gh,
      run: result,
      routes
    } = await tailLog([run], gh => gh.faults.add({ route: LOGS_ROUTE, status: 404, times: 10_000 }))
    await using _ = gh
    expect(result.failed).toBeNull()
    const waited = result.waits.reduce((sum, ms) => sum + ms, 0)
    // one wait per round serves every missing log: 2 + 4 + 8 s, not 14 s per log (350 s in all)
    expect(result.waits).toEqual(LOG_RETRY_DELAYS_MS)
    expect(waited).toBeLessThanOrEqual(WAIT_BUDGET_MS)
    expect(routes.filter(r => r === LOGS_ROUTE)).toHaveLength(25 * (LOG_RETRY_DELAYS_MS.length + 1))
    const warnings = result.core.warnings().filter(w => /no log for job/.test(w))
    expect(warnings).toHaveLength(25)
    expect(warnings[0]).toMatch(/HTTP 404/)
  })

  it('…and the issues are filed all the same, within the budget', async () => {
    await using gh = await startEmulator(
      baseScenario([
        (() => {
          const run = ciRun({ id: 5400, pr: 12, failed: [] })
          for (let i = 0; i < 25; i++)
            run.jobs.push(failedJobFrom(tests, 5401 + i, `test (shard ${i + 1})`))
          return run
        })()
      ])
    )
    gh.faults.add({ route: LOGS_ROUTE, status: 404, times: 10_000 })
    const run = await runPipeline({
      emulator: gh,
      context: ciContext(gh.url, 5400),
      inputs: { 'run-id': '5400' }
    })
    expect(run.failed).toBeNull()
    expect(run.waits.reduce((sum, ms) => sum + ms, 0)).toBeLessThanOrEqual(WAIT_BUDGET_MS)
    const issues = gh.state.issues.filter(i => !i.pull_request)
    expect(issues).toHaveLength(1)
    expect(issues[0]?.body).toMatch(/Log unavailable: the log is not available \\?\(HTTP 404/)
  })
})

describe('tail-log against the last green run', () => {
  const FIXTURES = 'test/fixtures/baseline/'
  const manifest = JSON.parse(readFileSync(`${FIXTURES}manifest.json`, 'utf8')) as {
    pairs: {
      id: string
      failLog: string
      failJob: string
      greenLog: string
      greenJob: string
      jobName: string
      keyLines: string[]
    }[]
  }
  const pair = manifest.pairs.find(p => p.id === 'perl-prove')
  if (pair === undefined) throw new Error('perl-prove pair missing from the baseline fixtures')

  function seedJob(id: number, log: string, job: string): SeedJob {
    const recorded = JSON.parse(readFileSync(`${FIXTURES}${job}`, 'utf8')) as SeedJob
    return {
      id,
      name: pair!.jobName,
      status: 'completed',
      conclusion: recorded.conclusion,
      started_at: recorded.started_at,
      completed_at: recorded.completed_at,
      steps: recorded.steps,
      log: readFileSync(`${FIXTURES}${log}`, 'utf8')
    }
  }

  function runs(greenBranch: string) {
    const failed = ciRun({ id: 7001, pr: 12, failed: [] })
    failed.jobs.push(seedJob(700101, pair!.failLog, pair!.failJob))
    const green = ciRun({ id: 6001, branch: greenBranch, event: 'push', failed: [] })
    green.status = 'completed'
    green.conclusion = 'success'
    green.jobs.push(seedJob(600101, pair!.greenLog, pair!.greenJob))
    return [failed, green]
  }

  it('reads the green job’s log once and records which run the excerpt was compared with', async () => {
    const { gh, run, routes, logs } = await tailLog(runs('main'))
    await using _ = gh
    expect(run.failed).toBeNull()
    const jobsRoute = 'GET /repos/{owner}/{repo}/actions/runs/{run_id}/jobs'
    // the branch has no green run, so the default branch's (one list holds it); its jobs; its
    // log; the failed log downloads meanwhile, and is read once the comparison is ready
    expect([...routes].sort()).toEqual(
      [RUNS_ROUTE, jobsRoute, LOGS_ROUTE, SIGNED_ROUTE, LOGS_ROUTE, SIGNED_ROUTE].sort()
    )
    expect(routes.indexOf(jobsRoute)).toBeGreaterThan(routes.indexOf(RUNS_ROUTE))
    const logPaths = gh.requests.filter(r => r.route === LOGS_ROUTE).map(r => r.path)
    expect(new Set(logPaths).size).toBe(2) // the green job's and the failed job's, once each
    expect(logs[0]?.baseline?.runId).toBe(6001)
    const excerpt = logs[0]?.analysis?.excerpt ?? ''
    for (const line of pair!.keyLines.slice(0, 2)) expect(excerpt).toContain(line.trim())
    expect(gh.writeRequests()).toEqual([])
  })

  it('asks for no green run when compare-with-green is off', async () => {
    const gh = await startEmulator(baseScenario(runs('main')))
    await using _ = gh
    const context = ciContext(gh.url, 7001)
    const run = await runPipeline({
      emulator: gh,
      context,
      inputs: { 'run-id': '7001', 'compare-with-green': 'false' },
      until: 'tail-log'
    })
    expect(run.failed).toBeNull()
    expect(gh.requests.map(r => r.route)).not.toContain(RUNS_ROUTE)
    expect(run.state('logs')[0]?.baseline).toBeNull()
  })
})
