import type { ErrorPattern } from './pattern.js'

/** More test runners and bundlers: RSpec, PHPUnit, dotnet test, Playwright, webpack. */
export const MORE_TESTS_PATTERNS: readonly ErrorPattern[] = [
  {
    id: 'rspec',
    tool: 'rspec',
    tier: 1,
    weight: 10,
    category: 'test',
    pattern: /^rspec \.\/\S+:\d+ # .+/,
    before: 0,
    after: 0,
    keywords: /\.\w+:\d|^rspec /,
    example: 'rspec ./spec/cart_spec.rb:12 # Cart sums prices'
  },
  {
    id: 'rspec-failure',
    tool: 'rspec',
    tier: 1,
    weight: 7,
    category: 'test',
    pattern: /^\s+Failure\/Error: .+/,
    before: 2,
    after: 6,
    keywords: /rror|ail/,
    example: '     Failure/Error: expect(cart.total).to eq(600)'
  },
  {
    id: 'phpunit',
    tool: 'phpunit',
    tier: 1,
    weight: 7,
    category: 'test',
    pattern: /^Failed asserting that .+/,
    before: 2,
    after: 3,
    keywords: /ail/,
    example: 'Failed asserting that 350 matches expected 600.'
  },
  {
    id: 'dotnet-test',
    tool: 'dotnet',
    tier: 1,
    weight: 10,
    category: 'test',
    pattern: /^\s*Failed \S+ \[(?:< ?)?\d+(?:\.\d+)? ?m?s\]$/,
    before: 0,
    after: 6,
    keywords: /ail|Failed \S+ \[/,
    example: '  Failed Shop.Tests.CartTests.SumsPrices [12 ms]'
  },
  {
    id: 'playwright',
    tool: 'playwright',
    tier: 1,
    weight: 9,
    category: 'test',
    pattern: /^\s+\d+\) \[[\w-]+\] › \S+/,
    before: 0,
    after: 8,
    keywords: /\.\w+:\d|\) \[[\w-]+\] › /,
    example: '  1) [chromium] › tests/home.spec.ts:3:5 › has title ─────────────────'
  },
  {
    id: 'webpack',
    tool: 'webpack',
    tier: 1,
    weight: 9,
    category: 'build',
    pattern: /^ERROR in \S+|^Module not found: Error: .+|^✘ \[ERROR\] .+/,
    before: 0,
    after: 4,
    keywords: /rror|found|not found/,
    example: "Module not found: Error: Can't resolve './missing' in '/home/runner/work/app/app/src'"
  },
  {
    id: 'bundler-code',
    tool: 'rolldown',
    tier: 1,
    weight: 8,
    category: 'build',
    // rolldown/vite and esbuild name the error by a code: `[PARSE_ERROR] Expected …`
    pattern: /^\[[A-Z]+_[A-Z_]+\] \S.*/,
    before: 0,
    after: 2,
    keywords: /^\[[A-Z]+_[A-Z_]+\] /,
    example: '[PARSE_ERROR] Expected `,` or `)` but found `}`'
  },
  {
    id: 'scalatest',
    tool: 'scalatest',
    tier: 1,
    weight: 9,
    category: 'test',
    // ScalaTest under sbt: `[info] - adds *** FAILED ***`
    pattern: /^(?:\[info\] )?\s*- .+ \*\*\* FAILED \*\*\*/,
    before: 0,
    after: 3,
    keywords: /\*\*\* FAILED \*\*\*/,
    example: '[info] - should add two numbers *** FAILED ***'
  }
]
