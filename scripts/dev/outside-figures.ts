/**
 * Figures of the log analysis on logs it was not built from: real public CI logs whose failure
 * lines someone else labelled (test/fixtures/outside), and pairs of a failed and a green log of
 * the same job (test/fixtures/baseline, and the outside pairs). These logs are for measuring
 * only: no rule is tuned on them (test/fixtures/outside/README.md).
 */
import { createReadStream, existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { analyzeLog, type AnalyzeOptions } from '../lib/log/analyze-log.js'
import { median } from './corpus-figures.js'
import { readBaseline } from '../lib/log/baseline.js'
import { parseLogLine } from '../lib/log/clean-log-line.js'
import { LogScanner } from '../lib/log/scan-log.js'
import { findFailedSections } from '../lib/log/split-steps.js'
import type { JobStep, LogAnalysis } from '../lib/log/types.js'

export const OUTSIDE_DIR = join(import.meta.dirname, '../../test/fixtures/outside')
export const BASELINE_DIR = join(import.meta.dirname, '../../test/fixtures/baseline')

interface OutsideCase {
  id: string
  source: string
  ci: string
  language: string
  log: string
  job: string | null
  green: string | null
  greenJob: string | null
  failureLines: string[]
}

export interface OutsideResult {
  id: string
  source: string
  ci: string
  language: string
  /** a labelled failure line is a line of the excerpt */
  inExcerpt: boolean
  /** a labelled failure line is one of the key lines */
  inKeyLines: boolean
  /** a labelled failure line is among the failing step's last 50 lines (the naive excerpt) */
  inTail50: boolean
  excerptLines: number
  analysis: LogAnalysis
}

export interface Share {
  cases: number
  inExcerpt: number
  inKeyLines: number
  inTail50: number
  medianExcerptLines: number
}

/** Lines compare with whitespace collapsed; a line cut short (1,000 characters) still counts. */
const same = (a: string, b: string): boolean => {
  const x = a.replace(/\s+/g, ' ').trim()
  const y = b.replace(/\s+/g, ' ').trim()
  if (x === y) return x !== ''
  const [short, long] = x.length < y.length ? [x, y] : [y, x]
  return short.length >= 40 && long.startsWith(short.replace(/ …$/, ''))
}

/** Labels are raw log lines: compared as the reader shows them (timestamp, tag, ANSI gone). */
const holds = (lines: readonly string[], labels: readonly string[]): boolean =>
  labels.some(label => {
    const { cleaned } = parseLogLine(label)
    return lines.some(line => same(line, cleaned))
  })

/** The failing step's last 50 lines, as a reader of the raw log would take them. */
export function tailOfFailedStep(text: string, steps: JobStep[] | undefined, count = 50): string[] {
  const scanner = new LogScanner()
  scanner.write(text)
  const { sections } = scanner.end()
  const failed = findFailedSections(sections, steps ? { steps } : {})
  const chosen = failed.sections.map(i => sections[i]).filter(s => s !== undefined)
  const lines = text.split('\n')
  const picked: string[] = []
  for (const section of chosen) {
    for (let n = section.firstLine; n <= section.lastLine; n++) {
      picked.push(parseLogLine(lines[n - 1] ?? '').cleaned)
    }
  }
  return picked.slice(-count)
}

function readJob(dir: string, file: string | null): JobStep[] | undefined {
  if (!file || !existsSync(join(dir, file))) return undefined
  return (JSON.parse(readFileSync(join(dir, file), 'utf8')) as { steps?: JobStep[] }).steps
}

/** Runs the analysis over every outside case (with its job JSON when there is one). */
export async function computeOutsideResults(
  dir = OUTSIDE_DIR,
  options: { useJob?: boolean } = {}
): Promise<OutsideResult[]> {
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as {
    cases: OutsideCase[]
  }
  const results: OutsideResult[] = []
  for (const c of manifest.cases) {
    const steps = options.useJob === false ? undefined : readJob(dir, c.job)
    const text = readFileSync(join(dir, c.log), 'utf8')
    const analysis = await analyzeLog(createReadStream(join(dir, c.log)), steps ? { steps } : {})
    const excerpt = analysis.excerpt === '' ? [] : analysis.excerpt.split('\n')
    results.push({
      id: c.id,
      source: c.source,
      ci: c.ci,
      language: c.language,
      inExcerpt: holds(excerpt, c.failureLines),
      inKeyLines: holds(analysis.keyLines, c.failureLines),
      inTail50: holds(tailOfFailedStep(text, steps), c.failureLines),
      excerptLines: excerpt.length,
      analysis
    })
  }
  return results
}

export function share(results: readonly OutsideResult[]): Share {
  const n = results.length
  const part = (f: (r: OutsideResult) => boolean) => (n === 0 ? 0 : results.filter(f).length / n)
  return {
    cases: n,
    inExcerpt: part(r => r.inExcerpt),
    inKeyLines: part(r => r.inKeyLines),
    inTail50: part(r => r.inTail50),
    medianExcerptLines: median(results.map(r => r.excerptLines))
  }
}

/** The shares by a field (language, CI system, source), largest groups first. */
export function shareBy(
  results: readonly OutsideResult[],
  key: 'language' | 'ci' | 'source'
): [string, Share][] {
  const groups = new Map<string, OutsideResult[]>()
  for (const r of results) groups.set(r[key], [...(groups.get(r[key]) ?? []), r])
  return [...groups.entries()]
    .map(([name, group]) => [name, share(group)] as [string, Share])
    .sort((a, b) => b[1].cases - a[1].cases || a[0].localeCompare(b[0]))
}

export interface BaselineResult {
  id: string
  keyLines: number
  /** key lines found in the excerpt without the green log, and with it */
  foundWithout: number
  foundWith: number
  excerptLinesWithout: number
  excerptLinesWith: number
}

interface BaselinePair {
  id: string
  failLog: string
  failJob: string
  greenLog: string
  keyLines: string[]
}

/** Every failed/green pair: the key lines found in the excerpt without and with the green log. */
export async function computeBaselineResults(dir = BASELINE_DIR): Promise<BaselineResult[]> {
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as {
    pairs: BaselinePair[]
  }
  const results: BaselineResult[] = []
  for (const pair of manifest.pairs) {
    const steps = readJob(dir, pair.failJob)
    const options: AnalyzeOptions = steps ? { steps } : {}
    const found = (analysis: LogAnalysis) => {
      const excerpt = analysis.excerpt === '' ? [] : analysis.excerpt.split('\n')
      return {
        found: pair.keyLines.filter(k => excerpt.some(line => same(line, k))).length,
        lines: excerpt.length
      }
    }
    const without = found(await analyzeLog(createReadStream(join(dir, pair.failLog)), options))
    const baseline = await readBaseline(createReadStream(join(dir, pair.greenLog)))
    const withGreen = found(
      await analyzeLog(createReadStream(join(dir, pair.failLog)), { ...options, baseline })
    )
    results.push({
      id: pair.id,
      keyLines: pair.keyLines.length,
      foundWithout: without.found,
      foundWith: withGreen.found,
      excerptLinesWithout: without.lines,
      excerptLinesWith: withGreen.lines
    })
  }
  return results
}

const pct = (x: number): string => `${(100 * x).toFixed(0)} %`

/** The outside figures as a table: overall, by CI system, by source and by language. */
export function formatOutsideFigures(results: readonly OutsideResult[]): string {
  const row = (name: string, s: Share) =>
    `${name.padEnd(16)} ${String(s.cases).padStart(5)}  ${pct(s.inExcerpt).padStart(7)}  ${pct(s.inKeyLines).padStart(9)}  ${pct(s.inTail50).padStart(9)}  ${String(s.medianExcerptLines).padStart(6)}`
  const lines = [
    `${''.padEnd(16)} ${'logs'.padStart(5)}  ${'excerpt'.padStart(7)}  ${'key lines'.padStart(9)}  ${'last 50'.padStart(9)}  ${'median'.padStart(6)}`,
    row('all', share(results))
  ]
  for (const key of ['ci', 'source', 'language'] as const) {
    lines.push(`by ${key}`)
    for (const [name, s] of shareBy(results, key)) lines.push(row(`  ${name}`, s))
  }
  return lines.join('\n')
}

export function formatBaselineFigures(results: readonly BaselineResult[]): string {
  const keys = results.reduce((n, r) => n + r.keyLines, 0)
  const without = results.reduce((n, r) => n + r.foundWithout, 0)
  const withGreen = results.reduce((n, r) => n + r.foundWith, 0)
  const all = (f: (r: BaselineResult) => boolean) => results.filter(f).length
  return [
    `pairs ${results.length}, key lines ${keys}`,
    `key lines in the excerpt: without the green log ${pct(without / Math.max(1, keys))}, with it ${pct(withGreen / Math.max(1, keys))}`,
    `pairs with every key line: without ${all(r => r.foundWithout === r.keyLines)}, with ${all(r => r.foundWith === r.keyLines)}`,
    `pairs with none: without ${all(r => r.foundWithout === 0)}, with ${all(r => r.foundWith === 0)}`,
    `median excerpt lines: without ${median(results.map(r => r.excerptLinesWithout))}, with ${median(results.map(r => r.excerptLinesWith))}`
  ].join('\n')
}
