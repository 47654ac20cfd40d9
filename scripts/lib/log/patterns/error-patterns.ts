import { ESLINT_PATTERNS } from './eslint.js'
import { FORMATTERS_PATTERNS } from './formatters.js'
import { GENERIC_PATTERNS } from './generic.js'
import { GO_PATTERNS } from './go.js'
import { INFRASTRUCTURE_PATTERNS } from './infrastructure.js'
import { JS_TESTS_PATTERNS } from './js-tests.js'
import { JVM_PATTERNS } from './jvm.js'
import { MORE_TESTS_PATTERNS } from './more-tests.js'
import { NATIVE_PATTERNS } from './native.js'
import { PACKAGES_PATTERNS } from './packages.js'
import type { ErrorPattern } from './pattern.js'
import { PYTHON_LINT_PATTERNS } from './python-lint.js'
import { PYTHON_TESTS_PATTERNS } from './python-tests.js'
import {
  ERROR_ANNOTATION,
  NOVEL_LINE,
  RUNNER_TERMINAL,
  SEEN_IN_GREEN,
  TERMINAL_PATTERNS
} from './runner.js'
import { RUST_PATTERNS } from './rust.js'
import { SHELL_PATTERNS } from './shell.js'
import { AUDITS_PATTERNS } from './audits.js'
import { CONTAINERS_PATTERNS } from './containers.js'
import { TYPESCRIPT_PATTERNS } from './typescript.js'
import { WEAK_PATTERNS } from './weak.js'

/**
 * The whole table, in match order: the first pattern that matches a line wins, so a tool's
 * specific signatures (tier 1) come before the generic shapes (tiers 3 and 4), and within a
 * family the more specific line first.
 */
export const ERROR_PATTERNS: readonly ErrorPattern[] = [
  ...TYPESCRIPT_PATTERNS,
  ...ESLINT_PATTERNS,
  ...FORMATTERS_PATTERNS,
  ...PYTHON_LINT_PATTERNS,
  ...PYTHON_TESTS_PATTERNS,
  ...JS_TESTS_PATTERNS,
  ...GO_PATTERNS,
  ...RUST_PATTERNS,
  // javac's `File.java:3: error:` is also a C compiler's shape: the JVM goes first
  ...JVM_PATTERNS,
  ...NATIVE_PATTERNS,
  ...MORE_TESTS_PATTERNS,
  ...SHELL_PATTERNS,
  ...CONTAINERS_PATTERNS,
  ...PACKAGES_PATTERNS,
  ...AUDITS_PATTERNS,
  ...INFRASTRUCTURE_PATTERNS,
  ...GENERIC_PATTERNS,
  ...WEAK_PATTERNS
]

export const PATTERNS_BY_ID: ReadonlyMap<string, ErrorPattern> = new Map(
  [...ERROR_PATTERNS, ERROR_ANNOTATION, RUNNER_TERMINAL, NOVEL_LINE, SEEN_IN_GREEN].map(p => [
    p.id,
    p
  ])
)

/**
 * The cheap first test for a decoded line, made from every pattern's `keywords`: a line that
 * has none of them is no error line (most lines of a log), and no pattern runs on it.
 */
export const LINE_PREFILTER = new RegExp(
  [
    ...new Set(
      [...ERROR_PATTERNS, ...TERMINAL_PATTERNS].flatMap(p =>
        p.keywords === null ? [] : [p.keywords.source]
      )
    )
  ].join('|')
)
