/**
 * The shape of the pattern table: what an error line looks like, tool by tool
 * (docs/log-analysis.md §2.3–2.4). The table itself is data, one file per tool family in this
 * folder; matching lives in ../match-line.ts.
 *
 * Tiers, best first:
 *   0  runner terminal errors: timeouts, cancellations, runner shutdown
 *   1  tool-specific signatures: compiler diagnostics, failing test ids, lint rule lines
 *   2  `##[error]` lines that are not boilerplate (problem matchers, `::error::`, failing actions)
 *   3  generic exception and `error:` shapes
 *   4  a bare `error`/`fail` word: context only, never a key line on its own
 * Within a tier, `weight` orders the key lines (identity lines such as `FAILED test_x` before
 * detail lines such as pytest's `E   assert …`).
 *
 * Patterns run on the cleaned text (timestamp, ANSI and `##[tag]` removed).
 */
import type { FailureCategory } from '../types.js'

export type Tier = 0 | 1 | 2 | 3 | 4

export interface ErrorPattern {
  id: string
  tool: string
  tier: Tier
  /** importance within the tier: key lines are ordered by tier, then weight */
  weight: number
  /**
   * a warning the tool also reports errors beside (pylint's C/R/W, a compiler's warning): never
   * a key line while an error line is there
   */
  severity?: 'warning'
  category: FailureCategory | null
  pattern: RegExp
  /** only on `##[error]` lines (runner terminal messages) */
  errorTagOnly?: boolean
  /** context lines kept around a match in the excerpt */
  before?: number
  after?: number
  /** also show the nearest line above that names the file (eslint stylish, pylint, shellcheck) */
  fileLineAbove?: RegExp
  /** run the window on (up to 16 lines) to the first line like this: the stack frame of an assertion */
  afterUntil?: RegExp
  /**
   * A cheap test that every line this pattern matches passes (`/rror|AIL/`): the keywords of all
   * patterns make the one prefilter a line must pass before any pattern runs (error-patterns.ts)
   */
  keywords: RegExp | null
  /** a real-shaped line this pattern must match (checked by the tests) */
  example: string
}

export type Terminal = 'timeout' | 'cancelled' | 'shutdown'

export interface TerminalPattern {
  terminal: Terminal
  pattern: RegExp
  keywords: RegExp
  example: string
}

/** An exception whose whole message is that something failed: `RuntimeError: test_x 1/1 failed!` */
export const EXCEPTION_WRAPPER =
  /^\s*(?:[A-Za-z_$][\w$]*\.)*(?:[A-Z][\w$]*)?(?:Error|Exception): [^:]{0,120}?\b(?:failed|FAILED)[.!]?$/

/** `set -x` echoing a script's own non-zero `exit`. */
export const XTRACE_EXIT = /^\+{1,3} exit [1-9]\d*$/

/** The first frame of a JavaScript or JVM stack trace: where an assertion or exception happened. */
export const STACK_FRAME = /^\s+at \S/

/** Advisory ids: for audit output these (sorted) are the signature, not the counts. */
export const ADVISORY_ID =
  /\b(?:GHSA(?:-[23456789cfghjmpqrvwx]{4}){3}|PYSEC-\d{4}-\d+|CVE-\d{4}-\d{4,}|RUSTSEC-\d{4}-\d{4}|GO-\d{4}-\d{4})\b/g
