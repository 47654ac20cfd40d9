/**
 * Figures of the log analysis over the fixture corpus (test/fixtures/logs), shared by
 * test/corpus.test.ts (which asserts them) and scripts/debug/bench.ts (which prints them).
 */
import { createReadStream, existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { analyzeLog } from '../lib/log/analyze-log.js'
import { fingerprintFailure } from '../lib/log/fingerprint-failure.js'
import type { FailureCategory, JobStep, LogAnalysis } from '../lib/log/types.js'

export const CORPUS_DIR = join(import.meta.dirname, '../../test/fixtures/logs')

export interface CorpusCase {
  id: string
  log: string
  job: string
  workflow: string
  jobName: string
  tool: string
  failure: string
  category: FailureCategory
  failedStep: string
  keyLines: string[]
  synthetic: boolean
}

export interface CorpusManifest {
  version: 1
  cases: CorpusCase[]
  nearMiss: [string, string][]
}

export type CorpusMode = 'job' | 'headers'

export interface CaseResult {
  case: CorpusCase
  analysis: LogAnalysis
  fingerprint: string
  excerptLineCount: number
  excerptBytes: number
  keyLinesFound: number
  keyLineHit: boolean
  stepOk: boolean
  /** the failed step is unnamed in the workflow: its API name is its `##[group]Run …` header */
  stepNamedByHeader: boolean
  categoryOk: boolean
}

export interface CorpusFigures {
  mode: CorpusMode
  cases: number
  keyLines: number
  keyLineRecall: number
  keyLineHitShare: number
  excerptMedianLines: number
  excerptMaxLines: number
  excerptMaxBytes: number
  samePairs: number
  samePairShare: number
  nearMissPairs: number
  nearMissDifferShare: number
  /** pairs of cases with different `failure` values and the same fingerprint */
  collisions: [string, string][]
  stepAccuracy: number
  /** over the cases whose failed step has no custom name (so its name is in the log) */
  stepAccuracyUnnamed: number
  unnamedSteps: number
  categoryAccuracy: number
  /** expected → actual → count */
  confusion: Record<string, Record<string, number>>
  results: CaseResult[]
}

export function hasCorpus(dir = CORPUS_DIR): boolean {
  return existsSync(join(dir, 'manifest.json'))
}

export async function readManifest(dir = CORPUS_DIR): Promise<CorpusManifest> {
  return JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')) as CorpusManifest
}

/** The middle value (mean of the two middle ones for an even count); 0 for none. */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  if (sorted.length === 0) return 0
  const mid = sorted.length >> 1
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2
}

const ratio = (a: number, b: number): number => (b === 0 ? 1 : a / b)

