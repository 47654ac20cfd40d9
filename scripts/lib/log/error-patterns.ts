/**
 * What an error line looks like, tool by tool (docs/log-analysis.md §2.3–2.4), in table form.
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
import type { FailureCategory } from './types.js'

export type Tier = 0 | 1 | 2 | 3 | 4

export interface ErrorPattern {
  id: string
  tool: string
  tier: Tier
  /** importance within the tier: key lines are ordered by tier, then weight */
  weight: number
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
  /** a real-shaped line this pattern must match (checked by the tests) */
  example: string
}

export type Terminal = 'timeout' | 'cancelled' | 'shutdown'

export interface TerminalPattern {
  terminal: Terminal
  pattern: RegExp
  example: string
}

/** Runner messages that end a step or the job without any tool output to blame (tier 0). */
export const TERMINAL_PATTERNS: readonly TerminalPattern[] = [
  {
    terminal: 'timeout',
    pattern: /^The action '.*' has timed out after \d+ minutes\.?/,
    example: "The action 'Test' has timed out after 360 minutes."
  },
  {
    terminal: 'timeout',
    pattern:
      /^The job running on (?:runner|agent) .* has exceeded the maximum execution time of \d+ minutes\.?/,
    example:
      'The job running on runner GitHub Actions 2 has exceeded the maximum execution time of 10 minutes.'
  },
  {
    terminal: 'cancelled',
    pattern: /^The operation was cancell?ed\.?$/,
    example: 'The operation was canceled.'
  },
  {
    terminal: 'shutdown',
    pattern: /^The runner has received a shutdown signal\b/,
    example:
      'The runner has received a shutdown signal. This can happen when the runner service is stopped, or a manually started runner is canceled.'
  },
  {
    terminal: 'shutdown',
    pattern: /^The (?:hosted |self-hosted )?runner: .* lost communication with the server\b/,
    example:
      'The self-hosted runner: ci-runner-3 lost communication with the server. Verify the machine is running and has a healthy network connection.'
  }
]

/**
 * `##[error]Process completed with exit code N.`: where a script step ends, never a cause.
 * A failing JavaScript action that ran a tool says `The process '/usr/bin/git' failed with
 * exit code 128`, a Docker action `Docker run failed with exit code 1`, a job container that
 * cannot be pulled `Docker pull failed with exit code 1`, an action that ran a linter
 * `golangci-lint exit with code 3`: the same role.
 */
export const EXIT_CODE_LINE =
  /^(?:(?:Process completed|The process '.*' failed|Docker (?:run|pull) failed) with exit code|[\w.@/-]+ exit(?:ed)? with (?:exit )?code) (\d+)\.?$/

/** Runner and wrapper lines that are never candidates, whatever their tag. */
export const BOILERPLATE: readonly RegExp[] = [
  EXIT_CODE_LINE,
  /^(?:Error: )?Process completed with exit code \d+\.?$/,
  /^Executing the custom container implementation failed\b/,
  /\bNode(?:\.js)? \d+ (?:actions )?(?:is|are) (?:being )?deprecated\b/,
  /^The process '.*' failed with exit code \d+/,
  // package-manager wrappers around a failing script: the script's own output is the cause
  /^\s*ELIFECYCLE\b.*Command failed/,
  /^\s*ERR_PNPM_RECURSIVE_RUN_FIRST_FAIL\b/,
  /^\s*(?:\S+ )?ERR_PNPM_RECURSIVE_EXEC_FIRST_FAIL\b/,
  /^npm (?:ERR!|error) (?:Lifecycle script `.*` failed|code \d+$|path |command |workspace |location |errno |syscall |A complete log of this run|Log files were not written|\s*$)/,
  /^npm (?:ERR!|error) (?:Failed at the .* script|This is probably not a problem with npm|in workspace:|at location:)/,
  /^error Command failed with exit code \d+\.?$/,
  /^info Visit https:\/\/yarnpkg\.com\//,
  /^error: Recipe `.*` failed/,
  /^error: test failed, to rerun pass\b/,
  /^error: could not compile `.*`.* due to \d+ previous errors?/,
  /^error: aborting due to (?:\d+ )?previous errors?/,
  /^Error: Process completed with exit code \d+/,
  /^\[ERROR\] (?:-> \[Help \d+\]|Re-run Maven using|To see the full stack trace|For more information about the errors|Help 1\]|\s*$)/,
  /^\[ERROR\] \[Help \d+\]/,
  /^\s*at .*\(.*:\d+:\d+\)$/,
  // a runner hook or wrapper restating the exit code (`[hook] Step script exited with code 1.
  // Check the step logs above…`): the same role as `Process completed with exit code N`
  /^(?:\[[\w.-]+\] )?(?:\w+ )?(?:script|step|command|process|container) exited with (?:exit )?code \d+\b/i,
  // runner markers with a tag of their own (`##[start-action …]`, `##[end-action …]`)
  /^##\[(?!(?:error|warning|notice|debug|command|section|group|endgroup)\])[a-z][\w-]*[ \]]/
]

