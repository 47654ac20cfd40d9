/**
 * The log analysis over the real-shaped job logs in test/fixtures/logs, the way the action
 * runs it (with the job's API steps) and from the log alone (headers only).
 */
import { beforeAll, describe, expect, it } from 'vitest'
import {
  computeCorpusFigures,
  formatCorpusFigures,
  hasCorpus,
  type CorpusFigures
} from '../scripts/dev/corpus-figures.js'

const MAX_LINES = 50
const MAX_BYTES = 8192

describe('log analysis over the corpus', () => {
  let figures: Record<'job' | 'headers', CorpusFigures>

  beforeAll(async () => {
    if (!hasCorpus()) return
    const [job, headers] = await Promise.all([
      computeCorpusFigures('job'),
      computeCorpusFigures('headers')
    ])
    figures = { job, headers }
    console.log(`\n${formatCorpusFigures([job, headers])}\n`)
  })

  it('has a corpus', () => {
    expect(hasCorpus()).toBe(true)
    expect(figures.job.cases).toBeGreaterThan(0)
  })

  describe.each(['job', 'headers'] as const)('%s', mode => {
    const f = (): CorpusFigures => figures[mode]
    const missed = (): string[] =>
      f()
        .results.filter(r => r.keyLinesFound < r.case.keyLines.length)
        .map(r => r.case.id)

    it('puts ≥ 99 % of the key lines in the excerpt', () => {
      expect(
        f().keyLineRecall,
        `cases missing key lines: ${missed().join(', ')}`
      ).toBeGreaterThanOrEqual(0.99)
    })

    it('names at least one real key line in ≥ 95 % of logs', () => {
      const wrong = f()
        .results.filter(r => !r.keyLineHit)
        .map(r => r.case.id)
      expect(f().keyLineHitShare, `no real key line: ${wrong.join(', ')}`).toBeGreaterThanOrEqual(
        0.95
      )
    })

    it('keeps excerpts short: median ≤ 25 lines, never over 50 lines or 8 KiB', () => {
      expect(f().excerptMedianLines).toBeLessThanOrEqual(25)
      expect(f().excerptMaxLines).toBeLessThanOrEqual(MAX_LINES)
      expect(f().excerptMaxBytes).toBeLessThanOrEqual(MAX_BYTES)
    })

    it('gives ≥ 98 % of same-failure pairs one fingerprint', () => {
      expect(f().samePairs).toBeGreaterThan(0)
      expect(f().samePairShare).toBeGreaterThanOrEqual(0.98)
    })

    it('tells ≥ 99 % of near-miss pairs apart', () => {
      expect(f().nearMissPairs).toBeGreaterThan(0)
      expect(f().nearMissDifferShare).toBeGreaterThanOrEqual(0.99)
    })

    it('never gives two distinct failures one fingerprint', () => {
      expect(f().collisions).toEqual([])
    })
  })

  it('finds the failed step the manifest names (with the job JSON)', () => {
    const wrong = figures.job.results
      .filter(r => !r.stepOk)
      .map(r => `${r.case.id}: ${r.analysis.failedStep?.name ?? 'null'} ≠ ${r.case.failedStep}`)
    expect(wrong).toEqual([])
  })

  it('finds the failed step from headers alone when the step has no custom name', () => {
    // an unnamed step is called `Run <first line>` by the API, which is the header text; a
    // custom name (`name: Type-check`) never appears in the log
    const unnamed = figures.headers.results.filter(r => r.stepNamedByHeader)
    expect(unnamed.length).toBeGreaterThan(0)
    const wrong = unnamed
      .filter(r => !r.stepOk)
      .map(r => `${r.case.id}: ${r.analysis.failedStep?.name ?? 'null'}`)
    expect(wrong).toEqual([])
  })

  it('gets the category right for ≥ 90 % (with the job JSON)', () => {
    expect(
      figures.job.categoryAccuracy,
      JSON.stringify(figures.job.confusion)
    ).toBeGreaterThanOrEqual(0.9)
  })
})
