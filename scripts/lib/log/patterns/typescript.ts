import type { ErrorPattern } from './pattern.js'

/** tsc diagnostics, in both output formats and as the setup-node problem matcher copies them. */
export const TYPESCRIPT_PATTERNS: readonly ErrorPattern[] = [
  {
    id: 'tsc',
    tool: 'tsc',
    tier: 1,
    weight: 9,
    category: 'type-check',
    pattern: /^(?:\s+\d+>)?\S.*?(?:\(\d+,\d+\)\s*:|:\d+:\d+ -) error TS\d+: /,
    before: 0,
    after: 2,
    keywords: /rror|\(\d+,\d+\)/,
    example: "src/math.ts(3,7): error TS2322: Type 'string' is not assignable to type 'number'."
  },
  {
    id: 'tsc-global',
    tool: 'tsc',
    tier: 1,
    weight: 8,
    category: 'type-check',
    pattern: /^error TS\d+: /,
    before: 0,
    after: 2,
    keywords: /rror/,
    example: "error TS5058: The specified path does not exist: 'tsconfig.build.json'."
  }
]
