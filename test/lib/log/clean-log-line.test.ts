import { describe, expect, it } from 'vitest'
import { cleanLogLine, parseLogLine } from '../../../scripts/lib/log/clean-log-line.js'
import { stripAnsi } from '../../../scripts/lib/untrusted/ansi.js'

const TS = '2024-10-08T13:24:44.9714395Z '

describe('cleanLogLine', () => {
  it.each([
    [`${TS}hello`, 'hello'],
    [`\uFEFF${TS}hello`, 'hello'],
    [`${TS}hello  \r`, 'hello'],
    [`${TS}  indented`, '  indented'],
    [`${TS}##[error]Process completed with exit code 1.`, 'Process completed with exit code 1.'],
    [`${TS}##[warning]deprecated`, 'deprecated'],
    [`${TS}##[notice]note`, 'note'],
    [`${TS}##[debug]dbg`, 'dbg'],
    [`${TS}##[command]/usr/bin/git version`, '/usr/bin/git version'],
    [`${TS}[command]/usr/bin/git version`, '/usr/bin/git version'],
    [`${TS}##[section]Starting: Test`, 'Starting: Test'],
    [`${TS}##[group]Run npm test`, '##[group]Run npm test'],
    [`${TS}##[endgroup]`, '##[endgroup]'],
    [`${TS}[error] src/a.ts: SyntaxError: boom`, '[error] src/a.ts: SyntaxError: boom'],
    [`${TS}\x1b[36;1mnpm test\x1b[0m`, 'npm test'],
    [`${TS}\x1b[31m✖\x1b[39m 2 problems`, '✖ 2 problems'],
    [`${TS}see \x1b]8;;https://example.com\x1b\\the docs\x1b]8;;\x1b\\ now`, 'see the docs now'],
    [`${TS}bell \x1b]0;title\x07done`, 'bell done'],
    ['continuation line without timestamp', 'continuation line without timestamp'],
    ['2024-10-08T13:24:44Z short timestamp', 'short timestamp']
  ])('%j → %j', (raw, expected) => {
    expect(cleanLogLine(raw)).toBe(expected)
  })

  it('parses the timestamp and tag', () => {
    expect(parseLogLine(`${TS}##[error]boom`)).toEqual({
      timestamp: '2024-10-08T13:24:44.9714395Z',
      tag: 'error',
      text: 'boom',
      cleaned: 'boom'
    })
    expect(parseLogLine('no timestamp').timestamp).toBeNull()
  })

  it('strips CSI sequences with parameters and C1 CSI', () => {
    expect(stripAnsi('\x1b[1;31mred\x1b[0m \x1b[2K\x1b[1Gx \x9b31my')).toBe('red x y')
  })
})
