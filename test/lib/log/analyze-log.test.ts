import { Buffer } from 'node:buffer'
import { describe, expect, it } from 'vitest'
import { analyzeLog, createLogAnalyzer } from '../../../scripts/lib/log/analyze-log.js'
import { HEAD_FULL_LINES, LogScanner, TAIL_FULL_LINES } from '../../../scripts/lib/log/scan-log.js'
import { LogBuilder, chunked } from './make-log.js'

function failingTsc(): LogBuilder {
  const log = new LogBuilder()
  log.uses('actions/checkout@v4', { repository: 'acme/app' }, ['Syncing repository: acme/app'])
  log.uses('actions/setup-node@v4', { 'node-version': '20' }, [
    'Found in cache @ /opt/hostedtoolcache/node/20.19.5/x64'
  ])
  log.run(
    'npx tsc --noEmit',
    [
      "##[error]src/retry.ts(3,7): error TS2322: Type 'string' is not assignable to type 'number'.",
      "src/retry.ts(9,1): error TS2304: Cannot find name 'sleep'."
    ],
    { exit: 2, name: 'Type-check' }
  )
  log.post('Post Run actions/checkout@v4', ['[command]/usr/bin/git version'])
  log.complete()
  return log
}

describe('analyzeLog', () => {
  it('finds the step, key lines, excerpt, exit code and category', async () => {
    const log = failingTsc()
    const analysis = await analyzeLog(log.text(), { steps: log.steps })
    expect(analysis).toMatchObject({
      failedStep: { name: 'Type-check', number: 4 },
      category: 'type-check',
      terminal: null,
      keyLines: [
        "src/retry.ts(3,7): error TS2322: Type 'string' is not assignable to type 'number'.",
        "src/retry.ts(9,1): error TS2304: Cannot find name 'sleep'."
      ],
      exitCode: 2,
      signature: [
        "src/retry.ts(<n>): error TS2304: Cannot find name 'sleep'.",
        "src/retry.ts(<n>): error TS2322: Type 'string' is not assignable to type 'number'."
      ],
      totalLines: log.lines.length,
      bytes: Buffer.byteLength(log.text())
    })
    expect(analysis.excerpt.split('\n')).toEqual(analysis.keyLines)
    const first = log.lines.findIndex(l => l.includes('TS2322')) + 1
    expect(analysis.excerptLines).toEqual({ first, last: first + 1 })
  })

  it('gives the same result for a chunk boundary at every byte offset', async () => {
    const bytes = Buffer.from(failingTsc().text())
    const whole = await analyzeLog(bytes)
    for (let cut = 1; cut < bytes.length; cut += 1) {
      const analyzer = createLogAnalyzer()
      analyzer.write(bytes.subarray(0, cut))
      analyzer.write(bytes.subarray(cut))
      expect(analyzer.end()).toEqual(whole)
    }
    expect(
      await analyzeLog(
        (async function* () {
          yield* chunked(bytes, [1, 2, 3])
        })()
      )
    ).toEqual(whole)
  })

  it('accepts strings, bytes and async iterables alike', async () => {
    const text = failingTsc().text()
    const fromText = await analyzeLog(text)
    expect(await analyzeLog(new Uint8Array(Buffer.from(text)))).toEqual(fromText)
    expect(
      await analyzeLog(
        (async function* () {
          yield text.slice(0, 100)
          yield text.slice(100)
        })()
      )
    ).toEqual(fromText)
  })

  it('does not give a problem-matcher copy its own key line', async () => {
    const log = new LogBuilder()
    log.run(
      'npx eslint .',
      [
        '/home/runner/work/app/app/src/a.js',
        "  3:7  error  'x' is assigned a value but never used  no-unused-vars",
        "##[error]  3:7  error  'x' is assigned a value but never used  no-unused-vars",
        '',
        '✖ 1 problem (1 error, 0 warnings)'
      ],
      { exit: 1 }
    )
    const analysis = await analyzeLog(log.text())
    expect(analysis.keyLines).toEqual([
      "  3:7  error  'x' is assigned a value but never used  no-unused-vars"
    ])
    expect(analysis.excerpt.split('\n')[0]).toBe('/home/runner/work/app/app/src/a.js')
    expect(analysis.category).toBe('lint')
  })

  it('ignores error words in the step header: script echo, with: and env: blocks', async () => {
    const log = new LogBuilder()
    log.uses(
      'actions/upload-artifact@v4',
      { name: 'logs', path: 'logs/', 'if-no-files-found': 'error' },
      ['With the provided path, there will be 3 files uploaded']
    )
    log.run(
      'set -o errexit\n./deploy.sh || echo "deploy failed, see error log"',
      ['deploying', 'quota exceeded: 0 of 10 slots free'],
      {
        exit: 3,
        env: { CONTINUE_ON_ERROR: 'true', FAIL_FAST: 'error' }
      }
    )
    const analysis = await analyzeLog(log.text())
    expect(analysis.failedStep?.name).toBe('Run set -o errexit')
    expect(analysis.keyLines).toEqual(['quota exceeded: 0 of 10 slots free'])
    expect(analysis.excerpt).toBe('deploying\nquota exceeded: 0 of 10 slots free')
    expect(analysis.exitCode).toBe(3)
  })

  it('never goes over maxLines or maxBytes', async () => {
    const errors = Array.from(
      { length: 300 },
      (_, i) => `src/f${i}.ts(${i + 1},1): error TS2304: Cannot find name 'n${i}'.`
    )
    const log = new LogBuilder().run('npx tsc', errors, { exit: 2 })
    for (const [maxLines, maxBytes] of [
      [50, 8192],
      [10, 8192],
      [50, 500],
      [1, 80]
    ] as const) {
      const analysis = await analyzeLog(log.text(), { maxLines, maxBytes })
      expect(analysis.excerpt.split('\n').length).toBeLessThanOrEqual(maxLines)
      expect(Buffer.byteLength(analysis.excerpt)).toBeLessThanOrEqual(maxBytes)
      expect(analysis.keyLines[0]).toBe(errors[0])
      expect(analysis.keyLines.length).toBeLessThanOrEqual(5)
    }
  })

  it('shows a Python traceback from its first line to the exception', async () => {
    const log = new LogBuilder().run(
      'python migrate.py',
      [
        'migrating...',
        'Traceback (most recent call last):',
        '  File "/home/runner/work/app/app/migrate.py", line 17, in <module>',
        '    main()',
        '  File "/home/runner/work/app/app/migrate.py", line 6, in main',
        '    return os.environ["DATABASE_URL"]',
        "KeyError: 'DATABASE_URL'"
      ],
      { exit: 1 }
    )
    const analysis = await analyzeLog(log.text())
    expect(analysis.keyLines[0]).toBe("KeyError: 'DATABASE_URL'")
    expect(analysis.excerpt.split('\n')[0]).toBe('Traceback (most recent call last):')
    expect(analysis.excerpt).toContain('line 6, in main')
    expect(analysis.category).toBe('build')
  })

  it('puts the last exception of a chained traceback first, its cause next', async () => {
    const log = new LogBuilder().run(
      'python lint.py',
      [
        'Traceback (most recent call last):',
        '  File "/home/runner/work/app/app/lint.py", line 8, in diff',
        '    return run(["git", "diff"], timeout=5)',
        "subprocess.TimeoutExpired: Command '['git', 'diff']' timed out after 5 seconds",
        '',
        'The above exception was the direct cause of the following exception:',
        '',
        'Traceback (most recent call last):',
        '  File "/home/runner/work/app/app/lint.py", line 12, in <module>',
        '    raise RuntimeError("no diff") from e',
        'RuntimeError: no diff for src/app.py'
      ],
      { exit: 1 }
    )
    const analysis = await analyzeLog(log.text())
    expect(analysis.keyLines).toEqual([
      'RuntimeError: no diff for src/app.py',
      "subprocess.TimeoutExpired: Command '['git', 'diff']' timed out after 5 seconds"
    ])
  })

  it('ranks a harness exception that only says a test failed below the error it restates', async () => {
    const log = new LogBuilder().run(
      'python run_tests.py',
      [
        'Running test_db 1/1',
        'error: connection to server at "db" (172.18.0.2), port 5432 failed: Connection refused',
        'test_db 1/1 failed!',
        'Traceback (most recent call last):',
        '  File "/home/runner/work/app/app/run_tests.py", line 40, in <module>',
        '    raise RuntimeError(failure.message)',
        'RuntimeError: test_db 1/1 failed!'
      ],
      { exit: 1 }
    )
    const analysis = await analyzeLog(log.text())
    expect(analysis.keyLines[0]).toBe(
      'error: connection to server at "db" (172.18.0.2), port 5432 failed: Connection refused'
    )
    expect(analysis.keyLines).toContain('RuntimeError: test_db 1/1 failed!')
  })

  it("puts an action's last ##[error], its verdict, first; a script's ##[error] lines stay in order", async () => {
    const action = new LogBuilder().uses(
      'acme/upload-s3@v5',
      { bucket: 'artifacts' },
      [
        'Starting upload of logs.zip',
        '##[error]Error uploading logs.zip',
        "##[error]User: ci-role is not authorized to perform: s3:PutObject on resource: 'artifacts/logs.zip'"
      ],
      { conclusion: 'failure' }
    )
    const fromAction = await analyzeLog(action.text(), { steps: action.steps })
    expect(fromAction.keyLines).toEqual([
      "User: ci-role is not authorized to perform: s3:PutObject on resource: 'artifacts/logs.zip'",
      'Error uploading logs.zip'
    ])
    const script = new LogBuilder().run(
      'bash check-links.sh',
      ['##[error]docs/a.md: dead link ./b.md', '##[error]docs/c.md: dead link ./d.md'],
      { exit: 1 }
    )
    const fromScript = await analyzeLog(script.text(), { steps: script.steps })
    expect(fromScript.keyLines).toEqual([
      'docs/a.md: dead link ./b.md',
      'docs/c.md: dead link ./d.md'
    ])
  })

  it("reads an action's `<tool> exit with code N` as its exit code, not as the cause", async () => {
    const log = new LogBuilder()
      .uses('golangci/golangci-lint-action@v6', { version: 'v1.64' }, [
        'Running [golangci-lint run] in [/home/runner/work/app/app] ...',
        "Error: can't load config: the Go version used to build golangci-lint is lower than 1.26",
        '##[error]golangci-lint exit with code 3'
      ])
      .uses('actions/upload-artifact@v4', { name: 'report' }, ['Uploaded 1 file'])
    const analysis = await analyzeLog(log.text())
    expect(analysis.failedStep?.name).toBe('Run golangci/golangci-lint-action@v6')
    expect(analysis.exitCode).toBe(3)
    expect(analysis.keyLines[0]).toBe(
      "Error: can't load config: the Go version used to build golangci-lint is lower than 1.26"
    )
  })

  it('skips a hook restating the exit code and runner markers when picking the last words', async () => {
    const log = new LogBuilder().run(
      'bash check-stack.sh',
      [
        'PR #12 sits on top of >=10 stacked entries; refusing to run CI.',
        '##[error][hook] Step script exited with code 1. Check the step logs above.',
        '##[end-action id=check.run;outcome=failure;conclusion=failure;duration_ms=2173]'
      ],
      { exit: 1 }
    )
    const analysis = await analyzeLog(log.text())
    expect(analysis.keyLines).toEqual([
      'PR #12 sits on top of >=10 stacked entries; refusing to run CI.'
    ])
  })

  it('shows an assertion with what explains it: the two sides, the code frame, the frame in the project, the tally', async () => {
    const frame = '      at Object.toBe (src/sum.test.js:5:17)'
    const failure = [
      '  ● sum › adds',
      '',
      '    expect(received).toBe(expected) // Object.is equality',
      '',
      '    Expected: 3',
      '    Received: 4',
      '',
      "      3 | describe('sum', () => {",
      '    > 5 |   expect(sum(1, 2)).toBe(3)',
      '        |                     ^',
      ''
    ]
    const withFrame = await analyzeLog(
      new LogBuilder().run('npx jest', [...failure, frame, 'Tests: 1 failed'], { exit: 1 }).text()
    )
    expect(withFrame.excerpt.split('\n')).toEqual([...failure, frame, 'Tests: 1 failed'])
    expect(withFrame.keyLines).toEqual(['  ● sum › adds'])
  })

  it('lists mocha failures after `N failing`', async () => {
    const log = new LogBuilder().run(
      'npm test',
      [
        '  Cart',
        '      1) sums price',
        '  4 passing (12ms)',
        '  1 failing',
        '',
        '  1) Cart',
        '       sums price:',
        '      AssertionError [ERR_ASSERTION]: Expected values to be strictly equal:'
      ],
      { exit: 1 }
    )
    const analysis = await analyzeLog(log.text())
    expect(analysis.keyLines).toEqual([
      '  1) Cart',
      '      AssertionError [ERR_ASSERTION]: Expected values to be strictly equal:'
    ])
    expect(analysis.category).toBe('test')
  })

  it('uses the advisory ids as the signature of audit output', async () => {
    const log = new LogBuilder().run(
      'npm audit --audit-level=high',
      [
        '# npm audit report',
        '',
        'lodash  <=4.17.20',
        'Severity: high',
        'Prototype Pollution in lodash - https://github.com/advisories/GHSA-p6mc-m468-83gw',
        'Command Injection in lodash - https://github.com/advisories/GHSA-35jh-r3h4-6jhm',
        '',
        '2 high severity vulnerabilities'
      ],
      { exit: 1 }
    )
    const analysis = await analyzeLog(log.text())
    expect(analysis.category).toBe('security')
    expect(analysis.signature).toEqual(['GHSA-35jh-r3h4-6jhm', 'GHSA-p6mc-m468-83gw'])
  })

  it('falls back to the end of the step when nothing matches', async () => {
    const log = new LogBuilder().run(
      'bash check-size.sh',
      ['measuring', 'Your PR is 3174 LOC which is more than the 2000 maximum'],
      { exit: 1 }
    )
    const analysis = await analyzeLog(log.text())
    expect(analysis.keyLines).toEqual(['Your PR is 3174 LOC which is more than the 2000 maximum'])
    expect(analysis.excerpt).toBe(
      'measuring\nYour PR is 3174 LOC which is more than the 2000 maximum'
    )
    expect(analysis.signature).toEqual(['Your PR is <n> LOC which is more than the <n> maximum'])
    expect(analysis.category).toBe('unknown')
  })

  it('reads the start, the end and keyword lines of a huge step', async () => {
    const filler = (n: number): string[] =>
      Array.from({ length: n }, (_, i) => ` ✓ case ${i} passes 1ms`)
    const middle = HEAD_FULL_LINES + 5000
    const log = new LogBuilder().run(
      'make check',
      [
        ...filler(middle),
        // in the middle: found by the keyword search
        'panic: runtime error: invalid memory address or nil pointer dereference',
        ...filler(20_000),
        // in the last TAIL_FULL_LINES lines: no keyword, found by the tail pass
        './lib/util.py:3:1: E302 expected 2 blank lines, found 1',
        ...filler(TAIL_FULL_LINES - 100)
      ],
      { exit: 2 }
    )
    const analysis = await analyzeLog(log.text(), { maxLines: 50 })
    expect(analysis.keyLines).toEqual([
      'panic: runtime error: invalid memory address or nil pointer dereference',
      './lib/util.py:3:1: E302 expected 2 blank lines, found 1'
    ])
    expect(analysis.totalLines).toBe(log.lines.length)
  })

  it('keeps a bounded number of matches per step, however many errors it prints', () => {
    const errors = Array.from(
      { length: 30_000 },
      (_, i) => `src/f${i}.ts(1,1): error TS2304: Cannot find name 'x${i}'.`
    )
    const scanner = new LogScanner()
    scanner.write(new LogBuilder().run('npx tsc', errors, { exit: 2 }).text())
    const step = scanner.end().sections.find(s => s.title === 'Run npx tsc')
    expect(step?.hits.length).toBeGreaterThan(10)
    expect(step?.hits.length).toBeLessThanOrEqual(48)
    // the first errors are kept (the cause is usually first), and the last ones
    expect(step?.hits[0]?.text).toBe(errors[0])
    expect(step?.hits.at(-1)?.text).toBe(errors.at(-1))
  })

  it('copes with a 5 MB line in the failing step', async () => {
    const log = new LogBuilder().run(
      'node build.js',
      ['x'.repeat(5 * 1024 * 1024), 'Error: bundle too large'],
      { exit: 1 }
    )
    const analysis = await analyzeLog(
      (async function* () {
        yield* chunked(Buffer.from(log.text()), [65536])
      })()
    )
    expect(analysis.keyLines).toEqual(['Error: bundle too large'])
    expect(analysis.totalLines).toBe(log.lines.length)
    expect(Buffer.byteLength(analysis.excerpt)).toBeLessThanOrEqual(8192)
  })

  it('handles an empty log and a log without steps', async () => {
    expect(await analyzeLog('')).toMatchObject({
      failedStep: null,
      keyLines: [],
      excerpt: '',
      excerptLines: null,
      totalLines: 0,
      bytes: 0
    })
    const plain = await analyzeLog('just some text\nError: it broke\n')
    expect(plain.keyLines).toEqual(['Error: it broke'])
    expect(plain.failedStep).toBeNull()
  })

  it('throws on write after end', () => {
    const analyzer = createLogAnalyzer()
    analyzer.end()
    expect(() => analyzer.write('x')).toThrow(/after end/)
  })
})
