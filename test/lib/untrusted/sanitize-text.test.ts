import { describe, expect, it } from 'vitest'
import { sanitizeText } from '../../../scripts/lib/untrusted/sanitize-text.js'

const H = '\u2010' // the hyphen that defangs comment delimiters

describe('sanitizeText', () => {
  it.each([
    ['plain text', 'npm ERR! code 1\n\tat x', 'npm ERR! code 1\n\tat x'],
    ['SGR colours', '\x1b[1;31mFAIL\x1b[0m ok', 'FAIL ok'],
    ['cursor movement and erase', 'a\x1b[2K\x1b[1Gb\x1b[?25l', 'ab'],
    ['C1 CSI', '\x9b31mred\x9b0m', 'red'],
    [
      'OSC 8 hyperlink, BEL-terminated',
      '\x1b]8;;https://evil.example\x07click\x1b]8;;\x07!',
      'click!'
    ],
    [
      'OSC 8 hyperlink, ST-terminated',
      '\x1b]8;;https://evil.example\x1b\\click\x1b]8;;\x1b\\',
      'click'
    ],
    ['OSC window title', '\x1b]0;title\x07text', 'text'],
    ['C1 OSC', '\x9d8;;https://x\x9clink\x9d8;;\x9c', 'link'],
    ['unterminated OSC stops at the line end', '\x1b]8;;https://x\nnext', '\nnext'],
    ['DCS string', '\x1bPq#0;2;0;0;0\x1b\\after', 'after'],
    ['charset and keypad escapes', '\x1b(Bx\x1b=y\x1b7z', 'xyz'],
    ['a lone ESC', 'a\x1b', 'a'],
    ['CRLF', 'a\r\nb\r\n', 'a\nb\n'],
    ['lone CR (progress bars)', '10%\r50%\r100%', '10%\n50%\n100%'],
    ['line and paragraph separators', 'a\u2028b\u2029c', 'a\nb\nc'],
    ['NUL and other C0', 'a\x00b\x07c\x08d\x0be\x0cf\x1fg\x7fh', 'abcdefgh'],
    ['C1 controls', 'a\x85b\x80c\x9ad', 'abcd'],
    ['a C1 APC string', 'a\x9fhidden\x9cb', 'ab'],
    ['zero-width characters', 'a\u200bb\u200cc\u200dd\u2060e\ufefff', 'abcdef'],
    [
      'bidi overrides (Trojan Source)',
      'access\u202e\u2066// check\u2069\u2066 admin',
      'access// check admin'
    ],
    ['bidi marks and isolates', '\u200e\u200f\u061c\u2067x\u2068\u2069\u180e', 'x'],
    ['tag characters', 'a\udb40\udc41\udb40\udc7fb', 'ab'],
    ['a lone high surrogate', 'a\ud800b', 'a\ufffdb'],
    ['a lone low surrogate', 'a\udc00b', 'a\ufffdb'],
    ['a reversed pair', '\udc00\ud800', '\ufffd\ufffd'],
    ['a valid pair (emoji)', 'ok \ud83d\ude00', 'ok \ud83d\ude00'],
    ['non-Latin text', 'Ошибка: 失败 ✗', 'Ошибка: 失败 ✗'],
    ['an HTML comment', '<!-- hidden -->', `<!${H}${H} hidden ${H}${H}>`],
    [
      'a forged marker',
      '<!-- log-bugs:fingerprint=v1:00 -->',
      `<!${H}${H} log-bugs:fingerprint=v1:00 ${H}${H}>`
    ],
    ['--!> also closes comments', 'x --!> y', `x ${H}${H}!> y`],
    ['an empty comment', '<!---->', `<!${H}${H}${H}${H}>`],
    ['<!--> abrupt comment', '<!-->', `<!${H}${H}>`],
    ['zero width inside a delimiter', '<!-\u200b- x -\u200d->', `<!${H}${H} x ${H}${H}>`],
    ['ANSI inside a delimiter', '<!-\x1b[0m- x', `<!${H}${H} x`],
    ['NUL inside a delimiter', '-\x00->', `${H}${H}>`],
    ['lone hyphens and arrows stay', '-> --x <- <!- a-->b', `-> --x <- <!- a${H}${H}>b`]
  ])('%s', (_name, input, expected) => {
    expect(sanitizeText(input)).toBe(expected)
  })

  it.each([
    '<!-- x -->',
    '<!---->',
    '\x1b[31m<!-\u200b-\r\n-\u2060->\x1b]8;;u\x07t',
    'a\ud800\u202eb\r\r\n',
    '<<!--!--->>'
  ])('is idempotent and leaves no comment delimiter: %j', input => {
    const once = sanitizeText(input)
    expect(sanitizeText(once)).toBe(once)
    expect(once).not.toMatch(/<!--|--!?>/)
  })

  it('finishes on a 5 MB line', () => {
    expect(sanitizeText('\x1b['.repeat(2_500_000))).toBe('')
    expect(sanitizeText('\x1b]'.repeat(2_500_000))).toBe('')
    expect(sanitizeText('A'.repeat(5_000_000))).toHaveLength(5_000_000)
  })
})
