/**
 * API requests and wall time of action.yml per scenario (issue 10: PR, repeat, push, green), run
 * with runAction against the emulator, plus the wall time of five empty github-script steps run
 * the same way. Shared by test/debug/request-figures.test.ts (which asserts the counts) and
 * scripts/debug/bench.ts (which prints them).
 *
 * In-process steps cost nothing to start, while on a runner every github-script step is a
 * `node` process of its own; so the PR scenario and the empty steps are also timed spawned, a
 * child process per step (scripts/dev/spawned-step.ts), which is the yardstick issue 10 means.
 */
import { spawn } from 'node:child_process'
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { isDeepStrictEqual } from 'node:util'
import ts from 'typescript'
import { stringify } from 'yaml'
import { signedLogRoute, startEmulator, type SeedRun } from './emulator/index.js'
import { median } from './corpus-figures.js'
import { RecordingCore } from './recording-core.js'
import { ROOT, runAction, type ActionRun, type RunActionOptions } from './run-action.js'
import type { SpawnedStepResult, SpawnedStepSpec } from './spawned-step.js'
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

export interface Ratio {
  latencyMs: number
  value: number
  target: number
}

/** The PR scenario and the empty steps with every step in a `node` process of its own. */
export interface SpawnedFigures {
  /** how each step's process starts: spawned-step.ts compiled to JS, run by plain node */
  command: string
  /** the emulator's delay per response in the PR runs (the highest of latenciesMs) */
  latencyMs: number
  emptySteps: { steps: number; wall: WallTime }
  pr: {
    /** API requests per route of a spawned PR run: the in-process run's, or the run throws */
    routes: Record<string, number>
    outputs: Record<string, string>
    wall: WallTime
  }
  /** the spawned PR run's median wall time over the spawned empty steps' */
  ratio: Ratio
}

export interface RequestFigures {
  runs: number
  latenciesMs: number[]
  scenarios: ScenarioFigures[]
  emptySteps: { steps: number; wall: WallTime }
  /** the PR run's median wall time at the highest latency over the empty steps' */
  ratio: Ratio
  /** null when not asked for (spawned: false) */
  spawned: SpawnedFigures | null
}

