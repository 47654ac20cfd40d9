import type { ErrorPattern } from './pattern.js'

/** Rust: compiler errors, failing tests, panics. */
export const RUST_PATTERNS: readonly ErrorPattern[] = [
  {
    id: 'cargo-error',
    tool: 'cargo',
    tier: 1,
    weight: 9,
    category: 'build',
    pattern: /^error\[E\d{4}\]: \S.*/,
    before: 0,
    after: 6,
    keywords: /rror/,
    example: 'error[E0425]: cannot find value `x` in this scope'
  },
  {
    id: 'cargo-test-fail',
    tool: 'cargo',
    tier: 1,
    weight: 10,
    category: 'test',
    pattern: /^test \S+ \.\.\. FAILED$/,
    before: 0,
    after: 0,
    keywords: /AIL/,
    example: 'test tests::it_adds ... FAILED'
  },
  {
    id: 'rust-panic',
    tool: 'cargo',
    tier: 1,
    weight: 9,
    category: 'test',
    pattern: /^thread '.*'(?: \(\d+\))? panicked at(?: |$)/,
    before: 1,
    after: 3,
    keywords: /anic|\.\w+:\d/,
    example: "thread 'tests::it_adds' panicked at src/lib.rs:10:9:"
  }
]
