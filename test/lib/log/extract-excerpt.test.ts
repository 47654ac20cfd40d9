import { beforeEach, describe, expect, it } from 'vitest'
import {
  GAP,
  extractExcerpt,
  pickKeyCandidates,
  type ExcerptCandidate
} from '../../../scripts/lib/log/extract-excerpt.js'
import type { Tier } from '../../../scripts/lib/log/patterns/pattern.js'

/** The log the candidates come from: line N reads `ctx N` unless a candidate is there. */
const log = new Map<number, string>()

/** A candidate at `line` whose window spans `before`/`after` lines of the log. */
function candidate(
  line: number,
  text: string,
  tier: Tier = 1,
  weight = 5,
  before = 2,
  after = 2
): ExcerptCandidate {
  log.set(line, text)
  const window: [number, string][] = []
  for (let n = line - before; n <= line + after; n++)
    window.push([n, n === line ? text : (log.get(n) ?? `ctx ${n}`)])
  return { line, text, tier, weight, window }
}

describe('extractExcerpt', () => {
  beforeEach(() => log.clear())

  it('merges overlapping windows and separates distant ones with …', () => {
    const e1 = candidate(10, 'E1')
    const e2 = candidate(12, 'E2')
    const e3 = candidate(40, 'E3')
    const result = extractExcerpt(
      [{ ...e1, window: [...e1.window.slice(0, 4), [12, 'E2']] }, e2, e3],
      []
    )
    expect(result.excerpt.split('\n')).toEqual([
      'ctx 8',
      'ctx 9',
      'E1',
      'ctx 11',
      'E2',
      'ctx 13',
      'ctx 14',
      GAP,
      'ctx 38',
      'ctx 39',
      'E3',
      'ctx 41',
      'ctx 42'
    ])
    expect(result.excerptLines).toEqual({ first: 8, last: 42 })
    expect(result.keyLines).toEqual(['E1', 'E2', 'E3'])
  })

  it.each([
    [50, 8192],
    [10, 8192],
    [7, 8192],
    [50, 300],
    [3, 100]
  ])('never exceeds %i lines or %i bytes', (maxLines, maxBytes) => {
    const many = Array.from({ length: 200 }, (_, i) =>
      candidate(10 + i * 7, `error number ${i} ${'x'.repeat(40)}`)
    )
    const result = extractExcerpt(many, [], { maxLines, maxBytes })
    expect(result.excerpt.split('\n').length).toBeLessThanOrEqual(maxLines)
    expect(Buffer.byteLength(result.excerpt)).toBeLessThanOrEqual(maxBytes)
    expect(result.excerpt).toContain('error number 0')
  })

  it('aims at about half the line budget when there are many matches, every key line shown', () => {
    const many = Array.from({ length: 100 }, (_, i) => candidate(10 + i * 10, `E${i}`))
    const result = extractExcerpt(many, [], { maxLines: 50 })
    const lines = result.excerpt.split('\n')
    expect(lines.length).toBeLessThanOrEqual(30)
    expect(lines.length).toBeGreaterThan(10)
    for (const key of result.keyLines) expect(lines).toContain(key)
  })

  it('shows the file line of an eslint rule line', () => {
    const rule = {
      ...candidate(20, "  3:7  error  'x' is unused  no-unused-vars", 1, 9, 0, 0),
      anchor: [18, '/w/src/a.js'] as const
    }
    expect(extractExcerpt([rule], []).excerpt).toBe(
      `/w/src/a.js\n${GAP}\n  3:7  error  'x' is unused  no-unused-vars`
    )
  })

  it('falls back to the last lines of the step, the last one as key line', () => {
    const tail: [number, string][] = [
      [5, 'building'],
      [6, 'Your PR is 3174 LOC, more than 2000'],
      [7, '']
    ]
    const result = extractExcerpt([], tail)
    expect(result.keyLines).toEqual(['Your PR is 3174 LOC, more than 2000'])
    expect(result.excerpt).toBe('building\nYour PR is 3174 LOC, more than 2000')
  })

  it.each([
    ['a pass line', 'XLNetLMHead                PASS'],
    ['a pass mark', '  ✓ formats dates'],
    ['a column of counts', 'Cache write errors          0'],
    ['a rate', 'Cache hits rate          0.00 %'],
    ['a `set -x` echo', '+ sccache --show-stats']
  ])('does not take %s for the last words', (_, line) => {
    const tail: [number, string][] = [
      [5, 'DistilGPT2     FAIL:      graph_breaks=4, expected=2'],
      [6, line]
    ]
    expect(extractExcerpt([], tail).keyLines).toEqual([
      'DistilGPT2     FAIL:      graph_breaks=4, expected=2'
    ])
  })

  it("reads a `set -x` script's last words above its own `exit 1`, not a trap's output below", () => {
    for (const [n, text] of [
      [20, "+ echo 'Build left the checkout dirty'"],
      [21, 'Build left the checkout dirty'],
      [22, "+ echo '?? build/profiles/'"],
      [23, '?? build/profiles/']
    ] as const)
      log.set(n, text)
    const exit = candidate(24, '+ exit 1', 4, 1, 4, 0)
    const trap = candidate(30, '+ echo "if your build fails, look above"', 4, 1, 0, 0)
    const tail: [number, string][] = [
      [30, '+ echo "if your build fails, look above"'],
      [31, 'Compile requests     12'],
      [32, 'Compilation failures     0']
    ]
    const result = extractExcerpt([exit, trap], tail)
    expect(result.keyLines).toEqual(['?? build/profiles/'])
    expect(result.excerpt.split('\n')).toEqual([
      "+ echo 'Build left the checkout dirty'",
      'Build left the checkout dirty',
      "+ echo '?? build/profiles/'",
      '?? build/profiles/',
      '+ exit 1'
    ])
  })

  it('gives a weak match a window and a key line after the last words, never the headline', () => {
    const weak = candidate(3, 'the error was ignored', 4, 1, 0, 0)
    const result = extractExcerpt([weak], [[9, 'last words']])
    expect(result.keyLines).toEqual(['last words', 'the error was ignored'])
    expect(result.excerpt).toContain('the error was ignored')
  })

  it('gives lower-tier matches far from the failure no window and no key line', () => {
    const stray = candidate(10, 'Error: printed by a passing test', 3, 6)
    const real = candidate(5000, 'FAILED tests/test_a.py::test_x', 1, 10)
    const near = candidate(5010, 'KeyError: boom', 3, 6)
    const result = extractExcerpt([stray, real, near], [])
    expect(result.excerpt).not.toContain('passing test')
    expect(result.excerpt).toContain('KeyError: boom')
    expect(result.keyLines).toEqual(['FAILED tests/test_a.py::test_x', 'KeyError: boom'])
  })

  it('cuts very long lines in the excerpt', () => {
    const result = extractExcerpt([candidate(1, `E ${'y'.repeat(5000)}`, 1, 5, 0, 0)], [])
    expect(result.excerpt.length).toBeLessThan(1100)
  })
})

describe('pickKeyCandidates', () => {
  it('orders by tier, weight, then position, and drops duplicates', () => {
    const picked = pickKeyCandidates([
      candidate(30, 'E lower weight', 1, 3),
      candidate(20, 'FAILED a', 1, 10),
      candidate(10, 'FAILED a', 1, 10),
      candidate(5, 'generic', 3, 9),
      candidate(40, 'FAILED b', 1, 10)
    ])
    expect(picked.map(c => c.text)).toEqual(['FAILED a', 'FAILED b', 'E lower weight'])
  })

  it('fills in from lower tiers only behind a single best-tier line, and caps at five', () => {
    expect(
      pickKeyCandidates([candidate(1, 'A', 1), candidate(2, 'B', 3)]).map(c => c.text)
    ).toEqual(['A', 'B'])
    const many = Array.from({ length: 9 }, (_, i) => candidate(i, `E${i}`, 1))
    expect(pickKeyCandidates(many)).toHaveLength(5)
  })

  it('treats a problem-matcher copy with other indentation as the same line', () => {
    const picked = pickKeyCandidates([
      candidate(1, '  3:7  error  x  r', 1),
      candidate(2, '3:7  error  x  r', 1)
    ])
    expect(picked).toHaveLength(1)
  })
})