export interface RequestFiguresOptions {
  /** timed runs per scenario and latency, median kept (default 3) */
  runs?: number
  /** default [0, 80]: the emulator's answer as fast as loopback, and at a round trip of 80 ms */
  latenciesMs?: number[]
  /** also time the PR scenario and the empty steps spawned, a process per step (default true) */
  spawned?: boolean
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

type Runner = (options: RunActionOptions) => Promise<ActionRun>

const HARNESS_FILES = ['spawned-step.ts', 'github-script-call.ts', 'recording-core.ts']

/**
 * Compiles the child harness (spawned-step.ts and the recording core it imports) to plain ESM
 * JavaScript in `dir`, with node_modules linked in for @octokit/rest, and returns the entry's
 * path. Each step then starts as a bare `node` process, as github-script's does: with tsx's
 * loader (`node --import tsx`) an empty step measured about 0.4 s, `npx tsx` about 1 s (npx is an
 * npm process, then tsx's CLI starts node again), and plain node about 0.1 s; the loader's cost
 * is the harness's, not the action's, and would hide the action's own cost behind it.
 */
export async function compileSpawnedStep(dir: string): Promise<string> {
  await mkdir(dir, { recursive: true })
  for (const file of HARNESS_FILES) {
    const source = await readFile(join(ROOT, 'scripts/dev', file), 'utf8')
    const { outputText } = ts.transpileModule(source, {
      compilerOptions: {
        module: ts.ModuleKind.ESNext,
        target: ts.ScriptTarget.ES2022,
        verbatimModuleSyntax: true
      }
    })
    await writeFile(join(dir, file.replace(/\.ts$/, '.js')), outputText)
  }
  await writeFile(join(dir, 'package.json'), '{"type":"module"}\n')
  await symlink(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir')
  return join(dir, 'spawned-step.js')
}

/** One github-script step in a child `node` process; resolves with what the step reported. */
async function spawnStep(
  harness: string,
  dir: string,
  spec: SpawnedStepSpec,
  env: Record<string, string>
): Promise<SpawnedStepResult> {
  await mkdir(dir, { recursive: true })
  const specFile = join(dir, 'spec.json')
  const resultFile = join(dir, 'result.json')
  await writeFile(specFile, JSON.stringify(spec))
  const stderr = await new Promise<string>((resolve, reject) => {
    // cwd is the workspace, as github-script's; stdout is the step's log, which nobody reads here
    const child = spawn(process.execPath, [harness, specFile, resultFile], {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'ignore', 'pipe']
    })
    let text = ''
    child.stderr.on('data', (d: Buffer) => (text += d.toString()))
    child.on('error', reject)
    child.on('close', code => {
      if (code === 0) resolve(text)
      else reject(new Error(`spawned step exited with ${code}: ${text.trim()}`))
    })
  })
  try {
    return JSON.parse(await readFile(resultFile, 'utf8')) as SpawnedStepResult
  } catch (error) {
    throw new Error(`spawned step wrote no result: ${stderr.trim()}`, { cause: error })
  }
}

/**
 * runAction with every step in a `node` process of its own, as the runner runs a composite
 * action: the parent evaluates inputs, env and outputs, and the child (spawned-step.ts) only
 * runs the script, so it loads no more than github-script does. The emulator stays in this
 * process.
 */
export function runActionSpawned(
  options: RunActionOptions,
  /** compileSpawnedStep's entry */
  harness: string
): Promise<ActionRun> {
  return runAction(options, async step => {
    // the harness's files go under RUNNER_TEMP, as the runner's own (_runner_file_commands) do
    const result = await spawnStep(
      harness,
      join(step.env.RUNNER_TEMP as string, '_spawned', step.id),
      { script: step.script, token: step.token, apiUrl: step.apiUrl, context: step.context },
      step.env
    )
    return Object.assign(new RecordingCore(), result)
  })
}

/** A run, its temp folder removed; a failed run throws, as its figures would mean nothing. */
async function runOrThrow(options: RunActionOptions, runner: Runner = runAction) {
  const run = await runner(options)
  await rm(run.runnerTemp, { recursive: true, force: true })
  if (run.failed !== null) throw new Error(`the action failed: ${run.failed}`)
  return run
}

function report(apiUrl: string, { runId, event, sha }: Report, runner?: Runner) {
  return runOrThrow(
    {
      apiUrl,
      inputs: { 'run-id': String(runId) },
      env: { GITHUB_RUN_ATTEMPT: '1' },
      context: ciContext(apiUrl, runId, event, undefined, sha)
    },
    runner
  )
}

/** The history reported in process (untimed), then the measured run with `runner`. */
async function measure(spec: ScenarioSpec, latencyMs: number, runner?: Runner): Promise<Measured> {
  await using gh = await startEmulator(baseScenario(spec.runs), { latencyMs })
  for (const before of spec.before) await report(gh.url, before)
  const first = gh.requests.length
  const started = performance.now()
  const run = await report(gh.url, spec.measured, runner)
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

async function measureEmptySteps(runs: number, runner: Runner = runAction): Promise<WallTime> {
  const dir = await mkdtemp(join(tmpdir(), 'log-bugs-empty-steps-'))
  try {
    await writeFile(join(dir, 'action.yml'), emptyStepsAction(emptyStepCount))
    await using gh = await startEmulator(baseScenario([prRun]))
    const once = async (): Promise<number> => {
      const started = performance.now()
      const options = { apiUrl: gh.url, context: ciContext(gh.url, 1001), actionDir: dir }
      await runOrThrow(options, runner)
      return performance.now() - started
    }
    // Warms the module cache in process, the file cache for node, tsx and Octokit spawned.
    await once()
    // In process a few milliseconds each, so more runs than the scenarios get to steady the
    // median; spawned, a second or so each, as many as the scenarios.
    return await timeRuns(runner === runAction ? Math.max(runs, 11) : runs, 0, once)
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

/**
 * The PR scenario and the empty steps, each step spawned; the PR runs at `latencyMs` must make
 * the in-process run's requests (`counted`), or they would time something else.
 */
async function measureSpawned(
  runs: number,
  latencyMs: number,
  counted: ScenarioFigures
): Promise<SpawnedFigures> {
  const dir = await mkdtemp(join(tmpdir(), 'log-bugs-spawned-step-'))
  try {
    const harness = await compileSpawnedStep(dir)
    const runner: Runner = options => runActionSpawned(options, harness)
    const emptyWall = await measureEmptySteps(runs, runner)
    const spec = requestScenarios().find(s => s.name === 'PR')
    if (!spec) throw new Error('no PR scenario')
    let outputs: Record<string, string> = {}
    let routes: Record<string, number> = {}
    const wall = await timeRuns(runs, latencyMs, async () => {
      const timed = await measure(spec, latencyMs, runner)
      routes = countRoutes(timed.routes.filter(route => route !== signedLogRoute))
      if (!isDeepStrictEqual(routes, counted.routes))
        throw new Error('PR: the spawned run made other requests than the in-process one')
      outputs = timed.outputs
      return timed.ms
    })
    return {
      command: 'node spawned-step.js',
      latencyMs,
      emptySteps: { steps: emptyStepCount, wall: emptyWall },
      pr: { routes, outputs, wall },
      ratio: { latencyMs, value: wall.medianMs / emptyWall.medianMs, target: ratioTarget }
    }
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
  const prScenario = scenarios.find(s => s.name === 'PR')
  if (!prScenario) throw new Error('no PR scenario')
  const pr = prScenario.wall.find(w => w.latencyMs === latencyMs)
  return {
    runs,
    latenciesMs,
    scenarios,
    emptySteps: { steps: emptyStepCount, wall: empty },
    ratio: { latencyMs, value: (pr?.medianMs ?? 0) / empty.medianMs, target: ratioTarget },
    spawned: options.spawned === false ? null : await measureSpawned(runs, latencyMs, prScenario)
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
  const { ratio, emptySteps, spawned } = figures
  const spawnedLines = spawned
    ? [
        '',
        `spawned: each step a \`${spawned.command}\` process of its own, as on a runner; median of ${figures.runs} runs`,
        `five empty spawned steps: ${ms(spawned.emptySteps.wall.medianMs)}`,
        `PR spawned at ${spawned.latencyMs} ms: ${ms(spawned.pr.wall.medianMs)}`,
        `PR spawned at ${spawned.latencyMs} ms / five empty spawned steps: ${spawned.ratio.value.toFixed(1)}× (target ≤ ${spawned.ratio.target}×)`
      ]
    : []
  return [
    `wall time: median of ${figures.runs} timed runs per latency (the emulator waits that long before each response)`,
    table(summary),
    '',
    table(byRoute),
    '',
    ...scenarios.map(s => `${s.name}: ${s.description}`),
    '',
    `${emptySteps.steps} empty github-script steps in process: ${ms(emptySteps.wall.medianMs)}`,
    `PR at ${ratio.latencyMs} ms / empty steps: ${ratio.value.toFixed(1)}× (target ≤ ${ratio.target}×) in process`,
    ...spawnedLines
  ].join('\n')
}
