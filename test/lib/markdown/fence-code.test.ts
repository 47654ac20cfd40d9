import { describe, expect, it } from 'vitest'
import { fenceCode, fenceUntrusted } from '../../../scripts/lib/markdown/fence-code.js'

/** CommonMark closes the block at the first line of ≥ as many backticks: that must be the last. */
function expectOneBlock(markdown: string): void {
  const lines = markdown.split(/\r\n|\r|\n/)
  const fence = /^`+/.exec(lines[0] ?? '')?.[0] ?? ''
  const closes = new RegExp(`^ {0,3}\`{${fence.length},}[ \\t]*$`)
  const closing = lines.findIndex((line, index) => index > 0 && closes.test(line))
  expect(closing).toBe(lines.length - 1)
}

describe('fenceCode', () => {
  it.each([
    ['plain text', 'npm ERR! 1', '', '```\nnpm ERR! 1\n```'],
    ['an info string', 'x', 'text', '```text\nx\n```'],
    ['a trailing newline is not doubled', 'x\n', '', '```\nx\n```'],
    ['empty text', '', '', '```\n```'],
    ['a triple-backtick line', 'a\n```\nb', '', '````\na\n```\nb\n````'],
    ['an indented backtick line', 'a\n   `````', '', '``````\na\n   `````\n``````'],
    ['a tab-indented backtick line', '\t````', '', '`````\n\t````\n`````'],
    ['backticks inside a line do not count', 'a ```````` b', '', '```\na ```````` b\n```'],
    ['tildes do not close a backtick fence', '~~~~~~', '', '```\n~~~~~~\n```'],
    ['a CR line ending counts as one', 'a\r````', '', '`````\na\r````\n`````'],
    ['backticks in the info string go', 'x', 'js`\n```', '```js\nx\n```'],
    ['odd characters in the info string go', 'x', 'c++ <script> "a"', '```c++scripta\nx\n```']
  ])('%s', (_name, text, info, expected) => {
    expect(fenceCode(text, info)).toBe(expected)
  })

  it.each(Array.from({ length: 20 }, (_, i) => i + 1))(
    'contains a line of %i backticks',
    length => {
      const text = `before\n${'`'.repeat(length)}\n@user <!-- x -->\n${'`'.repeat(length)}js\nafter`
      const fenced = fenceCode(text)
      expect(fenced.startsWith('`'.repeat(Math.max(3, length + 1)) + '\n')).toBe(true)
      expectOneBlock(fenced)
    }
  )

  it('finishes on a 5 MB line', () => {
    const fenced = fenceCode('`'.repeat(5_000_000))
    expect(fenced.startsWith('`'.repeat(5_000_001) + '\n')).toBe(true)
  })
})

describe('fenceUntrusted', () => {
  it('sanitises, redacts and fences', () => {
    const token = `ghp_${'Fake0Value1'.repeat(4).slice(0, 36)}`
    const result = fenceUntrusted(`\x1b[31m${token}\x1b[0m\r\n<!-- x -->\n\`\`\``, 'log')
    expect(result).toEqual({
      text: '````log\nghp_[REDACTED]\n<!\u2010\u2010 x \u2010\u2010>\n```\n````',
      count: 1
    })
  })
})
