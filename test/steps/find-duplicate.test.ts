import { describe, expect, it } from 'vitest'
import { startEmulator, type Emulator } from '../../scripts/dev/emulator/index.js'
import { baseScenario, ciContext, ciRun, corpusCase } from '../../scripts/dev/scenarios.js'
import { runPipeline } from '../harness/run-pipeline.js'

const tsc = corpusCase({ tool: 'tsc' })
const tscAgain = corpusCase({ id: tsc.id.replace('--run1', '--run2') })
const tests = corpusCase({ tool: 'vitest' })

/** The steps before find-duplicate, then find-duplicate alone. */
async function findDuplicate(gh: Emulator, runId: number, inputs: Record<string, string> = {}) {
  const context = ciContext(gh.url, runId)
  const all = { 'run-id': String(runId), ...inputs }
  const before = await runPipeline({ emulator: gh, context, inputs: all, until: 'tail-log' })
  const mark = gh.requests.length
  const run = await runPipeline({
    emulator: gh,
    context,
    inputs: all,
    from: 'find-duplicate',
    until: 'find-duplicate',
    runnerTemp: before.runnerTemp
  })
  return {
    run,
    routes: gh.requests.slice(mark).map(r => r.route),
    requests: gh.requests.slice(mark)
  }
}

describe('find-duplicate', () => {
  it('groups the failures, lists the tracked issues once, and searches for the ones it did not find', async () => {
    await using gh = await startEmulator(
      baseScenario([
        ciRun({
          id: 6001,
          pr: 12,
          failed: [
            ['typecheck', tsc],
            ['test', tests]
          ]
        })
      ])
    )
    const { run, routes, requests } = await findDuplicate(gh, 6001)
    expect(run.failed).toBeNull()
    // an installation token (ghs_…) cannot read GET /user: no request is spent on it
    expect(routes).toEqual(['GET /repos/{owner}/{repo}/issues', 'GET /search/issues'])
    expect(requests[0]?.query).toMatchObject({ labels: 'ci-failure', state: 'open' })
    const failures = run.state('failures')
    expect(failures.map(f => f.jobs.map(j => j.name))).toEqual([['typecheck'], ['test']])
    expect(run.state('tracked')).toEqual({})
    expect(run.state('identity')).toEqual({ botLogin: null })
    expect(run.outputs.fingerprints?.split(',')).toEqual(failures.map(f => f.fingerprint))
  })

  it('finds the open issue an earlier run filed, and no search is needed', async () => {
    await using gh = await startEmulator(
      baseScenario([
        ciRun({ id: 6101, pr: 12, failed: [['typecheck', tsc]] }),
        ciRun({ id: 6102, pr: 12, failed: [['typecheck', tscAgain]] })
      ])
    )
    await runPipeline({
      emulator: gh,
      context: ciContext(gh.url, 6101),
      inputs: { 'run-id': '6101' }
    })
    const filed = gh.state.issues.find(i => !i.pull_request)
    const { run, routes } = await findDuplicate(gh, 6102)
    expect(routes).not.toContain('GET /search/issues')
    const [failure] = run.state('failures')
    expect(run.state('tracked')[failure?.fingerprint ?? '']?.number).toBe(filed?.number)
  })

  it('does not take another account’s issue that carries our marker as ours', async () => {
    const runs = () => [
      ciRun({ id: 6201, pr: 12, failed: [['typecheck', tsc]] }),
      ciRun({ id: 6202, pr: 12, failed: [['typecheck', tscAgain]] })
    ]
    // the body log-bugs wrote, copied by someone else into an issue of their own
    const body = await (async () => {
      await using first = await startEmulator(baseScenario(runs()))
      await runPipeline({
        emulator: first,
        context: ciContext(first.url, 6201),
        inputs: { 'run-id': '6201' }
      })
      return first.state.issues.find(i => !i.pull_request)?.body ?? ''
    })()
    expect(body).toContain('<!-- log-bugs:fingerprint=')
    await using gh = await startEmulator(
      baseScenario(runs(), {
        issues: [{ title: 'copied', body, user: 'mallory', labels: ['ci-failure'] }]
      })
    )
    const { run } = await findDuplicate(gh, 6202)
    expect(run.state('tracked')).toEqual({})
  })

  it('on a green run lists the tracked issues only when it may close them', async () => {
    await using gh = await startEmulator(
      baseScenario([ciRun({ id: 6301, pr: 12, passed: ['lint'], failed: [] })])
    )
    const closing = await findDuplicate(gh, 6301)
    expect(closing.routes).toEqual(['GET /repos/{owner}/{repo}/issues'])
    const keeping = await findDuplicate(gh, 6301, { 'close-on-success': 'false' })
    expect(keeping.routes).toEqual([])
    expect(keeping.run.outputs.fingerprints).toBe('')
  })
})
