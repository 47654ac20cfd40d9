import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { stringify } from 'yaml'
import { describe, expect, it } from 'vitest'
import {
  octokitFor,
  signedLogRoute,
  startEmulator,
  type EmulatorOptions
} from '../../scripts/dev/emulator/index.js'
import {
  compileSpawnedStep,
  computeRequestFigures,
  formatRequestFigures,
  requestScenarios,
  runActionSpawned,
  type ScenarioName
} from '../../scripts/dev/request-figures.js'
import { runAction } from '../../scripts/dev/run-action.js'
import { baseScenario, ciContext, OWNER, REPO } from '../../scripts/dev/scenarios.js'

const [prSpec] = requestScenarios()

describe("the emulator's latency", () => {
  const failedJob = prSpec!.runs[0]!.jobs.find(job => job.conclusion === 'failure')!

  /** Downloads a failed job's log (a 302 from the API, then the signed URL); returns the waits. */
  async function downloadWaits(options: EmulatorOptions): Promise<number[]> {
    // The waits are counted, never waited out: tests do not sleep.
    const waits: number[] = []
    await using gh = await startEmulator(baseScenario(prSpec!.runs), {
      ...options,
      wait: async ms => void waits.push(ms)
    })
    const log = await octokitFor(gh).rest.actions.downloadJobLogsForWorkflowRun({
      owner: OWNER,
      repo: REPO,
      job_id: failedJob.id
    })
    expect(String(log.data)).toContain('##[group]')
    expect(gh.requests.map(r => r.route)).toEqual([
      'GET /repos/{owner}/{repo}/actions/jobs/{job_id}/logs',
      signedLogRoute
    ])
    return waits
  }

  it('is 0 by default: no response waits', async () => {
    expect(await downloadWaits({})).toEqual([])
  })

  it('delays every response, the signed log download as well as the API call', async () => {
    expect(await downloadWaits({ latencyMs: 80 })).toEqual([80, 80])
  })

  it('refuses a negative latency', async () => {
    await expect(startEmulator(baseScenario([]), { latencyMs: -1 })).rejects.toThrow(RangeError)
  })
})

