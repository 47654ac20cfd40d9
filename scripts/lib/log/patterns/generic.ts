import { EXCEPTION_WRAPPER, STACK_FRAME, type ErrorPattern } from './pattern.js'

/** Shapes any tool prints (tiers 2 and 3): banners, exceptions, `error:` prefixes, make, ninja, apt. */
export const GENERIC_PATTERNS: readonly ErrorPattern[] = [
  {
    id: 'pytest-banner',
    tool: 'pytest',
    tier: 2,
    weight: 5,
    category: 'test',
    // not `!!! stopping after 1 failures !!!` (-x / --maxfail): the failure is above it
    pattern: /^!{3,} (?!stopping after \d+ failures?)\S.* !{3,}$/,
    keywords: /rror|nterrupt|^!{3,}/,
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
    keywords: /rror|ail/,
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
    keywords: /rror|ndefined/,
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
    keywords: /atal/,
    example:
      "fatal: unable to access 'https://github.com/acme/app/': Could not resolve host: github.com"
  },
  {
    id: 'go-test-detail',
    tool: 'go',
    tier: 3,
    weight: 5,
    category: 'test',
    // t.Errorf and t.Log print the same shape, for passing tests too: context near a --- FAIL
    pattern: /^\s{4,}\S+_test\.go:\d+: .+/,
    before: 0,
    after: 1,
    keywords: /\.\w+:\d/,
    example: '    math_test.go:12: Add(1, 2) = 4, want 3'
  },
  {
    id: 'command-failed',
    tool: 'ci',
    tier: 3,
    weight: 1,
    category: null,
    // the CI's own word that a command failed (Travis, Jenkins): a closing line, whose
    // before-context is the command's last output
    pattern:
      /^The command ".*" exited with [1-9]\d*\.$|^ERROR: script returned exit code [1-9]\d*$/,
    before: 15,
    after: 0,
    keywords: /exited with [1-9]|script returned exit code/,
    example: 'The command "./mysqltuner.pl --verbose" exited with 127.'
  },
  {
    id: 'make',
    tool: 'make',
    tier: 3,
    weight: 2,
    category: 'build',
    pattern: /^g?make(?:\[\d+\])?: \*\*\* /,
    before: 2,
    after: 0,
    keywords: /rror/,
    example: 'make: *** [Makefile:3: all] Error 1'
  },
  {
    id: 'ninja',
    tool: 'ninja',
    tier: 3,
    weight: 4,
    category: 'build',
    pattern: /^ninja: build stopped/,
    keywords: /ail/,
    example: 'ninja: build stopped: subcommand failed.'
  },
  {
    id: 'apt',
    tool: 'apt',
    tier: 3,
    weight: 5,
    category: 'dependency',
    pattern: /^E: \S/,
    keywords: /^E: /,
    example: 'E: Unable to locate package libfoo-dev'
  },
  {
    id: 'marker',
    tool: 'generic',
    tier: 3,
    weight: 3,
    category: null,
    pattern: /^\s*[✖✗❌] \S|^\s*Command took >\d+min\b/,
    keywords: /ail|[✕✗✖×❌]|Command took/,
    example: '✖ build failed'
  },
  {
    id: 'collect2',
    tool: 'ld',
    tier: 3,
    weight: 3,
    category: 'build',
    pattern: /^collect2: error: ld returned \d+ exit status$|^ld: symbol\(s\) not found/,
    keywords: /rror/,
    example: 'collect2: error: ld returned 1 exit status'
  }
]