/** Runs the analysis over every corpus case, with the job JSON's steps or from headers only. */
export async function computeCorpusFigures(
  mode: CorpusMode,
  dir = CORPUS_DIR
): Promise<CorpusFigures> {
  const manifest = await readManifest(dir)
  const results: CaseResult[] = []
  for (const c of manifest.cases) {
    const job = JSON.parse(await readFile(join(dir, c.job), 'utf8')) as { steps?: JobStep[] }
    const analysis = await analyzeLog(
      createReadStream(join(dir, c.log)),
      mode === 'job' && job.steps ? { steps: job.steps } : {}
    )
    const fingerprint = fingerprintFailure({
      workflow: c.workflow,
      job: c.jobName,
      step: analysis.failedStep?.name ?? null,
      category: analysis.category,
      signature: analysis.signature,
      terminal: analysis.terminal,
      exitCode: analysis.exitCode
    })
    // a key line counts when it is a whole line of the excerpt (indentation aside)
    const excerptLines = analysis.excerpt === '' ? [] : analysis.excerpt.split('\n')
    const inExcerpt = new Set(excerptLines.map(l => l.trim()))
    const expected = new Set(c.keyLines.map(k => k.trim()))
    const keyLinesFound = c.keyLines.filter(k => inExcerpt.has(k.trim())).length
    const keyLineHit = analysis.keyLines.some(k => expected.has(k.trim()))
    results.push({
      case: c,
      analysis,
      fingerprint,
      excerptLineCount: excerptLines.length,
      excerptBytes: Buffer.byteLength(analysis.excerpt, 'utf8'),
      keyLinesFound,
      keyLineHit,
      stepOk: analysis.failedStep?.name === c.failedStep,
      stepNamedByHeader: (await readFile(join(dir, c.log), 'utf8')).includes(
        `##[group]${c.failedStep}\n`
      ),
      categoryOk: analysis.category === c.category
    })
  }

  let samePairs = 0
  let sameEqual = 0
  const collisions: [string, string][] = []
  for (let i = 0; i < results.length; i++) {
    for (let j = i + 1; j < results.length; j++) {
      const a = results[i] as CaseResult
      const b = results[j] as CaseResult
      if (a.case.failure === b.case.failure) {
        samePairs++
        if (a.fingerprint === b.fingerprint) sameEqual++
      } else if (a.fingerprint === b.fingerprint) collisions.push([a.case.id, b.case.id])
    }
  }
  let nearMissPairs = 0
  let nearMissDiffer = 0
  for (const [fa, fb] of manifest.nearMiss) {
    for (const a of results.filter(r => r.case.failure === fa)) {
      for (const b of results.filter(r => r.case.failure === fb)) {
        nearMissPairs++
        if (a.fingerprint !== b.fingerprint) nearMissDiffer++
      }
    }
  }
  const confusion: Record<string, Record<string, number>> = {}
  for (const r of results) {
    const row = (confusion[r.case.category] ??= {})
    row[r.analysis.category] = (row[r.analysis.category] ?? 0) + 1
  }
  const keyLines = results.reduce((n, r) => n + r.case.keyLines.length, 0)
  return {
    mode,
    cases: results.length,
    keyLines,
    keyLineRecall: ratio(
      results.reduce((n, r) => n + r.keyLinesFound, 0),
      keyLines
    ),
    keyLineHitShare: ratio(results.filter(r => r.keyLineHit).length, results.length),
    excerptMedianLines: median(results.map(r => r.excerptLineCount)),
    excerptMaxLines: Math.max(0, ...results.map(r => r.excerptLineCount)),
    excerptMaxBytes: Math.max(0, ...results.map(r => r.excerptBytes)),
    samePairs,
    samePairShare: ratio(sameEqual, samePairs),
    nearMissPairs,
    nearMissDifferShare: ratio(nearMissDiffer, nearMissPairs),
    collisions,
    stepAccuracy: ratio(results.filter(r => r.stepOk).length, results.length),
    stepAccuracyUnnamed: ratio(
      results.filter(r => r.stepNamedByHeader && r.stepOk).length,
      results.filter(r => r.stepNamedByHeader).length
    ),
    unnamedSteps: results.filter(r => r.stepNamedByHeader).length,
    categoryAccuracy: ratio(results.filter(r => r.categoryOk).length, results.length),
    confusion,
    results
  }
}

const pct = (x: number): string => `${(100 * x).toFixed(1)} %`

/** A compact table of the figures of one or more modes. */
export function formatCorpusFigures(all: readonly CorpusFigures[]): string {
  const rows: [string, (f: CorpusFigures) => string][] = [
    ['cases', f => String(f.cases)],
    ['key-line recall (in excerpt)', f => `${pct(f.keyLineRecall)} of ${f.keyLines}`],
    ['keyLines hit a real key line', f => pct(f.keyLineHitShare)],
    ['excerpt lines median / max', f => `${f.excerptMedianLines} / ${f.excerptMaxLines}`],
    ['excerpt bytes max', f => String(f.excerptMaxBytes)],
    ['same-failure pairs same fp', f => `${pct(f.samePairShare)} of ${f.samePairs}`],
    ['near-miss pairs differ', f => `${pct(f.nearMissDifferShare)} of ${f.nearMissPairs}`],
    ['distinct failures colliding', f => String(f.collisions.length)],
    ['failed step name correct', f => pct(f.stepAccuracy)],
    ['… of unnamed steps', f => `${pct(f.stepAccuracyUnnamed)} of ${f.unnamedSteps}`],
    ['category correct', f => pct(f.categoryAccuracy)]
  ]
  const header = ['', ...all.map(f => (f.mode === 'job' ? 'with job JSON' : 'headers only'))]
  const body = rows.map(([label, value]) => [label, ...all.map(value)])
  const widths = header.map((_, i) => Math.max(...[header, ...body].map(r => (r[i] ?? '').length)))
  const line = (cells: string[]): string => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ')
  const out = [line(header), ...body.map(line)]
  for (const f of all) {
    const confused = Object.entries(f.confusion).flatMap(([expected, row]) =>
      Object.entries(row)
        .filter(([actual]) => actual !== expected)
        .map(([actual, n]) => `${expected}→${actual}×${n}`)
    )
    out.push(`category confusion (${f.mode}): ${confused.length ? confused.join(', ') : 'none'}`)
  }
  return out.join('\n')
}
