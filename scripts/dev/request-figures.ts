/**
 * API requests and wall time of action.yml per scenario (issue 10: PR, repeat, push, green), run
 * with runAction against the emulator, plus the wall time of five empty github-script steps run
 * the same way. Shared by test/debug/request-figures.test.ts (which asserts the counts) and
 * scripts/debug/bench.ts (which prints them).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { isDeepStrictEqual } from 'node:util'
import { stringify } from 'yaml'
import { signedLogRoute, startEmulator, type SeedRun } from './emulator/index.js'
import { median } from './corpus-figures.js'
import { runAction, type ActionRun, type RunActionOptions } from './run-action.js'
import { baseScenario, ciContext, ciRun, corpusCase, MAIN_SHA } from './scenarios.js'

export type ScenarioName = 'PR' | 'repeat' | 'push' | 'green'

interface Report {
  runId: number
  event: 'pull_request' | 'push'
  sha?: string
}

interface ScenarioSpec {
  name: ScenarioName
  description: string
  runs: SeedRun[]
  /** reported first, untimed: the history the measured run finds */
  before: Report[]
  measured: Report
}

export interface WallTime {
  latencyMs: number
  medianMs: number
  runsMs: number[]
}

export interface ScenarioFigures {
  name: ScenarioName
  description: string
  /** API requests of the measured run; signed log downloads are counted apart */
  requests: number
  /** the API requests other than GET and HEAD */
  writes: number
  blobDownloads: number
  /** API requests per route, e.g. {'GET /repos/{owner}/{repo}/issues': 2} */
  routes: Record<string, number>
  /** the measured run's outputs, so a run that did the wrong thing shows */
  outputs: Record<string, string>
  wall: WallTime[]
}

export interface RequestFigures {
  runs: number
  latenciesMs: number[]
  scenarios: ScenarioFigures[]
  emptySteps: { steps: number; wall: WallTime }
  /** the PR run's median wall time at the highest latency over the empty steps' */
  ratio: { latencyMs: number; value: number; target: number }
}

export interface RequestFiguresOptions {
  /** timed runs per scenario and latency, median kept (default 3) */
  runs?: number
  /** default [0, 80]: the emulator's answer as fast as loopback, and at a round trip of 80 ms */
  latenciesMs?: number[]
}

// issue 10: the PR run at 80 ms per call takes at most 3 times as long as five empty steps
const ratioTarget = 3
const emptyStepCount = 5

const tsc = corpusCase({ tool: 'tsc' })
const vitest = corpusCase({ tool: 'vitest' })
const tscAgain = corpusCase({ id: tsc.id.replace('--run1', '--run2') })
const vitestAgain = corpusCase({ id: vitest.id.replace('--run1', '--run2') })
const PASSED = ['lint', 'format', 'security', 'build']

/** The failed PR run of test/action.test.ts (a): 2 of 6 jobs, tsc and vitest. */
const PUSH = { event: 'push', branch: 'main', sha: MAIN_SHA, pr: null } as const
const FIXED_SHA = 'bb11bb22cc33dd44ee55ff6677889900aabbccdd'
const pushRun = ciRun({ ...PUSH, id: 1004, passed: PASSED, failed: [['test', vitest]] })

const prRun = ciRun({
  id: 1001,
  pr: 12,
  passed: PASSED,
  failed: [
    ['typecheck', tsc],
    ['test', vitest]
  ]
})

