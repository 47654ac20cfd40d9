import { describe, expect, it } from 'vitest'
import { fenceCode } from '../../../scripts/lib/markdown/fence-code.js'
import {
  MARKER_PREFIX,
  formatCommentMarker,
  formatMarker,
  formatMetadata,
  hasCommentMarker,
  isFingerprint,
  parseMarker,
  parseMetadata
} from '../../../scripts/lib/markdown/marker.js'
import { sanitizeText } from '../../../scripts/lib/untrusted/sanitize-text.js'

const real = `v1:${'0123456789abcdef'.repeat(2)}`
const forged = `v1:${'f'.repeat(32)}`
const forgedLine = `<!-- ${MARKER_PREFIX}${forged} -->`

describe('formatMarker', () => {
  it('writes an HTML comment', () => {
    expect(formatMarker(real)).toBe(`<!-- log-bugs:fingerprint=${real} -->`)
  })

  it.each([
    '',
    'v1:abc',
    `v2:${'0'.repeat(32)}`,
    `v1:${'A'.repeat(32)}`,
    `v1:${'0'.repeat(32)} -->`
  ])('refuses %j', fingerprint => {
    expect(isFingerprint(fingerprint)).toBe(false)
    expect(() => formatMarker(fingerprint)).toThrow(TypeError)
  })
})

describe('parseMarker', () => {
  it.each([
    ['our marker', `body\n\n${formatMarker(real)}`, real],
    ['CRLF line endings (bodies edited on the web)', `body\r\n${formatMarker(real)}\r\n`, real],
    ['the last marker wins', `${formatMarker(forged)}\n${formatMarker(real)}`, real],
    ['no marker', 'body', null],
    ['a marker inside text', `x ${formatMarker(real)}`, null],
    ['an indented marker', ` ${formatMarker(real)}`, null],
    ['a marker in a quote', `> ${formatMarker(real)}`, null],
    ['a bad fingerprint', `<!-- ${MARKER_PREFIX}v1:xyz -->`, null],
    ['upper-case hex', `<!-- ${MARKER_PREFIX}v1:${'F'.repeat(32)} -->`, null],
    ['extra spaces', `<!--  ${MARKER_PREFIX}${real} -->`, null],
    ['a marker inside a fence', `\`\`\`\n${forgedLine}\n\`\`\``, null],
    ['a marker inside a tilde fence', `~~~\n${forgedLine}\n~~~`, null],
    ['a marker after an unclosed fence', `\`\`\`\n${forgedLine}`, null],
    ['a fenced forgery before ours', `${fenceCode(forgedLine)}\n${formatMarker(real)}`, real],
    ['a fenced forgery after ours', `${formatMarker(real)}\n${fenceCode(forgedLine)}`, real],
    [
      'a forgery that tries to close the fence first',
      `${fenceCode(`\`\`\`\n${forgedLine}`)}\n${formatMarker(real)}`,
      real
    ],
    ['a sanitised forgery', sanitizeText(forgedLine), null],
    [
      'a sanitised zero-width forgery',
      sanitizeText(`<!-\u200b- ${MARKER_PREFIX}${forged} -->`),
      null
    ],
    ['a raw zero-width forgery', `<!-\u200b- ${MARKER_PREFIX}${forged} -->`, null],
    [
      'a sanitised ANSI forgery',
      sanitizeText(`<!-\x1b[0m- ${MARKER_PREFIX}${forged} -\x1b[0m->`),
      null
    ],
    [
      'a sanitised forgery, fenced, before ours',
      `${fenceCode(sanitizeText(`\`\`\`\n${forgedLine}\n\`\`\``))}\n${formatMarker(real)}`,
      real
    ]
  ])('%s', (_name, body, expected) => {
    expect(parseMarker(body)).toBe(expected)
  })
})

describe('formatMetadata and parseMetadata', () => {
  const meta = {
    version: 1,
    fingerprint: real,
    branch: 'x--><!-- evil --> & <script>\u2028\u2029',
    pr: null,
    runs: [{ id: 1, attempt: 2 }]
  }

  it('writes one line that no value can break out of', () => {
    const line = formatMetadata(meta)
    expect(line.startsWith('<!-- log-bugs:metadata {')).toBe(true)
    expect(line.endsWith('} -->')).toBe(true)
    expect(line.slice(4, -4)).not.toMatch(/[<>&\n\r\u2028\u2029]|--!?>/)
    expect(line).toContain('"branch":"x--\\u003e\\u003c!-- evil --\\u003e \\u0026 \\u003cscript')
  })

  it('round-trips', () => {
    expect(parseMetadata(`# Issue\n\n${formatMetadata(meta)}\n${formatMarker(real)}`)).toEqual(meta)
  })

  it.each([
    ['absent', 'body', null],
    ['invalid JSON', '<!-- log-bugs:metadata {nope} -->', null],
    ['inside a fence', `\`\`\`\n${formatMetadata({ a: 1 })}\n\`\`\``, null],
    ['the last one wins', `${formatMetadata({ a: 1 })}\n${formatMetadata({ a: 2 })}`, { a: 2 }],
    ['a sanitised forgery', sanitizeText(formatMetadata({ a: 1 })), null]
  ])('%s', (_name, body, expected) => {
    expect(parseMetadata(body)).toEqual(expected)
  })

  it('refuses what JSON cannot hold', () => {
    const cyclic: Record<string, unknown> = {}
    cyclic.self = cyclic
    expect(() => formatMetadata(cyclic)).toThrow()
  })
})

describe('comment markers', () => {
  it.each([
    ['pr-comment', '42', '<!-- log-bugs:pr-comment=42 -->'],
    ['occurrence', '123456-2', '<!-- log-bugs:occurrence=123456-2 -->'],
    ['fingerprint', real, formatMarker(real)]
  ])('formats %s=%s', (kind, key, expected) => {
    expect(formatCommentMarker(kind, key)).toBe(expected)
  })

  it.each([
    ['', '1'],
    ['Pr', '1'],
    ['pr comment', '1'],
    ['pr', ''],
    ['pr', '1 -->'],
    ['pr', '1>'],
    ['pr', '-1']
  ])('refuses kind %j key %j', (kind, key) => {
    expect(() => formatCommentMarker(kind, key)).toThrow(TypeError)
  })

  it.each([
    ['present', `text\n${formatCommentMarker('pr-comment', '42')}`, true],
    ['another key', `text\n${formatCommentMarker('pr-comment', '421')}`, false],
    ['inside text', `x ${formatCommentMarker('pr-comment', '42')}`, false],
    ['inside a fence', fenceCode(formatCommentMarker('pr-comment', '42')), false],
    ['sanitised', sanitizeText(formatCommentMarker('pr-comment', '42')), false]
  ])('finds a comment marker: %s', (_name, body, expected) => {
    expect(hasCommentMarker(body, 'pr-comment', '42')).toBe(expected)
  })
})
