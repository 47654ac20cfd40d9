import { describe, expect, it } from 'vitest'
import { HOT_PREFILTER_LATIN1 } from '../../../scripts/lib/log/hot-search.js'
import {
  classifyLine,
  isBoilerplate,
  isSummary,
  matchTerminal
} from '../../../scripts/lib/log/match-line.js'
import { ERROR_PATTERNS, LINE_PREFILTER } from '../../../scripts/lib/log/patterns/error-patterns.js'
import { TERMINAL_PATTERNS } from '../../../scripts/lib/log/patterns/runner.js'

/** Patterns matched by the scanner's state machines, not by classifyLine alone. */
const STATEFUL = new Set(['python-traceback-end', 'python-traceback-cause', 'mocha-test'])

describe('ERROR_PATTERNS', () => {
  it('have unique ids', () => {
    const ids = ERROR_PATTERNS.map(p => p.id)
    expect(new Set(ids).size).toBe(ids.length)
  })

  it.each(ERROR_PATTERNS.filter(p => !STATEFUL.has(p.id)).map(p => [p.id, p.example] as const))(
    '%s matches its own example',
    (id, example) => {
      expect(classifyLine(example)?.pattern.id).toBe(id)
    }
  )

  it.each(
    ERROR_PATTERNS.filter(p => p.tier <= 3 && !STATEFUL.has(p.id)).map(
      p => [p.id, p.example] as const
    )
  )('the keywords of %s pass its example, and so does the line prefilter', (id, example) => {
    const pattern = ERROR_PATTERNS.find(p => p.id === id)
    expect(pattern?.keywords?.test(example)).toBe(true)
    expect(LINE_PREFILTER.test(example)).toBe(true)
  })
})