describe('request figures', () => {
  it('counts what each scenario did, per route, as the emulator logged it', async () => {
    const figures = await computeRequestFigures({ runs: 1, latenciesMs: [0] })
    expect(figures.scenarios.map(s => s.name)).toEqual(['PR', 'repeat', 'push', 'green'])
    const scenario = (name: ScenarioName) => figures.scenarios.find(s => s.name === name)!

    for (const s of figures.scenarios) {
      const routes = Object.keys(s.routes)
      expect(
        Object.values(s.routes).reduce((a, b) => a + b, 0),
        s.name
      ).toBe(s.requests)
      expect(routes, s.name).not.toContain(signedLogRoute)
      expect(routes, s.name).not.toContain('UNKNOWN')
      expect(s.writes, s.name).toBeGreaterThan(0)
      expect(s.writes, s.name).toBeLessThan(s.requests)
      expect(s.wall.map(w => w.latencyMs)).toEqual([0])
      expect(s.wall[0]?.runsMs).toHaveLength(1)
      expect(s.wall[0]?.medianMs).toBeGreaterThan(0)
    }

    const pr = scenario('PR')
    expect(pr.outputs.created).toBe('2')
    expect(pr.outputs['comment-url']).toMatch(/\/pull\/12#issuecomment-\d+$/)
    expect(pr.routes['POST /repos/{owner}/{repo}/issues']).toBe(2)
    expect(pr.blobDownloads).toBe(2) // one log per failed job

    const repeat = scenario('repeat')
    expect(repeat.outputs.created).toBe('0')
    expect(repeat.outputs['is-retry']).toBe('true')
    expect(repeat.routes['POST /repos/{owner}/{repo}/issues']).toBeUndefined()
    expect(repeat.blobDownloads).toBe(2)

    // Issue 10's budget: a PR run with k new failures makes at most 5 + 3k API requests (log
    // redirects included, blob downloads not), and no scenario more than before (PR 23,
    // repeat 20, push 14, green 7 at commit d8740d6); issue 9: a run with no new failure costs
    // no more than that repeat.
    expect(pr.requests).toBeLessThanOrEqual(5 + 3 * 2)
    expect(repeat.requests).toBeLessThanOrEqual(20)

    const push = scenario('push')
    expect(push.requests).toBeLessThanOrEqual(14)
    expect(push.outputs.created).toBe('1')
    expect(push.outputs['comment-url']).toBe('')
    expect(push.blobDownloads).toBe(1)

    const green = scenario('green')
    expect(green.requests).toBeLessThanOrEqual(7)
    expect(green.outputs['resolved-issues']?.split(',')).toHaveLength(1)
    expect(green.blobDownloads).toBe(0)

    expect(figures.emptySteps.steps).toBe(5)
    expect(figures.emptySteps.wall.medianMs).toBeGreaterThan(0)
    expect(figures.ratio.latencyMs).toBe(0)
    expect(figures.ratio.value).toBe((pr.wall[0]?.medianMs ?? 0) / figures.emptySteps.wall.medianMs)

    // Spawned, a node process per step: the one run of each is what npm test pays for them.
    const spawned = figures.spawned!
    expect(spawned.latencyMs).toBe(0)
    expect(spawned.emptySteps.steps).toBe(5)
    expect(spawned.emptySteps.wall.runsMs).toHaveLength(1)
    expect(spawned.emptySteps.wall.medianMs).toBeGreaterThan(0)
    expect(spawned.pr.wall.runsMs).toHaveLength(1)
    expect(spawned.pr.outputs.created).toBe('2')
    expect(spawned.pr.outputs['issue-numbers']?.split(',')).toHaveLength(2)
    expect(spawned.pr.outputs['comment-url']).toMatch(/\/pull\/12#issuecomment-\d+$/)
    expect(spawned.pr.routes).toEqual(pr.routes)
    expect(spawned.ratio.value).toBe(spawned.pr.wall.medianMs / spawned.emptySteps.wall.medianMs)

    // The same PR run reported here makes exactly the requests the figures count.
    await using gh = await startEmulator(baseScenario(prSpec!.runs))
    const run = await runAction({
      apiUrl: gh.url,
      inputs: { 'run-id': String(prSpec!.measured.runId) },
      env: { GITHUB_RUN_ATTEMPT: '1' },
      context: ciContext(gh.url, prSpec!.measured.runId)
    })
    await rm(run.runnerTemp, { recursive: true, force: true })
    const { [signedLogRoute]: downloads, ...api } = gh.routeCounts()
    expect(api).toEqual(pr.routes)
    expect(gh.requests.length).toBe(pr.requests + pr.blobDownloads)
    expect(downloads).toBe(pr.blobDownloads)

    const text = formatRequestFigures(figures)
    for (const s of figures.scenarios)
      expect(text).toMatch(new RegExp(`^${s.name} +${s.requests} `, 'm'))
    expect(text).toContain('PR at 0 ms / empty steps')
    expect(text).toContain('five empty spawned steps: ')
    expect(text).toContain('PR spawned at 0 ms / five empty spawned steps: ')
    expect(formatRequestFigures({ ...figures, spawned: null })).not.toContain('spawned')
  })

  it('measures the PR scenario as test (a): 2 of 6 jobs failed, on PR #12', () => {
    const [run] = prSpec!.runs
    expect(run?.jobs).toHaveLength(6)
    expect(run?.jobs.filter(job => job.conclusion === 'failure').map(job => job.name)).toEqual([
      'typecheck',
      'test'
    ])
    expect(run?.pull_requests).toEqual([12])
    expect(prSpec!.before).toEqual([])
  })

  it('runs each step spawned: env and context reach it, a throw fails it, later steps skip', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'log-bugs-spawned-test-'))
    try {
      const script = (body: string) => ({
        uses: 'actions/github-script@ed597411d8f924073f98dfc5c65a23a2325f34cd',
        with: { script: body }
      })
      const action = {
        name: 'fails',
        description: 'a step that throws',
        inputs: { word: { description: 'a word', default: 'hello' } },
        outputs: { seen: { value: '${{ steps.throws.outputs.seen }}' } },
        runs: {
          using: 'composite',
          steps: [
            {
              id: 'throws',
              env: { WORD: '${{ inputs.word }}' },
              ...script(
                "core.setOutput('seen', [process.env.WORD, context.runId, process.cwd() === require('node:path').resolve(process.env.GITHUB_WORKSPACE)].join(' '))\nthrow new Error('boom')"
              )
            },
            { id: 'after', ...script('return 1') }
          ]
        }
      }
      await writeFile(join(dir, 'action.yml'), stringify(action))
      const harness = await compileSpawnedStep(join(dir, 'harness'))
      await using gh = await startEmulator(baseScenario([]))
      const run = await runActionSpawned(
        { apiUrl: gh.url, context: ciContext(gh.url, 1001), actionDir: dir },
        harness
      )
      await rm(run.runnerTemp, { recursive: true, force: true })
      expect(run.steps.map(step => step.outcome)).toEqual(['failure', 'skipped'])
      expect(run.outputs.seen).toBe('hello 1001 true')
      expect(run.failed).toMatch(/^Unhandled error: Error: boom/)
      expect(gh.requests).toEqual([])
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })
})