/** The scenarios measured, each a fresh emulator; only the last report is timed and counted. */
export function requestScenarios(): ScenarioSpec[] {
  const pr: Report = { runId: 1001, event: 'pull_request' }
  return [
    {
      name: 'PR',
      description: 'pull_request run, 2 of 6 jobs failed: 2 new issues, PR comment',
      runs: [prRun],
      before: [],
      measured: pr
    },
    {
      name: 'repeat',
      description: 'the same 2 failures in a new run: recorded on the open issues',
      runs: [
        prRun,
        ciRun({
          id: 1002,
          pr: 12,
          passed: PASSED,
          failed: [
            ['typecheck', tscAgain],
            ['test', vitestAgain]
          ]
        })
      ],
      before: [pr],
      measured: { runId: 1002, event: 'pull_request' }
    },
    {
      name: 'push',
      description: 'push to main, 1 of 5 jobs failed, no PR: 1 new issue',
      runs: [pushRun],
      before: [],
      measured: { runId: 1004, event: 'push' }
    },
    {
      name: 'green',
      description: 'the default branch passes after failing: its issue closed',
      runs: [
        pushRun,
        ciRun({ ...PUSH, id: 1011, sha: FIXED_SHA, passed: [...PASSED, 'test'], failed: [] })
      ],
      before: [{ runId: 1004, event: 'push' }],
      measured: { runId: 1011, event: 'push', sha: FIXED_SHA }
    }
  ]
}

interface Measured {
  ms: number
  routes: string[]
  outputs: Record<string, string>
}

/** runAction, its temp folder removed; a failed run throws, as its figures would mean nothing. */
async function runOrThrow(options: RunActionOptions): Promise<ActionRun> {
  const run = await runAction(options)
  await rm(run.runnerTemp, { recursive: true, force: true })
  if (run.failed !== null) throw new Error(`the action failed: ${run.failed}`)
  return run
}

function report(apiUrl: string, { runId, event, sha }: Report): Promise<ActionRun> {
  return runOrThrow({
    apiUrl,
    inputs: { 'run-id': String(runId) },
    env: { GITHUB_RUN_ATTEMPT: '1' },
    context: ciContext(apiUrl, runId, event, undefined, sha)
  })
}

async function measure(spec: ScenarioSpec, latencyMs: number): Promise<Measured> {
  await using gh = await startEmulator(baseScenario(spec.runs), { latencyMs })
  for (const before of spec.before) await report(gh.url, before)
  const first = gh.requests.length
  const started = performance.now()
  const run = await report(gh.url, spec.measured)
  const ms = performance.now() - started
  return { ms, routes: gh.requests.slice(first).map(r => r.route), outputs: run.outputs }
}

function countRoutes(routes: string[]): Record<string, number> {
  const counts: Record<string, number> = {}
  for (const route of routes) counts[route] = (counts[route] ?? 0) + 1
  return counts
}

async function timeRuns(runs: number, latencyMs: number, once: () => Promise<number>) {
  const runsMs: number[] = []
  for (let i = 0; i < runs; i++) runsMs.push(await once())
  return { latencyMs, medianMs: median(runsMs), runsMs }
}

async function measureScenario(
  spec: ScenarioSpec,
  runs: number,
  latenciesMs: number[]
): Promise<ScenarioFigures> {
  // The first run counts the requests and warms the module cache, so no timing pays for imports.
  const counted = await measure(spec, 0)
  const wall: WallTime[] = []
  for (const latencyMs of latenciesMs) {
    wall.push(
      await timeRuns(runs, latencyMs, async () => {
        const timed = await measure(spec, latencyMs)
        // A timed run that made other requests than the counted one would time something else.
        // Compared as counts: concurrent requests may arrive in another order.
        if (!isDeepStrictEqual(countRoutes(timed.routes), countRoutes(counted.routes)))
          throw new Error(`${spec.name}: the requests differ between runs`)
        return timed.ms
      })
    )
  }
  const api = counted.routes.filter(route => route !== signedLogRoute)
  return {
    name: spec.name,
    description: spec.description,
    requests: api.length,
    writes: api.filter(route => !/^(GET|HEAD) /.test(route)).length,
    blobDownloads: counted.routes.length - api.length,
    routes: countRoutes(api),
    outputs: counted.outputs,
    wall
  }
}

/** A composite action of `count` github-script steps that each `return null`. */
export function emptyStepsAction(count: number): string {
  return stringify({
    name: 'empty steps',
    description: 'github-script steps that do nothing',
    inputs: {},
    outputs: {},
    runs: {
      using: 'composite',
      steps: Array.from({ length: count }, (_, i) => ({
        id: `empty-${i + 1}`,
        // the same github-script as actions/log-bugs/action.yml's steps
        uses: 'actions/github-script@ed597411d8f924073f98dfc5c65a23a2325f34cd',
        with: { script: 'return null' }
      }))
    }
  })
}