describe('classifyLine: real-shaped lines', () => {
  // [line, ##[error]?, pattern id, tier, category]
  it.each([
    // TypeScript, both formats, and setup-node's problem-matcher copy
    [
      "src/a.ts(3,7): error TS2322: Type 'string' is not assignable to type 'number'.",
      false,
      'tsc',
      1,
      'type-check'
    ],
    [
      "src/a.ts:3:7 - error TS2339: Property 'x' does not exist on type 'Y'.",
      false,
      'tsc',
      1,
      'type-check'
    ],
    [
      "src/a.ts(3,7): error TS2322: Type 'string' is not assignable to type 'number'.",
      true,
      'tsc',
      1,
      'type-check'
    ],
    // eslint stylish (problem-matcher copy too), compact
    [
      "  3:7  error  'unused' is assigned a value but never used  no-unused-vars",
      false,
      'eslint-stylish',
      1,
      'lint'
    ],
    ["  12:1  error  'process' is not defined  no-undef", true, 'eslint-stylish', 1, 'lint'],
    ['  5:10  error  Parsing error: Unexpected token )', false, 'eslint-stylish', 1, 'lint'],
    // formatters
    ['[warn] src/index.ts', false, 'prettier-file', 1, 'format'],
    ['would reformat /home/runner/work/r/r/src/app.py', false, 'black', 1, 'format'],
    ['Would reformat: src/app.py', false, 'ruff-format', 1, 'format'],
    // JS tests
    [' FAIL  src/math.test.ts > math > adds numbers', false, 'vitest-fail', 1, 'test'],
    ['FAIL src/math.test.ts', false, 'vitest-file-fail', 1, 'test'],
    ['  ● math › adds numbers', false, 'jest-test', 1, 'test'],
    ['    ✕ adds numbers (5 ms)', false, 'test-cross', 1, 'test'],
    [
      '      AssertionError [ERR_ASSERTION]: Expected values to be strictly equal:',
      false,
      'assertion',
      1,
      null
    ],
    ["Error: Cannot find module './missing'", false, 'exception', 3, null],
    [
      "TypeError: Cannot read properties of undefined (reading 'roles')",
      false,
      'exception',
      3,
      null
    ],
    ['  [cause]: Error: connect ECONNREFUSED 127.0.0.1:41873', false, 'exception', 3, null],
    // package managers and audits
    ['npm error code ERESOLVE', false, 'npm-code', 1, 'dependency'],
    ['npm ERR! code E404', false, 'npm-code', 1, 'dependency'],
    [
      'npm error 404 Not Found - GET https://registry.npmjs.org/left-pad-nope - Not found',
      false,
      'npm-message',
      1,
      'dependency'
    ],
    ['npm error Missing: picocolors@1.1.1 from lock file', false, 'npm-message', 1, 'dependency'],
    [
      ' ERR_PNPM_OUTDATED_LOCKFILE  Cannot install with "frozen-lockfile"',
      false,
      'pnpm',
      1,
      'dependency'
    ],
    [
      '➤ YN0028: The lockfile would have been modified by this install, which is explicitly forbidden.',
      false,
      'yarn-berry',
      1,
      'dependency'
    ],
    [
      'error Your lockfile needs to be updated, but yarn was run with `--frozen-lockfile`.',
      false,
      'yarn-classic',
      1,
      'dependency'
    ],
    [
      'ERROR: Could not find a version that satisfies the requirement requests==99.0 (from versions: 2.31.0)',
      false,
      'pip',
      1,
      'dependency'
    ],
    ['found 3 vulnerabilities (1 moderate, 2 high)', false, 'npm-audit', 1, 'security'],
    ['jinja2 3.1.2  GHSA-h5c8-rqwp-cp95 3.1.3', false, 'advisory', 1, 'security'],
    // Python
    [
      'FAILED tests/test_math.py::test_add - AssertionError: assert 3 == 4',
      false,
      'pytest-summary',
      1,
      'test'
    ],
    [
      "ERROR tests/test_app.py - ModuleNotFoundError: No module named 'app'",
      false,
      'pytest-summary',
      1,
      'test'
    ],
    ['E       assert 3 == 4', false, 'pytest-e', 1, 'test'],
    [
      '________________ ERROR collecting tests/test_app.py ________________',
      false,
      'pytest-collect',
      1,
      'test'
    ],
    ['FAIL: test_add (tests.test_math.TestMath.test_add)', false, 'unittest', 1, 'test'],
    ['ERROR: test_io (tests.test_io.TestIO.test_io)', false, 'unittest', 1, 'test'],
    [
      'src/app.py:3: error: Incompatible return value type (got "str", expected "int")  [return-value]',
      false,
      'mypy',
      1,
      'type-check'
    ],
    ['src/app.py:1:8: F401 [*] `os` imported but unused', false, 'flake8-ruff', 1, 'lint'],
    ['./src/app.py:1:1: E302 expected 2 blank lines, found 1', false, 'flake8-ruff', 1, 'lint'],
    [
      'src/app.py:1:0: C0114: Missing module docstring (missing-module-docstring)',
      false,
      'pylint-style',
      1,
      'lint'
    ],
    [
      "src/app/ledger.py:21:15: E1101: Instance of 'Ledger' has no 'totl' member (no-member)",
      false,
      'pylint',
      1,
      'lint'
    ],
    ['WARNING: DATA RACE', false, 'go-race', 1, 'test'],
    ['[PARSE_ERROR] Expected `,` or `)` but found `}`', false, 'bundler-code', 1, 'build'],
    ['[info] - should add two numbers *** FAILED ***', false, 'scalatest', 1, 'test'],
    // Go
    ['--- FAIL: TestAdd (0.00s)', false, 'go-test-fail', 1, 'test'],
    ['    --- FAIL: TestAdd/negative (0.00s)', false, 'go-test-fail', 1, 'test'],
    ['panic: runtime error: index out of range [5] with length 3', false, 'go-panic', 1, null],
    ['    calc_test.go:7: Add(2, 2) = 5; want 4', false, 'go-test-detail', 3, 'test'],
    ['./main.go:10:2: undefined: foo', false, 'go-diagnostic', 1, null],
    [
      'main.go:10:2: Error return value of `f.Close` is not checked (errcheck)',
      false,
      'golangci',
      1,
      'lint'
    ],
    // Rust
    ['error[E0425]: cannot find value `x` in this scope', false, 'cargo-error', 1, 'build'],
    ['test tests::it_adds ... FAILED', false, 'cargo-test-fail', 1, 'test'],
    [
      "thread 'money::tests::formats' (23328) panicked at src/money.rs:20:9:",
      false,
      'rust-panic',
      1,
      'test'
    ],
    // C, C++
    ["main.c:3:5: error: use of undeclared identifier 'x'", false, 'cc-error', 1, 'build'],
    [
      'main.c:3:5: error: ‘x’ undeclared (first use in this function)',
      false,
      'cc-error',
      1,
      'build'
    ],
    [
      "/usr/bin/ld: main.o: in function `main': main.c:(.text+0x15): undefined reference to `helper'",
      false,
      'linker',
      1,
      'build'
    ],
    ['make: *** [Makefile:3: all] Error 1', false, 'make', 3, 'build'],
    // JVM
    ['src/main/java/app/App.java:3: error: cannot find symbol', false, 'javac', 1, 'build'],
    [
      '[ERROR] /home/runner/work/r/r/src/main/java/App.java:[11,28] cannot find symbol',
      false,
      'maven-compile',
      1,
      'build'
    ],
    ['[ERROR]   symbol:   variable Money', false, 'javac-symbol', 1, 'build'],
    ['[ERROR]   AppTest.adds:12 expected: <3> but was: <4>', false, 'surefire-test', 1, 'test'],
    ['AppTest > adds() FAILED', false, 'gradle-test', 1, 'test'],
    [
      'Exception in thread "main" java.lang.NullPointerException: boom',
      false,
      'java-exception',
      1,
      null
    ],
    // shell, docker
    [
      '                   ^------^ SC2086 (info): Double quote to prevent globbing and word splitting.',
      false,
      'shellcheck',
      1,
      'lint'
    ],
    [
      'deploy.sh:7:20: note: Double quote to prevent globbing and word splitting. [SC2086]',
      false,
      'shellcheck',
      1,
      'lint'
    ],
    [
      'ERROR: failed to solve: process "/bin/sh -c npm ci" did not complete successfully: exit code: 1',
      false,
      'docker-solve',
      1,
      'build'
    ],
    [
      'buildx failed with: ERROR: failed to solve: process "/bin/sh -c make" did not complete successfully: exit code: 2',
      true,
      'docker-solve',
      1,
      'build'
    ],
    // explicit annotations and generic shapes
    ['Error: Input required and not supplied: token', true, 'error-annotation', 2, null],
    [
      'RequestError [HttpError]: Resource not accessible by integration',
      false,
      'github-api',
      1,
      'infrastructure'
    ],
    [
      'Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?',
      false,
      'docker-daemon',
      1,
      'infrastructure'
    ],
    [
      '#8 1.972 npm error Missing: picocolors@1.1.1 from lock file',
      false,
      'npm-message',
      1,
      'dependency'
    ],
    ['Unable to locate executable file: pnpm', true, 'error-annotation', 2, null],
    ['ENOSPC: no space left on device, write', false, 'disk-full', 1, 'infrastructure'],
    [
      'fatal: unable to access https://github.com/x/y/: The requested URL returned error: 500',
      false,
      'error-prefix',
      3,
      null
    ],
    ['something went wrong: failed to open config', false, 'weak', 4, null],
    // pytest: a plugin's duration before the test id, a failure's section header, the
    // KeyboardInterrupt banner
    [
      'FAILED [0.3790s] tests/test_a.py::test_x - ValueError: bad input',
      false,
      'pytest-summary',
      1,
      'test'
    ],
    ['__________________ TestMath.test_add __________________', false, 'pytest-section', 1, 'test'],
    ['________________ test_parse[utf-8-bom] ________________', false, 'pytest-section', 1, 'test'],
    [
      '!!!!!!!!!!!!!!!!!!!! KeyboardInterrupt !!!!!!!!!!!!!!!!!!!!',
      false,
      'pytest-banner',
      2,
      'test'
    ],
    // pip inside a build's indented output
    ['  ERROR: Failed building wheel for fastcodec', false, 'pip', 1, 'dependency'],
    // rustfmt --check, current format
    ['Diff in /home/runner/work/r/r/src/main.rs:17:', false, 'gofmt', 1, 'format'],
    // ninja: the failed target is tier 1, its `build stopped` summary generic
    ['FAILED: src/CMakeFiles/app.dir/main.c.o', false, 'ninja-failed', 1, 'build'],
    ['ninja: build stopped: subcommand failed.', false, 'ninja', 3, 'build'],
    [
      'CMake Error: The source directory "/home/runner/work/r/r/x" does not exist.',
      false,
      'cmake',
      1,
      'build'
    ],
    ['  CMake Error at cmake/Deps.cmake:70 (message):', false, 'cmake', 1, 'build'],
    // dash (`/bin/sh` on Debian and Ubuntu) says `not found`
    ['/bin/sh: 1: clang-scan-deps: not found', false, 'shell-not-found', 1, null],
    ['sh: 3: pnpmx: not found', false, 'shell-not-found', 1, null],
    [
      'Error response from daemon: pull access denied for acme/app, repository does not exist',
      false,
      'docker-response',
      1,
      null
    ],
    [
      'docker: Error response from daemon: Conflict. The container name "/db" is already in use.',
      false,
      'docker-response',
      1,
      null
    ],
    ['test_io 1/1 failed! Received signal: SIGBUS', false, 'signal-crash', 1, null],
    // Rust panics whose location went onto the next line
    ["thread 'main' (5089) panicked at", false, 'rust-panic', 1, 'test'],
    [
      "error: process didn't exit successfully: `target/debug/deps/app-1a2b` (signal: 11, SIGSEGV: invalid memory reference)",
      false,
      'signal-crash',
      1,
      null
    ],
    // lintrunner
    ['  Error (FLAKE8) E501', false, 'lintrunner', 1, 'lint'],
    ['  Warning (RUFF) S101', false, 'lintrunner', 1, 'lint'],
    // a harness restating a failure: generic, and below a real exception
    ['RuntimeError: test_math 1/1 failed!', false, 'exception-wrapper', 3, null],
    // `set -x` echoing the script's own exit: context for the lines above it
    ['+ exit 1', false, 'xtrace-exit', 4, null],
    ['Exception: Tests failed.', false, 'exception-wrapper', 3, null],
    ['RuntimeError: Command `git cherry-pick x` failed: conflict', false, 'exception', 3, null]
  ] as const)('%j (##[error]: %s) → %s', (line, isError, id, tier, category) => {
    const match = classifyLine(line, isError)
    expect(match?.pattern.id).toBe(id)
    expect(match?.tier).toBe(tier)
    expect(match?.pattern.category).toBe(category)
  })
})

