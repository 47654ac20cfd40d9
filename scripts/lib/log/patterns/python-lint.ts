import type { ErrorPattern } from './pattern.js'

const PYLINT_MODULE = /^\*{5,} Module \S+/
const LINTRUNNER_FILE = /^>>> (?:Lint for \S+|General linter failure):$/

/** Python type checkers and linters: mypy, pyright, flake8 and ruff, pylint, lintrunner. */
export const PYTHON_LINT_PATTERNS: readonly ErrorPattern[] = [
  {
    id: 'mypy',
    tool: 'mypy',
    tier: 1,
    weight: 9,
    category: 'type-check',
    pattern: /^\S+\.pyi?:\d+(?::\d+)?: error: .+/,
    before: 0,
    after: 1,
    keywords: /rror|\.\w+:\d/,
    example:
      'src/app.py:3: error: Incompatible return value type (got "str", expected "int")  [return-value]'
  },
  {
    id: 'pyright',
    tool: 'pyright',
    tier: 1,
    weight: 9,
    category: 'type-check',
    pattern: /^\s+\S+\.pyi?:\d+:\d+ - error: .+/,
    keywords: /rror|\.\w+:\d/,
    example:
      '  /home/runner/work/r/r/src/app.py:3:12 - error: Type "str" is not assignable to return type "int"'
  },
  {
    id: 'flake8-ruff',
    tool: 'flake8',
    tier: 1,
    weight: 9,
    category: 'lint',
    pattern: /^\S+\.pyi?:\d+:\d+: [A-Z]{1,3}\d{2,4} (?:\[\*\] )?\S.*/,
    before: 0,
    after: 0,
    keywords: /\.\w+:\d|imported/,
    example: "./src/app.py:1:1: F401 'os' imported but unused"
  },
  {
    id: 'pylint',
    tool: 'pylint',
    tier: 1,
    weight: 9,
    category: 'lint',
    // E (error) and F (fatal); conventions, refactors and warnings are pylint-style below
    pattern: /^\S+\.py:\d+:\d+: [EF]\d{4}: .+/,
    before: 0,
    after: 0,
    fileLineAbove: PYLINT_MODULE,
    keywords: /\.\w+:\d/,
    example: "src/app/ledger.py:21:15: E1101: Instance of 'Ledger' has no 'totl' member (no-member)"
  },
  {
    id: 'pylint-style',
    tool: 'pylint',
    tier: 1,
    weight: 4,
    severity: 'warning',
    category: 'lint',
    pattern: /^\S+\.py:\d+:\d+: [CRW]\d{4}: .+/,
    before: 0,
    after: 0,
    fileLineAbove: PYLINT_MODULE,
    keywords: /\.\w+:\d/,
    example: 'src/app.py:1:0: C0114: Missing module docstring (missing-module-docstring)'
  },
  {
    id: 'ruff-full',
    tool: 'ruff',
    tier: 1,
    weight: 8,
    category: 'lint',
    // not a glog/abseil line (`I0730 10:07:12.905000 80638 file.py:989] …`: level and date)
    pattern: /^(?![IWEF]\d{4} \d{1,2}:\d{2}:\d{2})[A-Z]{1,3}\d{3,4} (?:\[\*\] )?\S.*$/,
    before: 0,
    after: 3,
    keywords: /^[A-Z]{1,3}\d{3,4} |imported/,
    example: 'F401 [*] `os` imported but unused'
  },
  {
    id: 'lintrunner',
    tool: 'lintrunner',
    tier: 1,
    weight: 9,
    category: 'lint',
    // `  Error (FLAKE8) E501`, `  Warning (RUFF) S101` under `>>> Lint for src/a.py:`
    pattern: /^\s*(?:Error|Warning) \([A-Z][A-Z0-9_]*\) \S.*$/,
    before: 0,
    after: 4,
    fileLineAbove: LINTRUNNER_FILE,
    keywords: /rror|^\s*(?:Error|Warning) \([A-Z]/,
    example: '  Error (FLAKE8) E501'
  }
]
