import { describe, expect, it } from 'vitest'
import {
  findReferences,
  neutralizeMentions
} from '../../../scripts/lib/untrusted/neutralize-mentions.js'

describe('neutralizeMentions', () => {
  it.each([
    ['a mention', 'thanks @octocat!', 'thanks `@octocat`!'],
    ['a mention at the start', '@octocat', '`@octocat`'],
    ['a hyphenated login', 'cc @user-name.', 'cc `@user-name`.'],
    ['a managed user', 'cc @jdoe_acme', 'cc `@jdoe_acme`'],
    ['a team', 'ping @org/team-name now', 'ping `@org/team-name` now'],
    ['mentions in brackets', '(@a) [@b]', '(`@a`) [`@b`]'],
    ['after an underscore', 'x_@user', 'x_`@user`'],
    [
      'an email address',
      'mail a@b.com or first.last@example.org',
      'mail a@b.com or first.last@example.org'
    ],
    ['an @ alone', 'a @ b, @-x', 'a @ b, @-x'],
    ['an issue reference', 'fixes #123.', 'fixes `#123`.'],
    ['a reference in parentheses', 'PR (#42)', 'PR (`#42`)'],
    ['a non-reference', 'C# and a#1 and #abc', 'C# and a#1 and #abc'],
    ['GH-123', 'see GH-123 and gh-7', 'see `GH-123` and `gh-7`'],
    ['owner/repo#5', 'in owner/repo#5', 'in `owner/repo#5`'],
    [
      'an issue URL',
      'https://github.com/o/r/issues/1 and https://github.com/o/r/pull/2#issuecomment-3',
      '`https://github.com/o/r/issues/1` and `https://github.com/o/r/pull/2#issuecomment-3`'
    ],
    ['a URL without scheme', 'github.com/o/r/issues/9', '`github.com/o/r/issues/9`'],
    [
      'a discussion URL',
      'https://github.com/o/r/discussions/4',
      '`https://github.com/o/r/discussions/4`'
    ],
    ['a plain URL stays a link', 'https://example.com/docs', 'https://example.com/docs'],
    ['chained mentions', '@a@b', '`@a@b`'],
    ['a reference glued to a mention', '#1@user', '`#1@user`'],
    ['glued references', '#1#2', '`#1#2`'],
    ['an existing code span', 'run `npm test @x` then @y', 'run `npm test @x` then `@y`'],
    ['a double-backtick span', 'a ``b ` @c`` @d', 'a ``b ` @c`` `@d`'],
    ['an unmatched backtick is escaped', 'a ` @b', 'a \\` `@b`'],
    ['a span across lines is not trusted', '`a\n@b`', '\\`a\n`@b`\\`'],
    ['a span with a pipe is not trusted', '| `a | @b` |', '| \\`a | `@b`\\` |'],
    ['next to a code span', '`x`@y', '`x` `@y`'],
    ['before a code span', '@y`x`', '`@y` `x`'],
    ['a backslash-escaped @', '\\@octocat', '`@octocat`'],
    ['an escaped backslash before a mention', '\\\\@octocat', '\\\\ `@octocat`'],
    ['a backslash before a repo reference', '\\owner/repo#1', '\\ `owner/repo#1`'],
    ['an entity @', '&#64;octocat and &commat;x and &#x40;y', '`@octocat` and `@x` and `@y`'],
    ['an entity #', '&#35;12 and &num;13', '`#12` and `#13`'],
    ['an entity before a reference', '&amp;#12', '&amp;`#12`'],
    // '<' is no longer a tag, so the backticks do make a code span around @x
    ['raw HTML', '<b title="`">@x`</b>', '&lt;b title="`">@x`&lt;/b>'],
    ['raw HTML without backticks', '<div>\n@x\n</div>', '&lt;div>\n`@x`\n&lt;/div>'],
    ['an autolink', '<https://github.com/o/r/issues/1>', '&lt;`https://github.com/o/r/issues/1`>'],
    ['a less-than sign', 'a < b', 'a < b'],
    ['inline math', '$@x$', '$ `@x` $'],
    ['a fenced block stays', '```\n@x #1\n```\n@y', '```\n@x #1\n```\n`@y`'],
    ['a tilde fence stays', '~~~\n@x\n~~~', '~~~\n@x\n~~~'],
    ['an unclosed fence is closed', 'a\n````js\n@x', 'a\n````js\n@x\n````'],
    ['an indented fence is not trusted', ' ```\n@x\n ```', ' \\`\\`\\`\n`@x`\n \\`\\`\\`'],
    ['CRLF line endings', '@a\r\n@b', '`@a`\r\n`@b`'],
    ['nothing to do', 'plain text', 'plain text'],
    ['empty', '', '']
  ])('%s', (_name, input, expected) => {
    expect(neutralizeMentions(input)).toBe(expected)
  })

  it('is idempotent', () => {
    const input = 'x @a `b` #1 ` &#64;c \\@d <e> $@f$\n```\n@g'
    const once = neutralizeMentions(input)
    expect(neutralizeMentions(once)).toBe(once)
  })

  it('finishes on a 5 MB line', () => {
    expect(neutralizeMentions('@a'.repeat(2_500_000))).toHaveLength(5_000_002)
    expect(neutralizeMentions('` '.repeat(2_500_000))).toHaveLength(5_000_000)
    expect(neutralizeMentions('<a'.repeat(2_500_000)).length).toBeGreaterThan(5_000_000)
  })
})

describe('findReferences', () => {
  it.each([
    [
      '@a b @c',
      {},
      [
        [0, 2],
        [5, 7]
      ]
    ],
    ['mail a@b.com', {}, []],
    ['mail a@b.com', { links: true }, [[5, 12]]],
    ['see https://example.com/x.', { links: true }, [[4, 26]]],
    ['www.example.com', { links: true }, [[0, 15]]],
    ['#1#2 x', {}, [[0, 4]]]
  ])('%j %j', (text, options, expected) => {
    expect(findReferences(text, options).map(r => [r.start, r.end])).toEqual(expected)
  })
})