describe('classifyLine: near misses', () => {
  it.each([
    ['found 0 vulnerabilities', false],
    ['0 errors, 0 warnings', false],
    ['Found 0 errors. Watching for file changes.', false],
    ['✓ handles the error case (3 ms)', false],
    [' ✓ src/a.test.ts > parse > fails on bad input 2ms', false],
    ['  ✔ rejects a failing quantity', false],
    ['PASS src/a.test.ts', false],
    ['ok  \tgithub.com/acme/calc\t0.012s', false],
    ['test tests::it_adds ... ok', false],
    ['if-no-files-found: error', false],
    ['  continue-on-error: true', false],
    ['gcc -Wall -Werror -o app main.c', false],
    ['set -o errexit -o pipefail', false],
    ['npm warn deprecated inflight@1.0.6: This module is not supported and errors', false],
    ['> vitest run --bail=1', false],
    ['hint: Disable this message with "git config set advice.defaultBranchName false"', false],
    // tallies and summaries: context, not keys
    ['Found 2 errors in 1 file.', false],
    ['✖ 2 problems (2 errors, 0 warnings)', false],
    [' Test Files  1 failed | 2 passed (3)', false],
    ['      Tests  1 failed | 9 passed (10)', false],
    ['Tests:       1 failed, 3 passed, 4 total', false],
    ['=================== 1 failed, 3 passed in 0.12s ===================', false],
    ['test result: FAILED. 2 passed; 1 failed; 0 ignored', false],
    ['  1 failing', false],
    ['[warn] Code style issues found in the above file. Run Prettier with --write to fix.', false],
    // wrappers around the real failure
    [' ELIFECYCLE  Command failed with exit code 1.', false],
    ['npm error Lifecycle script `test` failed with error:', false],
    ['npm error code 1', false],
    ['npm error command failed', false],
    ['npm error A complete log of this run can be found in: /home/runner/.npm/_logs/x.log', false],
    ['error Command failed with exit code 1.', false],
    ['error: test failed, to rerun pass `--lib`', false],
    ['Process completed with exit code 1.', true],
    ['Error: Process completed with exit code 2.', true],
    ['    at Object.<anonymous> (/home/runner/work/r/r/src/a.js:3:9)', false],
    ['Docker pull failed with exit code 1', true],
    ['golangci-lint exit with code 3', true],
    ['[hook] Step script exited with code 1. Check the step logs above for the failure.', true],
    ['Script exited with code 2', false],
    // runner markers, glog lines, pytest's -x notice, ldd output
    ['##[end-action id=build.run;outcome=failure;conclusion=failure;duration_ms=2173]', false],
    ['##[start-action display=Fail fast;id=build.check]', false],
    ['I0730 10:07:12.905000 80638 tests/common.py:989] Started process 0 with pid 80709', false],
    ['W0730 10:07:13.101000 80638 tests/common.py:1012] Process 1 exited', false],
    ['!!!!!!!!!!!!!!!!!! stopping after 1 failures !!!!!!!!!!!!!!!!!!', false],
    ['\tlibrocm_smi64.so.1 => not found', false],
    ['Cache write errors                    0', false],
    ['+ exit 0', false],
    // sbt's warnings: not a prettier file list
    ['[warn] there were 3 deprecation warnings; re-run with -deprecation for details', false]
  ] as const)('%j (##[error]: %s) is not a candidate', (line, isError) => {
    const match = classifyLine(line, isError)
    expect(match === null || match.tier === 4).toBe(true)
  })
})

