import type { ErrorPattern } from './pattern.js'

/** Go: failing tests, panics, golangci-lint, compiler and vet diagnostics, failing packages. */
export const GO_PATTERNS: readonly ErrorPattern[] = [
  {
    id: 'go-test-fail',
    tool: 'go',
    tier: 1,
    weight: 10,
    category: 'test',
    pattern: /^\s*--- FAIL: \S+/,
    before: 3,
    after: 1,
    keywords: /AIL/,
    example: '--- FAIL: TestAdd (0.00s)'
  },
  {
    id: 'go-race',
    tool: 'go',
    tier: 1,
    weight: 10,
    category: 'test',
    // the race detector's report (go test -race); its block runs to the next `=====` line
    pattern: /^WARNING: DATA RACE$/,
    before: 0,
    after: 2,
    keywords: /DATA RACE/,
    example: 'WARNING: DATA RACE'
  },
  {
    id: 'go-panic',
    tool: 'go',
    tier: 1,
    weight: 9,
    category: null,
    pattern: /^panic: .+/,
    before: 0,
    after: 4,
    keywords: /rror|anic/,
    example: 'panic: runtime error: index out of range [5] with length 3'
  },
  {
    id: 'golangci',
    tool: 'golangci-lint',
    tier: 1,
    weight: 9,
    category: 'lint',
    pattern: /^\S+\.go:\d+(?::\d+)?: .+ \([a-z][\w-]*\)$/,
    before: 0,
    after: 2,
    keywords: /rror|\.\w+:\d/,
    example: 'main.go:10:2: Error return value of `f.Close` is not checked (errcheck)'
  },
  {
    id: 'go-diagnostic',
    tool: 'go',
    tier: 1,
    weight: 9,
    // `go build` and `go vet` print the same shape: the step decides (build by default)
    category: null,
    pattern: /^(?:vet: )?\.{0,2}\/?\S*\.go:\d+(?::\d+)?: \S.*/,
    before: 0,
    after: 0,
    keywords: /ndefined|\.\w+:\d/,
    example: './main.go:10:2: undefined: foo'
  },
  {
    id: 'go-pkg-fail',
    tool: 'go',
    tier: 1,
    weight: 4,
    category: 'test',
    pattern: /^FAIL\s+\S+\s+(?:\[[^\]]+\]|\d+(?:\.\d+)?s)$/,
    before: 0,
    after: 0,
    keywords: /AIL/,
    example: 'FAIL\tgithub.com/acme/calc\t0.012s'
  }
]
