import { describe, expect, it } from 'vitest'
import { findGreenRun } from '../../../scripts/lib/github/find-green-run.js'
import { octokitFor, startEmulator } from '../../../scripts/dev/emulator/index.js'
import { baseScenario, ciRun, OWNER, REPO } from '../../../scripts/dev/scenarios.js'

const target = {
  owner: OWNER,
  repo: REPO,
  workflowPath: '.github/workflows/ci.yml',
  branch: 'feature/7-login',
  defaultBranch: 'main'
}
const green = (id: number, branch: string) =>
  ({
    ...ciRun({ id, branch, event: 'push', pr: null, passed: ['lint'], failed: [] }),
    status: 'completed',
    conclusion: 'success'
  }) as const

describe('findGreenRun', () => {
  it('one list answers when it holds the default branch’s green run', async () => {
    await using gh = await startEmulator(baseScenario([green(901, 'main'), green(902, 'other')]))
    const found = await findGreenRun(octokitFor(gh), target)
    expect(found?.id).toBe(901)
    expect(found?.branch).toBe('main')
    expect(Object.values(gh.routeCounts())).toEqual([1, 1]) // the list, then the run's jobs
  })

  it('asks per branch only when a full page of other branches’ runs hides them', async () => {
    const others = Array.from({ length: 100 }, (_, i) => green(1000 + i, `topic/${i}`))
    await using gh = await startEmulator(baseScenario([green(900, 'main'), ...others]))
    const found = await findGreenRun(octokitFor(gh), target)
    expect(found?.id).toBe(900)
    expect(gh.routeCounts()['GET /repos/{owner}/{repo}/actions/workflows/{workflow_id}/runs']).toBe(
      3
    )
  })
})
