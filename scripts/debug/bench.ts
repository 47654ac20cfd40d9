/**
 * Benchmarks the log analysis on big generated logs and prints the corpus figures, then the
 * API requests and wall time of action.yml per scenario.
 *
 *   npm run bench [-- --size 1GiB] [--runs 2] [--chunk 256KiB] [--no-corpus] [--outside DIR]
 *   npm run bench -- --requests [--latency 80] [--request-runs 3] [--no-spawned] [--json]
 *
 * For each size of 10 MiB, 100 MiB, … up to --size it writes a realistic Actions log to a
 * temp file (streaming), analyses it with fs.createReadStream in a child `node` process that
 * runs the library compiled to plain JS (as on a runner, so its peak RSS is the analyzer's
 * alone, without tsx), times `grep -c -E 'error|fail'` on the same file, and prints
 * throughput, the ratio to grep and peak RSS. Temp files are deleted afterwards. Timings are
 * the best of --runs runs; nothing here fails on timing.
 *
 * The request figures run action.yml with runAction against the emulator for each scenario
 * (scripts/dev/request-figures.ts): requests per route once, then wall time with the emulator
 * answering at once and after --latency ms, median of --request-runs runs; and the same for five
 * empty github-script steps, the yardstick issue 10 sets (PR at 80 ms ≤ 3 × five empty steps).
 * In process a step costs nothing to start, so the PR run at --latency and the empty steps are
 * also timed spawned, each step a `node` process of its own as on a runner: that ratio is the
 * one the target means.
 */
import { spawn, spawnSync } from 'node:child_process'
import { mkdtemp, readdir, readFile, rm, writeFile, mkdir } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'
import ts from 'typescript'
import { errorMessage } from '../lib/step/errors.js'
import { computeCorpusFigures, formatCorpusFigures, hasCorpus } from '../dev/corpus-figures.js'
import {
  computeBaselineResults,
  computeOutsideResults,
  formatBaselineFigures,
  formatOutsideFigures
} from '../dev/outside-figures.js'
import { computeRequestFigures, formatRequestFigures } from '../dev/request-figures.js'
import { BIG_LOG_KEY_LINE, parseSize, writeBigLog } from './make-big-log.js'

const USAGE = `usage: npm run bench [-- --size 1GiB] [--runs 2] [--chunk 256KiB] [--no-corpus]
       npm run bench -- --requests [--latency 80] [--request-runs 3] [--no-spawned] [--json]

  --size <size>   largest log (default 1GiB); 10MiB and 100MiB steps below it are measured too
  --runs <n>      runs per measurement, best kept (default 2)
  --chunk <size>  fs.createReadStream highWaterMark (default 256KiB; bigger chunks leave more
                  dead buffers for the GC, so a higher peak RSS)
  --no-corpus     skip the corpus figures
  --outside <dir> also measure a labelled corpus kept elsewhere (manifest.json with failureLines)
  --no-requests   skip the request figures
  --requests      print only the request figures: API requests per scenario and route, wall time
  --latency <ms>  the emulator's delay per response for the second wall time (default 80)
  --request-runs <n>
                  timed runs per scenario and latency, median kept (default 3); also the
                  spawned runs of the PR scenario and of the empty steps
  --no-spawned    skip the spawned runs (a node process per step, a second or more per run)
  --json          print only the request figures, as JSON`

const REQUESTS_HEADING = 'requests (actions/log-bugs/action.yml against the emulator)'
const LIB = join(import.meta.dirname, '../lib')
const MiB = 1024 * 1024

interface ChildResult {
  ms: number
  maxRssBytes: number
  bytes: number
  totalLines: number
  keyLines: string[]
}

/** Compiles scripts/lib to plain ESM JavaScript (what the action ships), plus a runner. */
export async function compileLibrary(dir: string): Promise<string> {
  const out = join(dir, 'lib')
  await mkdir(out, { recursive: true })
  for (const file of await readdir(LIB, { recursive: true })) {
    if (!file.endsWith('.ts')) continue
    const source = await readFile(join(LIB, file), 'utf8')
    await mkdir(dirname(join(out, file)), { recursive: true })
    const { outputText } = ts.transpileModule(source, {
      compilerOptions: {
        module: ts.ModuleKind.ESNext,
        target: ts.ScriptTarget.ES2022,
        verbatimModuleSyntax: true
      }
    })
    await writeFile(join(out, file.replace(/\.ts$/, '.js')), outputText)
  }
  await writeFile(join(dir, 'package.json'), '{"type":"module"}\n')
  const runner = join(dir, 'run.js')
  await writeFile(
    runner,
    `import { createReadStream, readFileSync } from 'node:fs'
import { analyzeLog } from './lib/log/analyze-log.js'
// VmHWM is this process's own peak; getrusage's maxRSS would also count the parent's pages
// that fork() shared with the child before exec (Linux keeps that high-water mark)
function peakRss() {
  try {
    const hwm = /VmHWM:\\s+(\\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))
    if (hwm) return Number(hwm[1]) * 1024
  } catch {}
  return process.resourceUsage().maxRSS * 1024
}
const started = performance.now()
const analysis = await analyzeLog(createReadStream(process.argv[2], { highWaterMark: Number(process.argv[3]) }))
const ms = performance.now() - started
process.stdout.write(JSON.stringify({
  ms,
  maxRssBytes: peakRss(),
  bytes: analysis.bytes,
  totalLines: analysis.totalLines,
  keyLines: analysis.keyLines
}))
`
  )
  return runner
}