/** Tallies and summaries: true but not the cause (`Found 2 errors`, `1 failed, 3 passed`). */
export const SUMMARY_LINES: readonly RegExp[] = [
  /^Found \d+ errors? in \d+ files?\b/,
  /^Found \d+ errors?\.?(?: Watching for file changes\.)?$/,
  /^Found \d+ errors? in the same file\b/,
  /^\s*[✖×✗] \d+ problems? \(\d+ errors?, \d+ warnings?\)/,
  /^\s*\d+ errors? and \d+ warnings? potentially fixable\b/,
  /^=+ (?:.*\d+ (?:failed|errors?|passed).*) =+$/,
  /^\s*Tests?:?\s+\d+ failed\b/,
  /^\s*Test (?:Files|Suites):?\s+\d+ failed\b/,
  /^\s*Tests\s+\d+ failed\b/,
  /^FAILED \((?:failures|errors)=\d+/,
  /^test result: FAILED\./,
  /^\s*\d+ (?:failing|passing|pending)\b/,
  /^Your code has been rated at\b/,
  /^\d+ files? would be reformatted\b/,
  /^Oh no! 💥 💔 💥$/,
  /^\[warn\] Code style issues found in (?:the above file|\d+ files)\b/,
  /^\[ERROR\] Tests run: \d+, Failures: \d+(?!.*<<<)/,
  /^Tests run: \d+, Failures: \d+, Errors: \d+/,
  /^BUILD FAILED in\b/,
  /^\[INFO\] BUILD FAILURE$/,
  /^FAIL$/,
  /^\s*Ran \d+ tests? in\b/
]

/** Exclusions for tiers 3 and 4 (rtk-ai/rtk#3534: `0 Error(s)` is not an error). */
export const WEAK_EXCLUSIONS: readonly RegExp[] = [
  /\b0 (?:errors?|failures?|failed|problems?|vulnerabilities)\b/i,
  /\b(?:errors?|failures?|failed)[:=] ?0\b/i,
  // a column of counts: `Cache write errors          0`
  /\b(?:errors?|failures?|failed)\s+0(?:\.0+)?(?: ?%)?$/i,
  /\bError\(s\)\s*$/,
  /-Werror|--error-on|continue-on-error|if-no-files-found|fail-on-cache-miss|ErrorAction|errexit|fail-fast|fail_ci_if_error|--bail|pipefail|--max-warnings/i,
  /^\s*(?:✓|√|✔|PASS\b|ok\b|passed\b|PASSED\b|SKIP)/,
  /\bPASSED\b/,
  /TEST-(?:INFO|PASS) /,
  /\bnon-fatal error\b/i,
  /^\s*(?:npm |yarn |pnpm )?warn(?:ing)?\b/i,
  /^\s*\[warn(?:ing)?\]/i,
  /^\s*(?:hint|note|info|debug):/i,
  /^\s*at /,
  /^\s*(?:> |\$ )/
]

const TEST = 'test' as const
const LINT = 'lint' as const
const FORMAT = 'format' as const
const TYPES = 'type-check' as const
const BUILD = 'build' as const
const DEPS = 'dependency' as const
const SECURITY = 'security' as const
const INFRA = 'infrastructure' as const

/** An exception whose whole message is that something failed: `RuntimeError: test_x 1/1 failed!` */
export const EXCEPTION_WRAPPER =
  /^\s*(?:[A-Za-z_$][\w$]*\.)*(?:[A-Z][\w$]*)?(?:Error|Exception): [^:]{0,120}?\b(?:failed|FAILED)[.!]?$/

/** `set -x` echoing a script's own non-zero `exit`. */
export const XTRACE_EXIT = /^\+{1,3} exit [1-9]\d*$/

/** The first frame of a JavaScript or JVM stack trace: where an assertion or exception happened. */
const STACK_FRAME = /^\s+at \S/

const ESLINT_FILE = /^(?:[A-Za-z]:)?[\\/.\w@()[\]{}+~-]*[\w)\]}]\.[A-Za-z]{1,6}$/
const PYLINT_MODULE = /^\*{5,} Module \S+/
const SHELLCHECK_FILE = /^In \S+ line \d+:$/
const LINTRUNNER_FILE = /^>>> (?:Lint for \S+|General linter failure):$/

