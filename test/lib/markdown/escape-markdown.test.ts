import { describe, expect, it } from 'vitest'
import { escapeInline, escapeTitle } from '../../../scripts/lib/markdown/escape-markdown.js'

const token = `ghp_${'Fake0Value1'.repeat(4).slice(0, 36)}`

describe('escapeInline', () => {
  it.each([
    ['plain text', 'build (ubuntu-latest, 20)', 'build \\(ubuntu\\-latest, 20\\)'],
    ['an expression', '${{ github.token }}', '\\$\\{\\{ github.token \\}\\}'],
    ['command substitution', '$(touch pwned)', '\\$\\(touch pwned\\)'],
    ['backticks', '`whoami`', '\\`whoami\\`'],
    ['quotes', `it's "quoted"`, `it's "quoted"`],
    ['a JS breakout', '"; process.exit(1); //', '"; process.exit\\(1\\); //'],
    [
      'a require breakout',
      "'); require('child_process').execSync('touch pwned'); ('",
      "'\\); require\\('child\\_process'\\).execSync\\('touch pwned'\\); \\('"
    ],
    ['a script tag', '<script>alert(1)</script>', '&lt;script&gt;alert\\(1\\)&lt;/script&gt;'],
    ['an image tag', '<img src=x onerror=alert(1)>', '&lt;img src\\=x onerror\\=alert\\(1\\)&gt;'],
    [
      'a javascript: link',
      '[click](javascript:alert(1))',
      '\\[click\\]\\(javascript:alert\\(1\\)\\)'
    ],
    ['an image', '![x](https://e.test/p.png)', '\\!\\[x\\]\\(`https://e.test/p.png)`'],
    ['emphasis and strikethrough', '*a* _b_ ~~c~~', '\\*a\\* \\_b\\_ \\~\\~c\\~\\~'],
    ['a heading', '# Title', '\\# Title'],
    ['a table break', 'a | b', 'a \\| b'],
    ['a blockquote', '> quoted', '&gt; quoted'],
    ['a list marker', '- item', '\\- item'],
    ['an ordered list marker', '1. first', '1\\. first'],
    ['a setext underline', '===', '\\=\\=\\='],
    ['newlines and tabs', 'a\nb\r\n\tc  d', 'a b c d'],
    ['an entity', '&lt; &#64;x', '&amp;lt; &amp;`#64`;x'],
    ['a backslash', 'C:\\path', 'C:\\\\path'],
    ['a mention', 'by @octocat', 'by `@octocat`'],
    ['a team', '@org/team', '`@org/team`'],
    ['references', '#1 GH-2 o/r#3', '`#1` `GH-2` `o/r#3`'],
    ['an issue URL', 'https://github.com/o/r/issues/1', '`https://github.com/o/r/issues/1`'],
    ['a URL', 'see https://example.com/a_b', 'see `https://example.com/a_b`'],
    ['www', 'www.example.com', '`www.example.com`'],
    ['an email', 'jane@example.com', '`jane@example.com`'],
    ['a backslash before a mention', '\\@x', '\\\\ `@x`'],
    ['a backtick before a mention', '`@x', '\\` `@x`'],
    ['a dollar before a mention', '$@x$', '\\$ `@x`\\$'],
    ['a comment delimiter', 'x --> y', 'x \u2010\u2010&gt; y'],
    ['zero-width and bidi', '@oct\u200bocat\u202e', '`@octocat`'],
    ['ANSI', '\x1b[31mred\x1b[0m', 'red'],
    ['a secret', `token ${token}`, 'token ghp\\_\\[REDACTED\\]'],
    ['surrounding space', '  a  ', 'a'],
    ['empty', '', '']
  ])('%s', (_name, input, expected) => {
    expect(escapeInline(input)).toBe(expected)
  })

  it.each([
    ['a long string', 'x'.repeat(300), 200, `${'x'.repeat(199)}…`],
    ['exactly the limit', 'x'.repeat(200), 200, 'x'.repeat(200)],
    ['escapes count and are never split', '*'.repeat(20), 9, '\\*\\*\\*\\*…'],
    ['entities are never split', '<<<<', 7, '&lt;…'],
    ['a surrogate pair is never split', `a${'😀'.repeat(5)}`, 4, 'a😀…'],
    ['a code span is cut inside and stays closed', `@${'a'.repeat(50)}`, 10, '`@aaaaaa`…'],
    ['a code span with no room is dropped', `ab @${'a'.repeat(50)}`, 5, 'ab…'],
    ['maxLength 1', 'abc', 1, '…']
  ])('%s', (_name, input, maxLength, expected) => {
    const output = escapeInline(input, maxLength)
    expect(output).toBe(expected)
    expect(output.length).toBeLessThanOrEqual(maxLength)
  })

  it('finishes on a 5 MB line and stays within the limit', () => {
    expect(escapeInline('@a '.repeat(2_000_000))).toHaveLength(200)
    expect(escapeInline('<'.repeat(5_000_000)).length).toBeLessThanOrEqual(200)
  })
})

describe('escapeTitle', () => {
  it.each([
    ['plain text', 'CI failure: test (ubuntu)', 'CI failure: test (ubuntu)'],
    ['markdown stays as typed', '*a* <b> `c` [d](e)', '*a* <b> `c` [d](e)'],
    ['a mention', 'by @octocat and @org/team', 'by ＠octocat and ＠org/team'],
    ['an email', 'jane@example.com', 'jane@example.com'],
    ['newlines', 'a\nb\r\n\tc', 'a b c'],
    ['zero-width tricks', '@\u200boctocat', '＠octocat'],
    ['surrounding space', '  a  ', 'a'],
    ['a comment delimiter', '<!-- x -->', '<!\u2010\u2010 x \u2010\u2010>'],
    ['a secret', `leak ${token}`, 'leak ghp_[REDACTED]'],
    ['empty', '', '']
  ])('%s', (_name, input, expected) => {
    expect(escapeTitle(input)).toBe(expected)
  })

  it.each([
    ['the default limit', 'x'.repeat(300), undefined, 200],
    ['a smaller limit', 'x'.repeat(300), 50, 50],
    ['the hard maximum', 'x'.repeat(300), 1000, 256]
  ])('cuts to %s', (_name, input, maxLength, length) => {
    const title = escapeTitle(input, maxLength)
    expect(title).toHaveLength(length)
    expect(title.endsWith('…')).toBe(true)
  })

  it('never splits a surrogate pair', () => {
    expect(escapeTitle(`a${'😀'.repeat(5)}`, 4)).toBe('a😀…')
  })
})