async function measureEmptySteps(runs: number): Promise<WallTime> {
  const dir = await mkdtemp(join(tmpdir(), 'log-bugs-empty-steps-'))
  try {
    await writeFile(join(dir, 'action.yml'), emptyStepsAction(emptyStepCount))
    await using gh = await startEmulator(baseScenario([prRun]))
    const once = async (): Promise<number> => {
      const started = performance.now()
      await runOrThrow({ apiUrl: gh.url, context: ciContext(gh.url, 1001), actionDir: dir })
      return performance.now() - started
    }
    await once()
    // A few milliseconds each, so more runs than the scenarios get to steady the median.
    return await timeRuns(Math.max(runs, 11), 0, once)
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

/** Runs every scenario once to count its requests, then `runs` times per latency to time it. */
export async function computeRequestFigures(
  options: RequestFiguresOptions = {}
): Promise<RequestFigures> {
  const runs = Math.max(1, options.runs ?? 3)
  const latenciesMs = options.latenciesMs ?? [0, 80]
  const scenarios: ScenarioFigures[] = []
  for (const spec of requestScenarios())
    scenarios.push(await measureScenario(spec, runs, latenciesMs))
  const empty = await measureEmptySteps(runs)
  const latencyMs = Math.max(...latenciesMs)
  const pr = scenarios.find(s => s.name === 'PR')?.wall.find(w => w.latencyMs === latencyMs)
  return {
    runs,
    latenciesMs,
    scenarios,
    emptySteps: { steps: emptyStepCount, wall: empty },
    ratio: { latencyMs, value: (pr?.medianMs ?? 0) / empty.medianMs, target: ratioTarget }
  }
}

const ms = (value: number): string =>
  value >= 1000 ? `${(value / 1000).toFixed(2)} s` : `${value.toFixed(0)} ms`

function table(rows: string[][], rightFrom = 1): string {
  const widths = (rows[0] ?? []).map((_, i) => Math.max(...rows.map(r => (r[i] ?? '').length)))
  return rows
    .map(row =>
      row
        .map((cell, i) =>
          i >= rightFrom ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0)
        )
        .join('  ')
        .trimEnd()
    )
    .join('\n')
}

/** The figures as a compact text report: a row per scenario, then a row per route. */
export function formatRequestFigures(figures: RequestFigures): string {
  const { scenarios } = figures
  const summary = [
    [
      'scenario',
      'requests',
      'writes',
      'log downloads',
      ...figures.latenciesMs.map(l => `wall ${l} ms`)
    ],
    ...scenarios.map(s => [
      s.name,
      String(s.requests),
      String(s.writes),
      String(s.blobDownloads),
      ...s.wall.map(w => ms(w.medianMs))
    ])
  ]
  const routes = [...new Set(scenarios.flatMap(s => Object.keys(s.routes)))].sort(
    (a, b) => a.replace(/^\w+ /, '').localeCompare(b.replace(/^\w+ /, '')) || a.localeCompare(b)
  )
  const byRoute = [
    ['route', ...scenarios.map(s => s.name)],
    ...routes.map(route => [route, ...scenarios.map(s => String(s.routes[route] ?? '·'))])
  ]
  const { ratio, emptySteps } = figures
  return [
    `wall time: median of ${figures.runs} timed runs per latency (the emulator waits that long before each response)`,
    table(summary),
    '',
    table(byRoute),
    '',
    ...scenarios.map(s => `${s.name}: ${s.description}`),
    '',
    `${emptySteps.steps} empty github-script steps: ${ms(emptySteps.wall.medianMs)}`,
    `PR at ${ratio.latencyMs} ms / empty steps: ${ratio.value.toFixed(1)}× (target ≤ ${ratio.target}×)`
  ].join('\n')
}