function runChild(runner: string, file: string, chunk: number): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [runner, file, String(chunk)], {
      stdio: ['ignore', 'pipe', 'pipe']
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    child.on('error', reject)
    child.on('close', code => {
      if (code !== 0)
        reject(
          new Error(`analyzer child exited with ${code}: ${stderr.trim().split('\n')[0] ?? ''}`)
        )
      else resolve(JSON.parse(stdout) as ChildResult)
    })
  })
}

function timeGrep(file: string): number {
  const started = process.hrtime.bigint()
  const result = spawnSync('grep', ['-c', '-E', 'error|fail', file], { encoding: 'utf8' })
  const ms = Number(process.hrtime.bigint() - started) / 1e6
  if (result.error) throw result.error
  if (result.status !== 0 && result.status !== 1)
    throw new Error(`grep exited with ${result.status}`)
  return ms
}

const mib = (bytes: number): string => `${(bytes / MiB).toFixed(1)} MiB`
const rate = (bytes: number, ms: number): number => bytes / 1e6 / (ms / 1000)

function sizesUpTo(max: number): number[] {
  const sizes = [10 * MiB, 100 * MiB, 1024 * MiB].filter(s => s < max)
  return [...sizes, max]
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      size: { type: 'string', default: '1GiB' },
      runs: { type: 'string', default: '2' },
      chunk: { type: 'string', default: '256KiB' },
      'no-corpus': { type: 'boolean' },
      outside: { type: 'string' },
      'no-requests': { type: 'boolean' },
      requests: { type: 'boolean' },
      latency: { type: 'string', default: '80' },
      'request-runs': { type: 'string', default: '3' },
      'no-spawned': { type: 'boolean' },
      json: { type: 'boolean' },
      help: { type: 'boolean' }
    }
  })
  if (values.help) {
    console.log(USAGE)
    return
  }
  const latency = Number(values.latency)
  if (!Number.isFinite(latency) || latency < 0)
    throw new Error(`--latency: expected milliseconds, got ${values.latency}`)
  const requestFigures = () =>
    computeRequestFigures({
      runs: Math.max(1, Number(values['request-runs']) || 1),
      latenciesMs: [...new Set([0, latency])],
      spawned: !values['no-spawned']
    })
  if (values.json) {
    console.log(JSON.stringify(await requestFigures(), null, 2))
    return
  }
  if (values.requests) {
    console.log(`${REQUESTS_HEADING}\n${formatRequestFigures(await requestFigures())}`)
    return
  }
  const max = parseSize(values.size)
  const runs = Math.max(1, Number(values.runs) || 1)
  const chunk = parseSize(values.chunk)
  const dir = await mkdtemp(join(tmpdir(), 'log-bugs-bench-'))
  try {
    const runner = await compileLibrary(dir)
    const empty = join(dir, 'empty.log')
    await writeFile(empty, '')
    const baseline = await runChild(runner, empty, chunk)
    console.log(
      `analyzer: scripts/lib compiled to JS, in a child node ${process.version}, fs.createReadStream ` +
        `highWaterMark ${chunk / 1024} KiB; baseline peak RSS (empty log) ${mib(baseline.maxRssBytes)}`
    )
    const header = ['size', 'lines', 'analyzer', 'grep -c', 'ratio', 'peak RSS', 'key line found']
    const rows: string[][] = []
    for (const size of sizesUpTo(max)) {
      const file = join(dir, `big-${size}.log`)
      const written = await writeBigLog(file, size)
      let best: ChildResult | null = null
      let grepMs = Number.POSITIVE_INFINITY
      let maxRss = 0
      for (let i = 0; i < runs; i++) {
        grepMs = Math.min(grepMs, timeGrep(file))
        const result = await runChild(runner, file, chunk)
        maxRss = Math.max(maxRss, result.maxRssBytes)
        if (best === null || result.ms < best.ms) best = result
      }
      await rm(file, { force: true })
      if (best === null) continue
      const analyzerRate = rate(written.bytes, best.ms)
      const grepRate = rate(written.bytes, grepMs)
      rows.push([
        mib(written.bytes),
        String(best.totalLines),
        `${analyzerRate.toFixed(0)} MB/s`,
        `${grepRate.toFixed(0)} MB/s`,
        (analyzerRate / grepRate).toFixed(2),
        mib(maxRss),
        best.keyLines[0] === BIG_LOG_KEY_LINE
          ? 'yes'
          : `NO: ${JSON.stringify(best.keyLines[0] ?? null)}`
      ])
    }
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map(r => (r[i] ?? '').length)))
    for (const row of [header, ...rows])
      console.log(row.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  '))
    console.log('targets: ratio ≥ 0.50, peak RSS ≤ 128 MiB')

    if (!values['no-corpus']) {
      if (hasCorpus()) {
        const figures = [await computeCorpusFigures('job'), await computeCorpusFigures('headers')]
        console.log(`\ncorpus (test/fixtures/logs)\n${formatCorpusFigures(figures)}`)
      } else console.log('\ncorpus: test/fixtures/logs/manifest.json not found')
      // fail/green pairs of tools no pattern knows: the figures with and without the comparison
      console.log(
        `\nbaseline pairs (test/fixtures/baseline)\n${formatBaselineFigures(await computeBaselineResults())}`
      )
      // logs someone else labelled, kept outside the repository (their licences are unknown)
      if (values.outside !== undefined) {
        const results = await computeOutsideResults(values.outside)
        console.log(`\noutside logs (${values.outside})\n${formatOutsideFigures(results)}`)
      }
    }
    if (!values['no-requests'])
      console.log(`\n${REQUESTS_HEADING}\n${formatRequestFigures(await requestFigures())}`)
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href)
  main().catch((error: unknown) => {
    process.stderr.write(`bench: ${errorMessage(error).split('\n')[0]}\n`)
    process.exitCode = 1
  })
