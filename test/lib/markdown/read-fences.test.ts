import { describe, expect, it } from 'vitest'
import { readFences } from '../../../scripts/lib/markdown/read-fences.js'

const fencedFlags = (text: string, maxIndent: 0 | 1 | 2 | 3 = 3): boolean[] =>
  readFences(text, maxIndent).lines.map(line => line.fenced)

describe('readFences', () => {
  it.each([
    ['no fence', 'a\nb', 3, [false, false]],
    ['a backtick fence', 'a\n```\nb\n```\nc', 3, [false, true, true, true, false]],
    ['a tilde fence', '~~~\n```\n~~~', 3, [true, true, true]],
    ['a longer closing fence', '```\nb\n`````', 3, [true, true, true]],
    ['a shorter line does not close', '````\n```\n````', 3, [true, true, true]],
    ['a closing fence with text is content', '```\n``` x\n```', 3, [true, true, true]],
    ['backticks in the info string: not a fence', '``` a`b\nc', 3, [false, false]],
    ['indented three spaces', '   ```\nx\n   ```\ny', 3, [true, true, true, false]],
    ['indented four spaces: not a fence', '    ```\nx', 3, [false, false]],
    ['maxIndent 0 ignores indented fences', ' ```\nx', 0, [false, false]],
    ['unclosed runs to the end', '```\nx\ny', 3, [true, true, true]]
  ] as const)('%s', (_name, text, maxIndent, expected) => {
    expect(fencedFlags(text, maxIndent)).toEqual(expected)
  })

  it('keeps line endings and reports an unclosed fence', () => {
    const { lines, unclosed } = readFences('a\r\n~~~~\rb\n')
    expect(lines.map(line => [line.text, line.eol])).toEqual([
      ['a', '\r\n'],
      ['~~~~', '\r'],
      ['b', '\n'],
      ['', '']
    ])
    expect(unclosed).toEqual({ char: '~', length: 4 })
  })
})