describe('runner terminal errors', () => {
  it.each(TERMINAL_PATTERNS.map(t => [t.terminal, t.example] as const))(
    '%s: %s',
    (terminal, example) => {
      expect(matchTerminal(example)).toBe(terminal)
      expect(classifyLine(example, true)).toMatchObject({ tier: 0, terminal })
    }
  )

  it('only counts as terminal on an ##[error] line', () => {
    expect(classifyLine('The operation was canceled.', false)?.tier).not.toBe(0)
  })
})

describe('helpers', () => {
  it.each([
    ['Process completed with exit code 1.', true],
    ['npm error code 1', true],
    ["The process '/usr/bin/git' failed with exit code 128", true],
    ['[hook] Step script exited with code 1. This is a script error.', true],
    ['##[end-action id=a.b;outcome=failure]', true],
    ['golangci-lint exit with code 3', true],
    ['make exited with code 2.', true],
    ['##[error]', false],
    ['src/a.ts(3,7): error TS2322: x', false]
  ])('isBoilerplate(%j) = %s', (line, expected) => {
    expect(isBoilerplate(line)).toBe(expected)
  })

  it.each([
    ['Found 2 errors in 1 file.', true],
    ['  4 passing (12ms)', true],
    ['FAILED tests/test_a.py::test_x', false]
  ])('isSummary(%j) = %s', (line, expected) => {
    expect(isSummary(line)).toBe(expected)
  })

  it('the hot keyword search finds the words that start most failures', () => {
    const text = 'x Error y error ERROR npm ERR! Fail fail FAIL Exception panic Traceback'
    const found = [...text.matchAll(HOT_PREFILTER_LATIN1)].map(m => m[0])
    expect(found).toEqual([
      'Error',
      'error',
      'ERROR',
      'ERR!',
      'Fail',
      'fail',
      'FAIL',
      'xception',
      'panic',
      'Traceback'
    ])
  })
})
