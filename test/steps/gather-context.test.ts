import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { run } from '../../scripts/gather-context.js'
import type { RunContext } from '../../scripts/lib/issue/types.js'
import { INPUTS_ENV } from '../../scripts/lib/step/inputs.js'
import { stateDir } from '../../scripts/lib/step/state.js'
import { octokitFor, startEmulator, type SeedJob } from '../../scripts/dev/emulator/index.js'
import {
  baseScenario,
  ciRun,
  corpusCase,
  MAIN_SHA,
  OWNER,
  PR_SHA,
  pullRequestPayload,
  REPO
} from '../../scripts/dev/scenarios.js'
import { makeContext } from '../../scripts/dev/make-context.js'
import { RecordingCore } from '../../scripts/dev/recording-core.js'

const tests = corpusCase({ tool: 'vitest' })

async function gather(options: {
  runs?: ReturnType<typeof ciRun>[]
  event?: string
  payload?: Record<string, unknown>
  inputs?: Record<string, string>
  sha?: string
  env?: Record<string, string>
}) {
  const runs = options.runs ?? [
    ciRun({ id: 7001, pr: 12, passed: ['lint'], failed: [['test', tests]] })
  ]
  await using gh = await startEmulator(baseScenario(runs))
  const core = new RecordingCore()
  const context = makeContext({
    owner: OWNER,
    repo: REPO,
    eventName: options.event ?? 'pull_request',
    payload: options.payload ?? {},
    sha: options.sha ?? PR_SHA,
    ref: 'refs/heads/x',
    runId: runs[0]!.id,
    apiUrl: gh.url
  })
  const env = {
    RUNNER_TEMP: mkdtempSync(join(tmpdir(), 'gather-')),
    [INPUTS_ENV]: JSON.stringify(options.inputs ?? {}),
    ...options.env
  }
  await run({ github: octokitFor(gh), context, core }, env)
  expect(core.failed).toBeNull()
  const state = JSON.parse(readFileSync(join(stateDir(env), 'context.json'), 'utf8')) as RunContext
  return { state, core, routes: gh.routeCounts() }
}

