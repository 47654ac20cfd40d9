import { describe, expect, it } from 'vitest'
import { octokitFor, startEmulator, type Emulator } from '../scripts/dev/emulator/index.js'
import {
  baseScenario,
  ciContext,
  ciRun,
  corpusCase,
  OWNER,
  readManifest,
  REPO
} from '../scripts/dev/scenarios.js'
import { runPipeline } from './harness/run-pipeline.js'

const tscRuns = [1, 2, 3].map(run =>
  corpusCase({ id: corpusCase({ tool: 'tsc' }).id.replace('--run1', `--run${run}`) })
)
const tests = corpusCase({ tool: 'vitest' })

function report(gh: Emulator, runId: number, inputs: Record<string, string> = {}) {
  return runPipeline({ emulator: gh, context: ciContext(gh.url, runId), inputs })
}

async function issuesAndComments(gh: Emulator) {
  const octokit = octokitFor(gh)
  const issues = (
    await octokit.paginate(octokit.rest.issues.listForRepo, {
      owner: OWNER,
      repo: REPO,
      state: 'all',
      per_page: 100
    })
  ).filter(i => !i.pull_request)
  const comments = async (n: number) =>
    octokit.paginate(octokit.rest.issues.listComments, {
      owner: OWNER,
      repo: REPO,
      issue_number: n,
      per_page: 100
    })
  return { issues, comments }
}

const fingerprintOf = (body: string | null | undefined) =>
  /log-bugs:fingerprint=(v1:[0-9a-f]{32})/.exec(body ?? '')?.[1]
const runsIn = (body: string | null | undefined): number[] => {
  const meta = /<!-- log-bugs:metadata (\{.*\}) -->/.exec(body ?? '')?.[1]
  return meta ? (JSON.parse(meta) as { runs: { id: number }[] }).runs.map(r => r.id) : []
}

describe('concurrent runs', () => {
  it('20 runs of the same failure at once, search lagging 5 s: one open issue, every run recorded, racers closed as duplicates', async () => {
    const ids = Array.from({ length: 20 }, (_, i) => 4001 + i)
    const runs = ids.map((id, i) =>
      ciRun({ id, pr: 12, passed: ['lint'], failed: [['typecheck', tscRuns[i % 3]!]] })
    )
    await using gh = await startEmulator(baseScenario(runs, { searchLagMs: 5000 }))

    const results = await Promise.all(ids.map(id => report(gh, id)))
    expect(results.map(r => r.failed)).toEqual(ids.map(() => null))

    const { issues, comments } = await issuesAndComments(gh)
    const open = issues.filter(i => i.state === 'open')
    expect(open).toHaveLength(1)
    const survivor = open[0]!
    const fingerprint = fingerprintOf(survivor.body)
    expect(issues.every(i => fingerprintOf(i.body) === fingerprint)).toBe(true)

    // Every run is recorded in the survivor's body, none twice, and no watcher was notified
    // for the repeats: no comment on the survivor.
    expect(runsIn(survivor.body).sort()).toEqual(ids)
    expect(await comments(survivor.number)).toEqual([])

    // Each issue a racer filed is closed as a duplicate of the survivor, with a link.
    const duplicates = issues.filter(i => i.state === 'closed')
    for (const duplicate of duplicates) {
      expect(duplicate.state_reason).toBe('duplicate')
      const notes = await comments(duplicate.number)
      expect(notes.map(n => n.body).join('\n')).toContain(`Duplicate of #${survivor.number}`)
    }
    console.log(
      `20 concurrent runs → ${open.length} open issue, ${duplicates.length} duplicate(s) closed, ${gh.requests.length} requests`
    )

    // One PR comment, however many runs raced to post it.
    const prComments = await comments(12)
    expect(prComments).toHaveLength(1)
    expect(prComments[0]?.body).toContain(`#${survivor.number}`)
  })

  it('matrix legs of one run reporting separately at once: one issue, nothing recorded twice', async () => {
    await using gh = await startEmulator(
      baseScenario([ciRun({ id: 4100, pr: 12, failed: [['typecheck', tscRuns[0]!]] })], {
        searchLagMs: 5000
      })
    )
    const results = await Promise.all([1, 2, 3, 4, 5].map(() => report(gh, 4100)))
    expect(results.every(r => r.failed === null)).toBe(true)
    const { issues, comments } = await issuesAndComments(gh)
    expect(issues.filter(i => i.state === 'open')).toHaveLength(1)
    const survivor = issues.find(i => i.state === 'open')!
    expect(
      (await comments(survivor.number)).filter(c => c.body?.includes('log-bugs:occurrence'))
    ).toHaveLength(0)
    expect(await comments(12)).toHaveLength(1)
  })

  it('two different failures at once: two issues, one PR comment listing both', async () => {
    await using gh = await startEmulator(
      baseScenario(
        [
          ciRun({ id: 4201, pr: 12, failed: [['typecheck', tscRuns[0]!]] }),
          ciRun({ id: 4202, pr: 12, failed: [['test', tests]] })
        ],
        { searchLagMs: 5000 }
      )
    )
    const results = await Promise.all([report(gh, 4201), report(gh, 4202)])
    expect(results.every(r => r.failed === null)).toBe(true)
    const { issues, comments } = await issuesAndComments(gh)
    const open = issues.filter(i => i.state === 'open')
    expect(open).toHaveLength(2)
    const prComments = await comments(12)
    expect(prComments).toHaveLength(1)
    for (const issue of open) expect(prComments[0]?.body).toContain(`#${issue.number}`)
  })

  it('max-issues caps new issues per run; the rest are listed in the last one', async () => {
    const seen = new Set<string>()
    const distinct = readManifest()
      .cases.filter(c => {
        if (c.synthetic || !c.id.endsWith('--run1') || seen.has(c.tool)) return false
        seen.add(c.tool)
        return true
      })
      .slice(0, 7)
    expect(distinct).toHaveLength(7)
    await using gh = await startEmulator(
      baseScenario([
        ciRun({ id: 4300, pr: 12, failed: distinct.map((c, i) => [`job-${i + 1}`, c]) })
      ])
    )
    const run = await report(gh, 4300, { 'max-issues': '5' })
    expect(run.failed).toBeNull()
    const { issues } = await issuesAndComments(gh)
    expect(issues).toHaveLength(5)
    const last = issues.sort((a, b) => b.number - a.number)[0]!
    expect(last.body).toContain('More failures in this run')
    expect(last.body?.match(/\(`v1:[0-9a-f]{32}`\)/g)).toHaveLength(2)
    expect(run.outputs.created).toBe('5')
  })
})
