import type { ErrorPattern } from './pattern.js'

/** Python tests: pytest (summary, sections, `E` lines, locations), unittest, tracebacks. */
export const PYTHON_TESTS_PATTERNS: readonly ErrorPattern[] = [
  {
    id: 'pytest-summary',
    tool: 'pytest',
    tier: 1,
    weight: 10,
    category: 'test',
    // some plugins print the duration first: `FAILED [0.3790s] tests/test_a.py::test_x - …`
    pattern: /^(?:FAILED|ERROR) (?:\[\d+(?:\.\d+)?m?s\] )?\S+(?:::\S+| - |$)/,
    before: 0,
    after: 0,
    keywords: /rror|AIL/,
    example: 'FAILED tests/test_math.py::test_add - AssertionError: assert 3 == 4'
  },
  {
    id: 'pytest-collect',
    tool: 'pytest',
    tier: 1,
    weight: 9,
    category: 'test',
    pattern: /^_{3,} ERROR (?:collecting|at setup of|at teardown of) \S.* _{3,}$/,
    before: 0,
    after: 6,
    keywords: /ERR|^_{3,} \S/,
    example: '_______________ ERROR collecting tests/test_app.py _______________'
  },
  {
    id: 'pytest-section',
    tool: 'pytest',
    tier: 1,
    // after the short summary's `FAILED test_id` (10): the header names the same test, and it
    // is the only name when the run died before printing the summary
    weight: 9,
    category: 'test',
    // the header of one failure in pytest's FAILURES section: `____ TestMath.test_add ____`
    pattern: /^_{3,} [\w.:/[\]-]+ _{3,}$/,
    before: 0,
    after: 6,
    keywords: /^_{3,} \S/,
    example: '__________________ TestMath.test_add __________________'
  },
  {
    id: 'pytest-e',
    tool: 'pytest',
    tier: 1,
    weight: 6,
    category: 'test',
    pattern: /^E {2,}\S/,
    before: 2,
    after: 1,
    keywords: /^E {2,}/,
    example: 'E       assert 3 == 4'
  },
  {
    id: 'pytest-location',
    tool: 'pytest',
    tier: 1,
    weight: 5,
    category: 'test',
    pattern: /^\S+\.py:\d+: (?:[A-Z]\w*(?:Error|Exception|Warning)|Failed)$/,
    before: 0,
    after: 0,
    keywords: /rror|\.\w+:\d/,
    example: 'tests/test_math.py:7: AssertionError'
  },
  {
    id: 'unittest',
    tool: 'unittest',
    tier: 1,
    weight: 10,
    category: 'test',
    pattern: /^(?:FAIL|ERROR): \w+ \([\w.]+\)/,
    before: 0,
    after: 3,
    keywords: /AIL/,
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
    keywords: /rror|raceback/,
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
    keywords: /rror/,
    example: "KeyError: 'missing'"
  }
]
