/**
 * Matching one cleaned line against the pattern table (patterns/): which pattern, at which
 * tier, or none. Patterns run on the cleaned text (timestamp, ANSI and `##[tag]` removed).
 *
 * Tiers, best first:
 *   0  runner terminal errors: timeouts, cancellations, runner shutdown
 *   1  tool-specific signatures: compiler diagnostics, failing test ids, lint rule lines
 *   2  `##[error]` lines that are not boilerplate (problem matchers, `::error::`, failing actions)
 *   3  generic exception and `error:` shapes
 *   4  a bare `error`/`fail` word: context only, never a key line on its own
 * Within a tier, `weight` orders the key lines (identity lines such as `FAILED test_x` before
 * detail lines such as pytest's `E   assert …`).
 */
import { ERROR_PATTERNS, LINE_PREFILTER } from './patterns/error-patterns.js'
import type { ErrorPattern, Terminal, Tier } from './patterns/pattern.js'
import {
  BOILERPLATE,
  CLOSING_LINES,
  ERROR_ANNOTATION,
  RUNNER_TERMINAL,
  SUMMARY_LINES,
  TERMINAL_PATTERNS,
  WEAK_EXCLUSIONS
} from './patterns/runner.js'

const BUILDKIT_PREFIX = /^#\d+ \d+\.\d+ /

/** A passing test or check: never an error line, whatever words it contains. */
const PASSED = /^\s*(?:✓|√|✔|PASS\s|ok\s|PASSED\b)/

export interface LineMatch {
  pattern: ErrorPattern
  tier: Tier
  terminal: Terminal | null
}

/** Whether the text is runner or package-manager boilerplate (never a candidate). */
export function isBoilerplate(text: string): boolean {
  return BOILERPLATE.some(re => re.test(text))
}

/** Whether the text is a closing line of a build driver or tool (see CLOSING_LINES). */
export function isClosing(text: string): boolean {
  return CLOSING_LINES.some(re => re.test(text))
}

/** Whether the text is a tally or summary line (context, never a key line). */
export function isSummary(text: string): boolean {
  return SUMMARY_LINES.some(re => re.test(text))
}

/** The runner-terminal class of an `##[error]` text, or null. */
export function matchTerminal(text: string): Terminal | null {
  for (const t of TERMINAL_PATTERNS) if (t.pattern.test(text)) return t.terminal
  return null
}

/**
 * Classifies one cleaned line: the best pattern that matches it, or null.
 * `isError` says the line carried `##[error]`; warnings, notices, debug and command echoes
 * should not be passed here at all.
 */
export function classifyLine(line: string, isError = false): LineMatch | null {
  // BuildKit prefixes the output of a build step with `#<step> <seconds> `: match what the
  // tool inside said (an npm error in `RUN npm ci`)
  const text = line.replace(BUILDKIT_PREFIX, '')
  if (isError) {
    const terminal = matchTerminal(text)
    if (terminal !== null) return { pattern: RUNNER_TERMINAL, tier: 0, terminal }
  }
  if (text.length === 0) return null
  if (!isError && (!LINE_PREFILTER.test(text) || PASSED.test(text))) return null
  if (isBoilerplate(text)) return null
  let weak = false
  for (const pattern of ERROR_PATTERNS) {
    if (pattern.tier >= 3 && !weak) {
      if (isError) return { pattern: ERROR_ANNOTATION, tier: 2, terminal: null }
      if (isSummary(text) || WEAK_EXCLUSIONS.some(re => re.test(text))) return null
      weak = true
    }
    if (pattern.pattern.test(text)) {
      if (pattern.tier === 1 && isSummary(text)) return null
      return { pattern, tier: pattern.tier, terminal: null }
    }
  }
  return null
}