describe('gather-context', () => {
  it('reads its own run from the runner and the event, not GET …/runs/{id}', async () => {
    const { state, routes } = await gather({
      payload: pullRequestPayload(),
      env: {
        GITHUB_WORKFLOW_REF: `${OWNER}/${REPO}/.github/workflows/ci.yml@refs/pull/12/merge`,
        GITHUB_RUN_ATTEMPT: '2'
      }
    })
    expect(routes['GET /repos/{owner}/{repo}/actions/runs/{run_id}']).toBeUndefined()
    expect(state.workflow.path).toBe('.github/workflows/ci.yml')
    expect(state.attempt).toBe(2)
    expect(state.branch).toBe('feature/7-login')
    expect(state.sha).toBe(PR_SHA)
    expect(state.runUrl).toBe(`https://github.com/${OWNER}/${REPO}/actions/runs/7001`)
  })

  it('asks for the run when run-id names another run than its own', async () => {
    const runs = [
      ciRun({ id: 7001, pr: 12, passed: ['lint'], failed: [['test', tests]] }),
      ciRun({ id: 7002, pr: 12, branch: 'feature/8-other', passed: ['lint'], failed: [] })
    ]
    const { state, routes } = await gather({
      runs: [runs[1]!, runs[0]!],
      inputs: { 'run-id': '7001' },
      env: { GITHUB_WORKFLOW_REF: `${OWNER}/${REPO}/.github/workflows/ci.yml@refs/heads/x` }
    })
    expect(routes['GET /repos/{owner}/{repo}/actions/runs/{run_id}']).toBe(1)
    expect(state.failedJobs.map(j => j.name)).toEqual(['test'])
  })

  it('lists every attempt once and keeps the earlier attempts apart', async () => {
    const rerun = ciRun({
      id: 7001,
      attempt: 2,
      pr: 12,
      passed: ['lint'],
      failed: [['test', tests]]
    })
    const first = ciRun({ id: 7001, pr: 12, passed: ['lint', 'test'], failed: [] })
    rerun.jobs = [
      ...first.jobs.map(job => ({ ...job, id: job.id + 50, run_attempt: 1 })),
      ...rerun.jobs.map(job => ({ ...job, run_attempt: 2 }))
    ]
    const { state, routes } = await gather({ runs: [rerun] })
    expect(routes['GET /repos/{owner}/{repo}/actions/runs/{run_id}/jobs']).toBe(1)
    expect(state.failedJobs.map(j => j.name)).toEqual(['test'])
    expect(state.earlierAttempts).toEqual(
      expect.arrayContaining([{ job: 'test', attempt: 1, conclusion: 'success' }])
    )
  })

  it('takes the PR from the pull_request event, with fork detection', async () => {
    const { state } = await gather({ payload: pullRequestPayload({ headRepo: 'stranger/webapp' }) })
    expect(state.pr).toEqual({
      number: 12,
      url: 'https://github.com/acme/webapp/pull/12',
      author: 'alice',
      title: 'Add login form',
      fork: true
    })
    expect(state.feature).toEqual({ id: '7', name: 'login' })
    expect(state.branch).toBe('feature/7-login')
  })

  it('prefers the inputs, and fills the rest from the PR', async () => {
    const { state } = await gather({
      event: 'workflow_dispatch',
      inputs: { 'pr-number': '12', 'pr-author': 'bob', branch: 'story-42' }
    })
    expect(state.pr).toMatchObject({
      number: 12,
      author: 'bob',
      title: 'Add login form',
      fork: false
    })
    expect(state.branch).toBe('story-42')
    expect(state.feature.id).toBe('42')
  })

  it('under workflow_run, takes the PR from the triggering run', async () => {
    const { state } = await gather({
      event: 'workflow_run',
      payload: { workflow_run: { id: 7001, pull_requests: [{ number: 12 }] } }
    })
    expect(state.pr?.number).toBe(12)
  })

  it('finds a fork PR by its commit when pull_requests is empty (actions/runner#3444)', async () => {
    const { state, routes } = await gather({
      runs: [ciRun({ id: 7001, pr: null, failed: [['test', tests]] })],
      event: 'workflow_run',
      payload: { workflow_run: { id: 7001, pull_requests: [] } }
    })
    expect(routes['GET /repos/{owner}/{repo}/commits/{commit_sha}/pulls']).toBe(1)
    expect(state.pr?.number).toBe(12)
  })

  it('has no PR for a push to main', async () => {
    const { state } = await gather({
      runs: [
        ciRun({
          id: 7001,
          event: 'push',
          branch: 'main',
          sha: MAIN_SHA,
          pr: null,
          failed: [['test', tests]]
        })
      ],
      event: 'push',
      sha: MAIN_SHA
    })
    expect(state.pr).toBeNull()
    expect(state.branch).toBe('main')
  })

  it('counts failed and timed-out jobs and the in-progress job that reports from inside; not cancelled or skipped ones', async () => {
    const run = ciRun({ id: 7001, pr: 12, passed: ['lint'], failed: [['test', tests]] })
    const extra = (
      id: number,
      name: string,
      status: SeedJob['status'],
      conclusion: string | null,
      stepConclusion: string | null
    ): SeedJob => ({
      id,
      name,
      status,
      conclusion,
      steps: [
        { name: 'Set up job', number: 1, status: 'completed', conclusion: 'success' },
        {
          name: 'Run make',
          number: 2,
          status: status === 'completed' ? 'completed' : 'in_progress',
          conclusion: stepConclusion
        }
      ],
      log: 'x\n'
    })
    run.jobs.push(
      extra(9001, 'slow', 'completed', 'timed_out', 'cancelled'),
      extra(9002, 'reporting-from-inside', 'in_progress', null, 'failure'),
      extra(9003, 'log-bugs / report', 'in_progress', null, null),
      extra(9004, 'cancelled-by-fail-fast', 'completed', 'cancelled', 'cancelled'),
      extra(9005, 'skipped', 'completed', 'skipped', null)
    )
    const { state } = await gather({ runs: [run], payload: pullRequestPayload() })
    expect(state.failedJobs.map(j => j.name)).toEqual(['test', 'slow', 'reporting-from-inside'])
    expect(state.failedJobs.find(j => j.name === 'slow')?.failedStep?.name).toBe('Run make')
    expect(state.failedJobs.find(j => j.name === 'test')?.failedStep?.url).toMatch(
      /\/job\/\d+#step:\d+:1$/
    )
  })
})