/** Tier 1 and the generic tiers, in match order: the first pattern that matches a line wins. */
export const ERROR_PATTERNS: readonly ErrorPattern[] = [
  // ------------------------------------------------------------------ TypeScript
  {
    id: 'tsc',
    tool: 'tsc',
    tier: 1,
    weight: 9,
    category: TYPES,
    pattern: /^(?:\s+\d+>)?\S.*?(?:\(\d+,\d+\)\s*:|:\d+:\d+ -) error TS\d+: /,
    before: 0,
    after: 2,
    example: "src/math.ts(3,7): error TS2322: Type 'string' is not assignable to type 'number'."
  },
  {
    id: 'tsc-global',
    tool: 'tsc',
    tier: 1,
    weight: 8,
    category: TYPES,
    pattern: /^error TS\d+: /,
    before: 0,
    after: 2,
    example: "error TS5058: The specified path does not exist: 'tsconfig.build.json'."
  },
  // ------------------------------------------------------------------ ESLint
  {
    id: 'eslint-stylish',
    tool: 'eslint',
    tier: 1,
    weight: 9,
    category: LINT,
    pattern: /^\s+\d+:\d+\s+error\s{2,}\S.*/,
    before: 0,
    after: 1,
    fileLineAbove: ESLINT_FILE,
    example: "  3:7  error  'unused' is assigned a value but never used  no-unused-vars"
  },
  {
    id: 'eslint-compact',
    tool: 'eslint',
    tier: 1,
    weight: 9,
    category: LINT,
    pattern: /^\S.*: line \d+, col \d+, Error - .+/,
    example:
      "/home/runner/work/r/r/src/a.js: line 3, col 7, Error - 'x' is defined but never used. (no-unused-vars)"
  },
  {
    id: 'eslint-crash',
    tool: 'eslint',
    tier: 1,
    weight: 7,
    category: LINT,
    pattern: /^Oops! Something went wrong! :\(/,
    after: 4,
    example: 'Oops! Something went wrong! :('
  },
  // ------------------------------------------------------------------ formatters
  {
    id: 'prettier-file',
    tool: 'prettier',
    tier: 1,
    weight: 9,
    category: FORMAT,
    pattern: /^\[warn\] (?!Code style issues)\S.*$/,
    before: 0,
    after: 1,
    example: '[warn] src/index.ts'
  },
  {
    id: 'prettier-error',
    tool: 'prettier',
    tier: 1,
    weight: 8,
    category: FORMAT,
    pattern: /^\[error\] \S+: \w*Error: /,
    after: 4,
    example: "[error] src/broken.ts: SyntaxError: ';' expected. (3:14)"
  },
  {
    id: 'black',
    tool: 'black',
    tier: 1,
    weight: 9,
    category: FORMAT,
    pattern: /^would reformat \S/,
    before: 0,
    after: 1,
    example: 'would reformat /home/runner/work/r/r/src/app.py'
  },
  {
    id: 'black-error',
    tool: 'black',
    tier: 1,
    weight: 8,
    category: FORMAT,
    pattern: /^error: cannot format \S+: /,
    example: 'error: cannot format src/app.py: Cannot parse: 3:7: def f('
  },
  {
    id: 'ruff-format',
    tool: 'ruff',
    tier: 1,
    weight: 9,
    category: FORMAT,
    pattern: /^Would reformat: \S/,
    example: 'Would reformat: src/app.py'
  },
  {
    id: 'isort',
    tool: 'isort',
    tier: 1,
    weight: 9,
    category: FORMAT,
    pattern: /^ERROR: \S+ Imports are incorrectly sorted/,
    example:
      'ERROR: /home/runner/work/r/r/src/app.py Imports are incorrectly sorted and/or formatted.'
  },
  {
    id: 'gofmt',
    tool: 'gofmt',
    tier: 1,
    weight: 8,
    category: FORMAT,
    // rustfmt --check: `Diff in src/main.rs at line 3:` (old) or `Diff in src/main.rs:3:` (new)
    pattern: /^Diff in \S+(?: at line \d+|:\d+):|^diff -u \S+\.(?:go|rs)\.orig /,
    after: 4,
    example: 'Diff in /home/runner/work/r/r/src/main.rs at line 3:'
  },
  // ------------------------------------------------------------------ type checkers / linters (Python)
  {
    id: 'mypy',
    tool: 'mypy',
    tier: 1,
    weight: 9,
    category: TYPES,
    pattern: /^\S+\.pyi?:\d+(?::\d+)?: error: .+/,
    before: 0,
    after: 1,
    example:
      'src/app.py:3: error: Incompatible return value type (got "str", expected "int")  [return-value]'
  },
  {
    id: 'pyright',
    tool: 'pyright',
    tier: 1,
    weight: 9,
    category: TYPES,
    pattern: /^\s+\S+\.pyi?:\d+:\d+ - error: .+/,
    example:
      '  /home/runner/work/r/r/src/app.py:3:12 - error: Type "str" is not assignable to return type "int"'
  },
  {
    id: 'flake8-ruff',
    tool: 'flake8',
    tier: 1,
    weight: 9,
    category: LINT,
    pattern: /^\S+\.pyi?:\d+:\d+: [A-Z]{1,3}\d{2,4} (?:\[\*\] )?\S.*/,
    before: 0,
    after: 0,
    example: "./src/app.py:1:1: F401 'os' imported but unused"
  },
  {
    id: 'pylint',
    tool: 'pylint',
    tier: 1,
    weight: 9,
    category: LINT,
    pattern: /^\S+\.py:\d+:\d+: [CRWEF]\d{4}: .+/,
    before: 0,
    after: 0,
    fileLineAbove: PYLINT_MODULE,
    example: 'src/app.py:1:0: C0114: Missing module docstring (missing-module-docstring)'
  },
  {
    id: 'ruff-full',
    tool: 'ruff',
    tier: 1,
    weight: 8,
    category: LINT,
    // not a glog/abseil line (`I0730 10:07:12.905000 80638 file.py:989] …`: level and date)
    pattern: /^(?![IWEF]\d{4} \d{1,2}:\d{2}:\d{2})[A-Z]{1,3}\d{3,4} (?:\[\*\] )?\S.*$/,
    before: 0,
    after: 3,
    example: 'F401 [*] `os` imported but unused'
  },
  {
    id: 'lintrunner',
    tool: 'lintrunner',
    tier: 1,
    weight: 9,
    category: LINT,
    // `  Error (FLAKE8) E501`, `  Warning (RUFF) S101` under `>>> Lint for src/a.py:`
    pattern: /^\s*(?:Error|Warning) \([A-Z][A-Z0-9_]*\) \S.*$/,
    before: 0,
    after: 4,
    fileLineAbove: LINTRUNNER_FILE,
    example: '  Error (FLAKE8) E501'
  },
  // ------------------------------------------------------------------ Python tests
  {
    id: 'pytest-summary',
    tool: 'pytest',
    tier: 1,
    weight: 10,
    category: TEST,
    // some plugins print the duration first: `FAILED [0.3790s] tests/test_a.py::test_x - …`
    pattern: /^(?:FAILED|ERROR) (?:\[\d+(?:\.\d+)?m?s\] )?\S+(?:::\S+| - |$)/,
    before: 0,
    after: 0,
    example: 'FAILED tests/test_math.py::test_add - AssertionError: assert 3 == 4'
  },
  {
    id: 'pytest-collect',
    tool: 'pytest',
    tier: 1,
    weight: 9,
    category: TEST,
    pattern: /^_{3,} ERROR (?:collecting|at setup of|at teardown of) \S.* _{3,}$/,
    before: 0,
    after: 6,
    example: '_______________ ERROR collecting tests/test_app.py _______________'
  },
  {
    id: 'pytest-section',
    tool: 'pytest',
    tier: 1,
    // after the short summary's `FAILED test_id` (10): the header names the same test, and it
    // is the only name when the run died before printing the summary
    weight: 9,
    category: TEST,
    // the header of one failure in pytest's FAILURES section: `____ TestMath.test_add ____`
    pattern: /^_{3,} [\w.:/[\]-]+ _{3,}$/,
    before: 0,
    after: 6,
    example: '__________________ TestMath.test_add __________________'
  },
  {
    id: 'pytest-e',
    tool: 'pytest',
    tier: 1,
    weight: 6,
    category: TEST,
    pattern: /^E {2,}\S/,
    before: 2,
    after: 1,
    example: 'E       assert 3 == 4'
  },
  {
    id: 'pytest-location',
    tool: 'pytest',
    tier: 1,
    weight: 5,
    category: TEST,
    pattern: /^\S+\.py:\d+: (?:[A-Z]\w*(?:Error|Exception|Warning)|Failed)$/,
    before: 0,
    after: 0,
    example: 'tests/test_math.py:7: AssertionError'
  },
  {
    id: 'unittest',
    tool: 'unittest',
    tier: 1,
    weight: 10,
    category: TEST,
    pattern: /^(?:FAIL|ERROR): \w+ \([\w.]+\)/,
    before: 0,
    after: 3,
    example: 'FAIL: test_add (tests.test_math.TestMath.test_add)'
  },
  {
    id: 'python-traceback-end',
    tool: 'python',
    tier: 1,
    weight: 7,
    category: null,
    // matched by the traceback state machine, not on its own: see TRACEBACK_START; its window
    // reaches up to the `Traceback` line
    pattern: /(?!)/,
    before: 12,
    after: 0,
    example: "KeyError: 'missing'"
  },
  {
    id: 'python-traceback-cause',
    tool: 'python',
    tier: 1,
    // an exception that a later one in the same chain wraps ("The above exception was the
    // direct cause of the following exception:"): the last of the chain is the error Python
    // reports, this one stays as its cause
    weight: 6,
    category: null,
    pattern: /(?!)/,
    before: 12,
    after: 0,
    example: "KeyError: 'missing'"
  },
  // ------------------------------------------------------------------ JS tests
  {
    id: 'vitest-fail',
    tool: 'vitest',
    tier: 1,
    weight: 10,
    category: TEST,
    pattern: /^\s*FAIL\s+\S.* > .+/,
    before: 0,
    after: 10,
    example: ' FAIL  src/math.test.ts > math > adds numbers'
  },
  {
    id: 'vitest-file-fail',
    tool: 'vitest',
    tier: 1,
    weight: 8,
    category: TEST,
    pattern: /^\s*FAIL\s+\S+\.[cm]?[jt]sx?(?:\s+\[.*\])?\s*$/,
    before: 0,
    after: 6,
    example: 'FAIL src/math.test.ts'
  },
  {
    id: 'jest-test',
    tool: 'jest',
    tier: 1,
    weight: 9,
    category: TEST,
    afterUntil: STACK_FRAME,
    pattern: /^\s*● (?!Console$)\S.*/,
    before: 0,
    after: 8,
    example: '  ● math › adds numbers'
  },
  {
    id: 'uv',
    tool: 'uv',
    tier: 1,
    weight: 8,
    category: DEPS,
    pattern:
      /^\s*× No solution found when resolving dependencies|^error: Failed to (?:download|build|prepare|fetch) /,
    after: 3,
    example: '  × No solution found when resolving dependencies:'
  },
  {
    id: 'test-cross',
    tool: 'vitest',
    tier: 1,
    weight: 6,
    category: TEST,
    pattern: /^\s*[×✕✗] \S.*/,
    before: 0,
    after: 0,
    example: '   × math > adds numbers 3ms'
  },
  {
    id: 'coverage-threshold',
    tool: 'coverage',
    tier: 1,
    weight: 8,
    category: TEST,
    pattern:
      /coverage threshold for \w+ \(\d+(?:\.\d+)?%\) not met|^FAIL Required test coverage of \d+(?:\.\d+)?% not reached|Coverage for \w+ \(\d+(?:\.\d+)?%\) does not meet (?:global )?threshold/i,
    before: 0,
    after: 2,
    example: 'Jest: "global" coverage threshold for lines (80%) not met: 75.5%'
  },
  {
    id: 'node-test',
    tool: 'node-test',
    tier: 1,
    weight: 9,
    category: TEST,
    pattern: /^\s*not ok \d+ - \S/,
    after: 6,
    example: 'not ok 1 - adds numbers'
  },
  {
    id: 'mocha-test',
    tool: 'mocha',
    tier: 1,
    weight: 9,
    category: TEST,
    // only after mocha's `N failing` line: see MOCHA_FAILING
    afterUntil: STACK_FRAME,
    pattern: /(?!)/,
    before: 0,
    after: 6,
    example: '  1) math'
  },
  {
    id: 'assertion',
    tool: 'node',
    tier: 1,
    weight: 6,
    category: null,
    afterUntil: STACK_FRAME,
    pattern: /^\s*(?:[\w.]+\.)?AssertionError(?: \[ERR_ASSERTION\])?: \S.*/,
    before: 1,
    after: 4,
    example: 'AssertionError: expected 3 to be 4 // Object.is equality'
  },
  {
    id: 'node-unhandled',
    tool: 'node',
    tier: 1,
    weight: 7,
    category: null,
    afterUntil: STACK_FRAME,
    pattern: /^\[?UnhandledPromiseRejection\b|^\s*Unhandled (?:Rejection|Errors?)\b/,
    after: 3,
    example:
      '[UnhandledPromiseRejection: This error originated either by throwing inside of an async function without a catch block, or by rejecting a promise which was not handled with .catch(). The promise rejected with the reason "boom".] {'
  },
  // ------------------------------------------------------------------ Go
  {
    id: 'go-test-fail',
    tool: 'go',
    tier: 1,
    weight: 10,
    category: TEST,
    pattern: /^\s*--- FAIL: \S+/,
    before: 3,
    after: 1,
    example: '--- FAIL: TestAdd (0.00s)'
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
    example: 'panic: runtime error: index out of range [5] with length 3'
  },
  {
    id: 'golangci',
    tool: 'golangci-lint',
    tier: 1,
    weight: 9,
    category: LINT,
    pattern: /^\S+\.go:\d+(?::\d+)?: .+ \([a-z][\w-]*\)$/,
    before: 0,
    after: 2,
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
    example: './main.go:10:2: undefined: foo'
  },
  {
    id: 'go-pkg-fail',
    tool: 'go',
    tier: 1,
    weight: 4,
    category: TEST,
    pattern: /^FAIL\s+\S+\s+(?:\[[^\]]+\]|\d+(?:\.\d+)?s)$/,
    before: 0,
    after: 0,
    example: 'FAIL\tgithub.com/acme/calc\t0.012s'
  },
  // ------------------------------------------------------------------ Rust
  {
    id: 'cargo-error',
    tool: 'cargo',
    tier: 1,
    weight: 9,
    category: BUILD,
    pattern: /^error\[E\d{4}\]: \S.*/,
    before: 0,
    after: 6,
    example: 'error[E0425]: cannot find value `x` in this scope'
  },
  {
    id: 'cargo-test-fail',
    tool: 'cargo',
    tier: 1,
    weight: 10,
    category: TEST,
    pattern: /^test \S+ \.\.\. FAILED$/,
    before: 0,
    after: 0,
    example: 'test tests::it_adds ... FAILED'
  },
  {
    id: 'rust-panic',
    tool: 'cargo',
    tier: 1,
    weight: 9,
    category: TEST,
    pattern: /^thread '.*'(?: \(\d+\))? panicked at(?: |$)/,
    before: 1,
    after: 3,
    example: "thread 'tests::it_adds' panicked at src/lib.rs:10:9:"
  },
  {
    id: 'javac',
    tool: 'javac',
    tier: 1,
    weight: 9,
    category: BUILD,
    pattern: /^\S+\.(?:java|kt|scala):\d+: error: .+/,
    before: 0,
    after: 3,
    example: 'src/main/java/app/App.java:3: error: cannot find symbol'
  },
  // ------------------------------------------------------------------ C, C++, linkers, make
  {
    id: 'cc-error',
    tool: 'gcc',
    tier: 1,
    weight: 9,
    category: BUILD,
    pattern: /^\S.*?:\d+(?::\d+)?: (?:fatal )?error: .+/,
    before: 1,
    after: 3,
    example: "main.c:3:5: error: use of undeclared identifier 'x'"
  },
  {
    id: 'msvc-error',
    tool: 'msvc',
    tier: 1,
    weight: 9,
    category: BUILD,
    pattern: /\(\d+(?:,\d+)?\): (?:fatal )?error [A-Z]+\d+: /,
    example: "foo.cpp(12): error C2065: 'x': undeclared identifier"
  },
  {
    id: 'linker',
    tool: 'ld',
    tier: 1,
    weight: 8,
    category: BUILD,
    pattern:
      /undefined reference to [`'‘]|^Undefined symbols for architecture |^ld(?:\.lld)?: error: /,
    before: 1,
    after: 1,
    example: "main.c:(.text+0x15): undefined reference to `helper'"
  },
  {
    id: 'ninja-failed',
    tool: 'ninja',
    tier: 1,
    // the target that failed; a compiler or linker diagnostic under it (9, 8) says why
    weight: 7,
    category: BUILD,
    pattern: /^FAILED: (?:\[code=\d+\] )?\S/,
    before: 0,
    after: 3,
    example: 'FAILED: [code=1] src/CMakeFiles/app.dir/main.c.o'
  },
  {
    id: 'cmake',
    tool: 'cmake',
    tier: 1,
    weight: 7,
    category: BUILD,
    pattern: /^\s*CMake Error(?: at \S+:\d+(?: \([\w-]+\))?)?:/,
    before: 0,
    after: 4,
    example: 'CMake Error at CMakeLists.txt:12 (find_package):'
  },
  // ------------------------------------------------------------------ JVM
  {
    id: 'maven-compile',
    tool: 'maven',
    tier: 1,
    weight: 9,
    category: BUILD,
    pattern: /^\[ERROR\] \S+\.(?:java|kt|scala):\[\d+(?:,\d+)?\] .+/,
    before: 0,
    after: 1,
    example: '[ERROR] /home/runner/work/r/r/src/main/java/app/App.java:[3,5] cannot find symbol'
  },
  {
    id: 'javac-symbol',
    tool: 'javac',
    tier: 1,
    weight: 7,
    category: BUILD,
    pattern: /^(?:\[ERROR\])?\s+symbol:\s+(?:class|method|variable|static|constructor|package)\b.+/,
    before: 1,
    after: 1,
    example: '[ERROR]   symbol:   method taxRate(java.lang.String)'
  },
  {
    id: 'kotlin',
    tool: 'kotlin',
    tier: 1,
    weight: 9,
    category: BUILD,
    pattern: /^e: (?:file:\/\/)?\S+\.kts?(?::\d+:\d+|: \(\d+, \d+\)):? .+/,
    example: 'e: file:///home/runner/work/r/r/src/main/kotlin/App.kt:3:5 Unresolved reference: foo'
  },
  {
    id: 'surefire-test',
    tool: 'maven',
    tier: 1,
    weight: 10,
    category: TEST,
    pattern: /^\[ERROR\]\s+\w[\w.$]*\.\w+(?::\d+)? (?!Time elapsed)\S.*/,
    before: 0,
    after: 1,
    example: '[ERROR]   AppTest.adds:12 expected: <3> but was: <4>'
  },
  {
    id: 'surefire-class',
    tool: 'maven',
    tier: 1,
    weight: 6,
    category: TEST,
    pattern: /^\[ERROR\] Tests run: .*<<< (?:FAILURE|ERROR)!/,
    before: 0,
    after: 2,
    example:
      '[ERROR] Tests run: 2, Failures: 1, Errors: 0, Skipped: 0, Time elapsed: 0.05 s <<< FAILURE! -- in app.AppTest'
  },
  {
    id: 'maven-goal',
    tool: 'maven',
    tier: 1,
    weight: 5,
    category: BUILD,
    pattern: /^\[ERROR\] Failed to execute goal \S+/,
    before: 0,
    after: 0,
    example:
      '[ERROR] Failed to execute goal org.apache.maven.plugins:maven-compiler-plugin:3.13.0:compile (default-compile) on project app: Compilation failure'
  },
  {
    id: 'gradle-test',
    tool: 'gradle',
    tier: 1,
    weight: 10,
    category: TEST,
    pattern: /^\S+ > .+ FAILED$/,
    before: 0,
    after: 2,
    example: 'AppTest > adds() FAILED'
  },
  {
    id: 'gradle-task',
    tool: 'gradle',
    tier: 1,
    weight: 6,
    category: BUILD,
    pattern: /^Execution failed for task '[^']+'\.?$/,
    before: 1,
    after: 2,
    example: "Execution failed for task ':app:compileJava'."
  },
  {
    id: 'java-exception',
    tool: 'java',
    tier: 1,
    weight: 7,
    category: null,
    afterUntil: STACK_FRAME,
    pattern: /^Exception in thread ".*" \S+/,
    after: 2,
    example: 'Exception in thread "main" java.lang.IllegalStateException: boom'
  },
  // ------------------------------------------------------------------ more test runners and bundlers
  {
    id: 'rspec',
    tool: 'rspec',
    tier: 1,
    weight: 10,
    category: TEST,
    pattern: /^rspec \.\/\S+:\d+ # .+/,
    before: 0,
    after: 0,
    example: 'rspec ./spec/cart_spec.rb:12 # Cart sums prices'
  },
  {
    id: 'rspec-failure',
    tool: 'rspec',
    tier: 1,
    weight: 7,
    category: TEST,
    pattern: /^\s+Failure\/Error: .+/,
    before: 2,
    after: 6,
    example: '     Failure/Error: expect(cart.total).to eq(600)'
  },
  {
    id: 'phpunit',
    tool: 'phpunit',
    tier: 1,
    weight: 7,
    category: TEST,
    pattern: /^Failed asserting that .+/,
    before: 2,
    after: 3,
    example: 'Failed asserting that 350 matches expected 600.'
  },
  {
    id: 'dotnet-test',
    tool: 'dotnet',
    tier: 1,
    weight: 10,
    category: TEST,
    pattern: /^\s*Failed \S+ \[(?:< ?)?\d+(?:\.\d+)? ?m?s\]$/,
    before: 0,
    after: 6,
    example: '  Failed Shop.Tests.CartTests.SumsPrices [12 ms]'
  },
  {
    id: 'playwright',
    tool: 'playwright',
    tier: 1,
    weight: 9,
    category: TEST,
    pattern: /^\s+\d+\) \[[\w-]+\] › \S+/,
    before: 0,
    after: 8,
    example: '  1) [chromium] › tests/home.spec.ts:3:5 › has title ─────────────────'
  },
  {
    id: 'webpack',
    tool: 'webpack',
    tier: 1,
    weight: 9,
    category: BUILD,
    pattern: /^ERROR in \S+|^Module not found: Error: .+|^✘ \[ERROR\] .+/,
    before: 0,
    after: 4,
    example: "Module not found: Error: Can't resolve './missing' in '/home/runner/work/app/app/src'"
  },
  // ------------------------------------------------------------------ shell
  {
    id: 'shellcheck',
    tool: 'shellcheck',
    tier: 1,
    weight: 9,
    category: LINT,
    pattern:
      /^\s*\^-*\^? SC\d{4} \((?:error|warning|info|style)\): .+|^\S+:\d+:\d+: (?:error|warning|note|style): .+\[SC\d{4}\]$/,
    before: 2,
    after: 0,
    fileLineAbove: SHELLCHECK_FILE,
    example:
      '                   ^------^ SC2086 (info): Double quote to prevent globbing and word splitting.'
  },
  {
    id: 'shell-not-found',
    tool: 'shell',
    tier: 1,
    weight: 7,
    category: null,
    // bash (`line 2: pnpmx: command not found`) and dash (`/bin/sh: 1: pnpmx: not found`)
    pattern:
      /^(?:\S+: )?(?:line \d+: )?\S+: (?:command not found|No such file or directory|Permission denied)$|^(?:\S*\/)?(?:ba|da|z|k)?sh: (?:line )?\d+: \S+: not found$/,
    before: 1,
    after: 0,
    example: '/home/runner/work/_temp/1b2c.sh: line 2: pnpmx: command not found'
  },
  // ------------------------------------------------------------------ containers
  {
    id: 'docker-solve',
    tool: 'docker',
    tier: 1,
    weight: 9,
    category: BUILD,
    pattern: /\bfailed to solve: .+/,
    before: 2,
    after: 0,
    example:
      'ERROR: failed to solve: process "/bin/sh -c npm ci" did not complete successfully: exit code: 1'
  },
  {
    id: 'docker-step',
    tool: 'docker',
    tier: 1,
    weight: 6,
    category: BUILD,
    pattern: /^#\d+ ERROR: .+|^The command '.*' returned a non-zero code: \d+/,
    before: 2,
    after: 0,
    example: '#12 ERROR: process "/bin/sh -c npm ci" did not complete successfully: exit code: 1'
  },
  {
    id: 'docker-response',
    tool: 'docker',
    tier: 1,
    weight: 8,
    // the docker CLI relaying the daemon's refusal: a pull, push, run or login
    category: null,
    pattern: /^(?:docker: )?Error response from daemon: \S/,
    before: 1,
    after: 0,
    example:
      'Error response from daemon: manifest for python:3.99 not found: manifest unknown: manifest unknown'
  },
  // ------------------------------------------------------------------ package managers
  {
    id: 'npm-code',
    tool: 'npm',
    tier: 1,
    weight: 8,
    category: DEPS,
    pattern: /^npm (?:ERR!|error) code (?!\d+$|ELIFECYCLE$)[A-Z]\w+$/,
    before: 0,
    after: 6,
    example: 'npm error code ERESOLVE'
  },
  {
    id: 'npm-message',
    tool: 'npm',
    tier: 1,
    weight: 7,
    category: DEPS,
    pattern:
      /^npm (?:ERR!|error) (?:\d+ Not Found - |`npm ci` can only install|ERESOLVE|Could not resolve dependency|Conflicting peer dependency|notarget |404 |Invalid: lock file|Missing: \S+ from lock file|Unsupported engine|network |request to \S+ failed|peer |code E)/,
    before: 0,
    after: 5,
    example:
      'npm error `npm ci` can only install packages when your package.json and package-lock.json or npm-shrinkwrap.json are in sync. Please update your lock file with `npm install` before continuing.'
  },
  {
    id: 'npm-missing-script',
    tool: 'npm',
    tier: 1,
    weight: 8,
    category: BUILD,
    pattern: /^npm (?:ERR!|error) [Mm]issing script: /,
    before: 0,
    after: 1,
    example: 'npm error Missing script: "lint"'
  },
  {
    id: 'pnpm',
    tool: 'pnpm',
    tier: 1,
    weight: 8,
    category: DEPS,
    pattern: /^\s*(?:\S+ )?ERR_PNPM_(?!RECURSIVE_RUN_FIRST_FAIL|RECURSIVE_EXEC_FIRST_FAIL)\w+\b.*/,
    before: 0,
    after: 7,
    example:
      ' ERR_PNPM_OUTDATED_LOCKFILE  Cannot install with "frozen-lockfile" because pnpm-lock.yaml is not up to date with package.json'
  },
  {
    id: 'yarn-berry',
    tool: 'yarn',
    tier: 1,
    weight: 8,
    category: DEPS,
    pattern: /^➤ YN(?!0000)\d{4}: .+/,
    before: 0,
    after: 3,
    example:
      '➤ YN0028: The lockfile would have been modified by this install, which is explicitly forbidden.'
  },
  {
    id: 'yarn-classic',
    tool: 'yarn',
    tier: 1,
    weight: 7,
    category: DEPS,
    pattern:
      /^error (?!Command failed with exit code)(?:Couldn't find|An unexpected error|Your lockfile needs|Found incompatible module|The engine|Package ".*" refers|\S+: The engine|Integrity check failed|Couldn't find package)/,
    before: 0,
    after: 3,
    example:
      'error Couldn\'t find package "left-pad-nope@^9.9.9" required by "app@1.0.0" on the "npm" registry.'
  },
  {
    id: 'pip',
    tool: 'pip',
    tier: 1,
    weight: 8,
    category: DEPS,
    pattern:
      /^\s*ERROR: (?:Could not find a version that satisfies|No matching distribution found|Cannot install|ResolutionImpossible|Failed building wheel|Could not build wheels|pip's dependency resolver|Could not install packages|Invalid requirement|Could not open requirements file|Package '.*' requires a different Python)/,
    before: 0,
    after: 3,
    example: 'ERROR: No matching distribution found for requests==99.0.0'
  },
  {
    id: 'poetry-lock',
    tool: 'poetry',
    tier: 1,
    weight: 8,
    category: DEPS,
    pattern:
      /pyproject\.toml changed significantly since poetry\.lock was last generated|^\s*SolverProblemError\b/,
    example:
      'pyproject.toml changed significantly since poetry.lock was last generated. Run `poetry lock [--no-update]` to fix the lock file.'
  },
  {
    id: 'go-mod',
    tool: 'go',
    tier: 1,
    weight: 8,
    category: DEPS,
    pattern:
      /^(?:go: )?(?:\S+: )?(?:missing go\.sum entry|updates to go\.mod needed|go\.mod file indicates|module \S+ found .* but does not contain package|reading \S+: 404 Not Found|unknown revision)/,
    example: 'go: updates to go.mod needed; to update it:'
  },
  {
    id: 'cargo-resolve',
    tool: 'cargo',
    tier: 1,
    weight: 8,
    category: DEPS,
    pattern:
      /^error: (?:failed to select a version for|no matching package named|the lock file \S+ needs to be updated|failed to get `\S+` as a dependency)/,
    after: 3,
    example: 'error: no matching package named `serde_jsonx` found'
  },
  // ------------------------------------------------------------------ audits
  {
    id: 'npm-audit',
    tool: 'npm-audit',
    tier: 1,
    weight: 8,
    category: SECURITY,
    pattern:
      /^(?:found )?[1-9]\d* (?:\w+ )?(?:severity )?vulnerabilit(?:y|ies)(?: \(.*\))?$|^# npm audit report$/,
    before: 0,
    after: 0,
    example: '3 vulnerabilities (1 moderate, 2 high)'
  },
  {
    id: 'advisory',
    tool: 'audit',
    tier: 1,
    weight: 9,
    category: SECURITY,
    pattern:
      /\b(?:GHSA(?:-[23456789cfghjmpqrvwx]{4}){3}|PYSEC-\d{4}-\d+|CVE-\d{4}-\d{4,}|RUSTSEC-\d{4}-\d{4}|GO-\d{4}-\d{4})\b/,
    before: 1,
    after: 0,
    example: 'Prototype Pollution in lodash - https://github.com/advisories/GHSA-p6mc-m468-83gw'
  },
  {
    id: 'pip-audit',
    tool: 'pip-audit',
    tier: 1,
    weight: 8,
    category: SECURITY,
    pattern: /^Found \d+ known vulnerabilit(?:y|ies) in \d+ packages?/,
    after: 4,
    example: 'Found 2 known vulnerabilities in 1 package'
  },
  {
    id: 'safety',
    tool: 'safety',
    tier: 1,
    weight: 8,
    category: SECURITY,
    pattern: /^\s*-> Vulnerability found in \S+ version \S+/,
    after: 2,
    example: '-> Vulnerability found in jinja2 version 3.1.2'
  },
  // ------------------------------------------------------------------ infrastructure
  {
    id: 'disk-full',
    tool: 'runner',
    tier: 1,
    weight: 8,
    category: INFRA,
    pattern: /no space left on device/i,
    example: 'ENOSPC: no space left on device, write'
  },
  {
    id: 'docker-daemon',
    tool: 'docker',
    tier: 1,
    weight: 8,
    category: INFRA,
    pattern: /Cannot connect to the Docker daemon at \S+/,
    example:
      'Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?'
  },
  {
    id: 'github-api',
    tool: 'github',
    tier: 1,
    weight: 8,
    category: INFRA,
    // the workflow token lacks a permission, or the API refused: not the project's code
    pattern:
      /\bResource not accessible by integration\b|\bHttpError: (?:Bad credentials|Not Found|Must have admin rights|Requires authentication)/,
    before: 1,
    after: 3,
    example: 'Unhandled error: HttpError: Resource not accessible by integration'
  },
  {
    id: 'rate-limit',
    tool: 'runner',
    tier: 1,
    weight: 7,
    category: INFRA,
    pattern: /\b(?:API )?rate limit exceeded\b|\btoomanyrequests\b/i,
    example: 'Error: API rate limit exceeded for installation ID 123456.'
  },
  {
    id: 'oom',
    tool: 'runner',
    tier: 1,
    weight: 7,
    category: INFRA,
    pattern:
      /^(?:.*: )?(?:Killed|Segmentation fault)(?: \(core dumped\))?$|JavaScript heap out of memory|\bOOMKilled\b|exit code 137\b/,
    example: 'FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory'
  },
  {
    id: 'signal-crash',
    tool: 'runner',
    tier: 1,
    weight: 7,
    // a process the test harness or cargo saw die of a crash signal (not the project's words)
    category: null,
    pattern:
      /\b(?:[Rr]eceived|[Gg]ot|[Cc]aught|[Kk]illed by|[Tt]erminated by|[Dd]ied (?:of|with)) signal:? (?:\d+ \()?SIG(?:SEGV|BUS|ABRT|ILL|FPE|KILL|SYS|TRAP)\b|\(signal: \d+, SIG[A-Z]{3,4}\b/,
    example: 'test_io 1/1 failed! Received signal: SIGSEGV'
  },
  // ------------------------------------------------------------------ tier 2: explicit ##[error]
  // (applied by classifyLine to every ##[error] line that no tier-1 pattern matched)
  // ------------------------------------------------------------------ tier 3: generic shapes
  {
    id: 'pytest-banner',
    tool: 'pytest',
    tier: 2,
    weight: 5,
    category: TEST,
    // not `!!! stopping after 1 failures !!!` (-x / --maxfail): the failure is above it
    pattern: /^!{3,} (?!stopping after \d+ failures?)\S.* !{3,}$/,
    example: '!!!!!!!!!!!!!!!!!!!! Interrupted: 1 error during collection !!!!!!!!!!!!!!!!!!!!'
  },
  {
    id: 'exception-wrapper',
    tool: 'generic',
    tier: 3,
    // an exception that only says something failed (`RuntimeError: test_x 1/1 failed!`): a
    // harness restating the failure after the real error, which ranks first
    weight: 2,
    category: null,
    pattern: EXCEPTION_WRAPPER,
    before: 0,
    after: 2,
    example: 'RuntimeError: test_math 1/1 failed!'
  },
  {
    id: 'exception',
    tool: 'generic',
    tier: 3,
    weight: 6,
    category: null,
    afterUntil: STACK_FRAME,
    pattern:
      /^\s*(?:E\s+)?(?:\[cause\]: |Caused by: |Uncaught )?(?:[A-Za-z_$][\w$]*\.)*(?:[A-Z][\w$]*)?(?:Error|Exception|Interrupt|Exit|Fault|Failure)(?:\s*\[\w+\])?: \S/,
    before: 3,
    after: 4,
    example: "TypeError: Cannot read properties of undefined (reading 'x')"
  },
  {
    id: 'error-prefix',
    tool: 'generic',
    tier: 3,
    weight: 5,
    category: null,
    pattern:
      /^\s*(?:\[(?:fatal|FATAL|error|ERROR)\]|(?:fatal|FATAL|error|ERROR|Error)(?:\[\w+\])?:|error|✘ \[ERROR\]) \S/,
    before: 3,
    after: 4,
    example:
      "fatal: unable to access 'https://github.com/acme/app/': Could not resolve host: github.com"
  },
  {
    id: 'go-test-detail',
    tool: 'go',
    tier: 3,
    weight: 5,
    category: TEST,
    // t.Errorf and t.Log print the same shape, for passing tests too: context near a --- FAIL
    pattern: /^\s{4,}\S+_test\.go:\d+: .+/,
    before: 0,
    after: 1,
    example: '    math_test.go:12: Add(1, 2) = 4, want 3'
  },
  {
    id: 'make',
    tool: 'make',
    tier: 3,
    weight: 2,
    category: BUILD,
    pattern: /^g?make(?:\[\d+\])?: \*\*\* /,
    before: 2,
    after: 0,
    example: 'make: *** [Makefile:3: all] Error 1'
  },
  {
    id: 'ninja',
    tool: 'ninja',
    tier: 3,
    weight: 4,
    category: BUILD,
    pattern: /^ninja: build stopped/,
    example: 'ninja: build stopped: subcommand failed.'
  },
  {
    id: 'apt',
    tool: 'apt',
    tier: 3,
    weight: 5,
    category: DEPS,
    pattern: /^E: \S/,
    example: 'E: Unable to locate package libfoo-dev'
  },
  {
    id: 'marker',
    tool: 'generic',
    tier: 3,
    weight: 3,
    category: null,
    pattern: /^\s*[✖✗❌] \S|^\s*Command took >\d+min\b/,
    example: '✖ build failed'
  },
  {
    id: 'collect2',
    tool: 'ld',
    tier: 3,
    weight: 3,
    category: BUILD,
    pattern: /^collect2: error: ld returned \d+ exit status$|^ld: symbol\(s\) not found/,
    example: 'collect2: error: ld returned 1 exit status'
  },
  // ------------------------------------------------------------------ tier 4: weak words
  {
    id: 'xtrace-exit',
    tool: 'shell',
    tier: 4,
    weight: 1,
    category: null,
    // `set -x` echoing the script's own `exit 1`: what it printed just before says why
    pattern: XTRACE_EXIT,
    before: 8,
    after: 0,
    example: '+ exit 1'
  },
  {
    id: 'weak',
    tool: 'generic',
    tier: 4,
    weight: 1,
    category: null,
    pattern: /\berror|\bfail(?:ed|ure|ing|s)?\b|\bpanic|\bexception\b|\bfatal\b/i,
    before: 2,
    after: 2,
    example: 'something went wrong: failed to open config'
  }
]

/**
 * Cheap first test for a decoded line: every pattern above (and the stateful rules) can only
 * match a line this matches. The tests check each pattern's example against it.
 */
export const LINE_PREFILTER =
  /rror|ERR|ail|AIL|xception|anic|raceback|atal|FATAL|bort|eformat|ndefined|timed out|ancel|Killed|egmentation|denied|ulnerab|GHSA-|CVE-|PYSEC-|RUSTSEC-|GO-\d|warn\]|nterrupt|non-zero|space left|ate limit|toomanyrequests|OOM|●|[✕✗✖×❌]|^E {2,}|^E: |\.\w+:\d|\(\d+,\d+\)|SC\d{4}|YN\d{4}|^[A-Z]{1,3}\d{3,4} |^e: |not ok|Oops|Diff in|^diff -u|vulnerab|\bline \d+:|found|not found|denied|Command took|^!{3,}|imported|Undefined|^\S+ > .+ FAILED$|exceeded|lost communication|shutdown|would reformat|Would reformat|poetry\.lock|go\.(?:mod|sum)\b|unknown revision|Docker daemon|not accessible|^rspec |Failed \S+ \[|\) \[[\w-]+\] › |not met|not reached|does not meet|SIG[A-Z]{3}|^\s*(?:Error|Warning) \([A-Z]|^_{3,} \S|^\+{1,3} exit [1-9]/

/**
 * The same idea on raw bytes decoded as latin1, for the streaming scanner's middle region
 * (see scan-log.ts): a handful of literals V8 can skip through quickly (whole words of four
 * letters or more let its Boyer-Moore lookahead skip; `rror|ail` style fragments measured
 * 2–4× slower). It catches the lines that matter in a huge step (errors, failures,
 * exceptions, panics, tracebacks); the start and the tail of every step are always checked
 * with the full patterns.
 */
export const HOT_PREFILTER_LATIN1 =
  /Error|error|ERROR|ERR!|Fail|fail|FAIL|xception|panic|Traceback/g

/** `Traceback (most recent call last):` starts a Python traceback; its exception line ends it. */
export const TRACEBACK_START = /^\s*Traceback \(most recent call last\):$/
/** The last line of a traceback: the first unindented line after the frames. */
export const TRACEBACK_END = /^(?:[A-Za-z_][\w.]*)(?::\s.*|$)/
/** Between two tracebacks of one exception chain; the one above is the cause of the one below. */
export const TRACEBACK_CHAIN =
  /^(?:The above exception was the direct cause of the following exception|During handling of the above exception, another exception occurred):$/
/** mocha prints `  N failing` before it lists the failures as `  1) suite`. */
export const MOCHA_FAILING = /^\s+\d+ failing$/
export const MOCHA_ITEM = /^\s{2}\d+\) \S.*/

/** Advisory ids: for audit output these (sorted) are the signature, not the counts. */
export const ADVISORY_ID =
  /\b(?:GHSA(?:-[23456789cfghjmpqrvwx]{4}){3}|PYSEC-\d{4}-\d+|CVE-\d{4}-\d{4,}|RUSTSEC-\d{4}-\d{4}|GO-\d{4}-\d{4})\b/g

const BUILDKIT_PREFIX = /^#\d+ \d+\.\d+ /

/** A passing test or check: never an error line, whatever words it contains. */
const PASSED = /^\s*(?:✓|√|✔|PASS\s|ok\s|PASSED\b)/

export interface LineMatch {
  pattern: ErrorPattern
  tier: Tier
  terminal: Terminal | null
}

const TIER2: ErrorPattern = {
  id: 'error-annotation',
  tool: 'runner',
  tier: 2,
  weight: 5,
  category: null,
  pattern: /^/,
  before: 3,
  after: 3,
  example: 'Error: Resource not accessible by integration'
}

const TERMINAL_PATTERN: ErrorPattern = {
  id: 'runner-terminal',
  tool: 'runner',
  tier: 0,
  weight: 10,
  category: INFRA,
  pattern: /^/,
  before: 4,
  after: 0,
  example: 'The operation was canceled.'
}

export const PATTERNS_BY_ID: ReadonlyMap<string, ErrorPattern> = new Map(
  [...ERROR_PATTERNS, TIER2, TERMINAL_PATTERN].map(p => [p.id, p])
)

/** Whether the text is runner or package-manager boilerplate (never a candidate). */
export function isBoilerplate(text: string): boolean {
  return BOILERPLATE.some(re => re.test(text))
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
    if (terminal !== null) return { pattern: TERMINAL_PATTERN, tier: 0, terminal }
  }
  if (text.length === 0) return null
  if (!isError && (!LINE_PREFILTER.test(text) || PASSED.test(text))) return null
  if (isBoilerplate(text)) return null
  let weak = false
  for (const pattern of ERROR_PATTERNS) {
    if (pattern.tier >= 3 && !weak) {
      if (isError) return { pattern: TIER2, tier: 2, terminal: null }
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
