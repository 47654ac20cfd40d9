import { describe, expect, it } from 'vitest'
import { escapeInline, escapeTitle } from '../../../scripts/lib/markdown/escape-markdown.js'
import { fenceUntrusted } from '../../../scripts/lib/markdown/fence-code.js'
import {
  formatCommentMarker,
  formatMarker,
  formatMetadata,
  hasCommentMarker,
  parseMarker,
  parseMetadata
} from '../../../scripts/lib/markdown/marker.js'
import { readFences } from '../../../scripts/lib/markdown/read-fences.js'
import { redactSecrets } from '../../../scripts/lib/untrusted/redact-secrets.js'
import { sanitizeText } from '../../../scripts/lib/untrusted/sanitize-text.js'
import { loadHostileCases, type HostileCase } from '../../fixtures/hostile/load-cases.js'

const cases = loadHostileCases()
const logCases = cases.filter(c => c.field === 'log')
const inlineCases = cases.filter(c => c.field !== 'log')
const REAL = `v1:${'0123456789abcdef'.repeat(2)}`

// What GitHub would link in rendered text, written independently of neutralize-mentions.ts and
// on the strict side: any non-alphanumeric character counts as a boundary.
const LIVE_PINGS: [string, RegExp][] = [
  ['mention', /(?:^|[^A-Za-z0-9])@[A-Za-z0-9_]/],
  ['#reference', /(?:^|[^A-Za-z0-9])#[0-9]/],
  ['GH- reference', /(?:^|[^A-Za-z0-9])gh-[0-9]/i],
  ['owner/repo reference', /[A-Za-z0-9]\/[A-Za-z0-9_.-]+#[0-9]/],
  ['issue URL', /\/(?:issues|pulls?|discussions)\/[0-9]/]
]
const LIVE_LINKS: [string, RegExp][] = [
  ['autolink', /[A-Za-z][A-Za-z0-9+.-]*:\/\/|www\./i],
  ['email autolink', /[A-Za-z0-9]@[A-Za-z0-9-]+\.[A-Za-z]/]
]
const CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f]/ // eslint-disable-line no-control-regex
const INVISIBLE = /[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\u061c\u180e]/
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/

/**
 * The text of a markdown body that renders outside code: fenced blocks dropped, code spans
 * replaced by a space (a boundary, as GitHub sees it), backslash escapes and entities decoded.
 */
function textOutsideCode(markdown: string): string {
  return readFences(markdown)
    .lines.filter(line => !line.fenced)
    .map(line => inlineTextOutsideCode(line.text))
    .join('\n')
}

function inlineTextOutsideCode(line: string): string {
  let text = ''
  let i = 0
  while (i < line.length) {
    const char = line[i] ?? ''
    if (char === '\\' && /[!-/:-@[-`{-~]/.test(line[i + 1] ?? '')) {
      text += line[i + 1]
      i += 2
    } else if (char === '`') {
      let length = 1
      while (line[i + length] === '`') length += 1
      const close = findBacktickRun(line, i + length, length)
      text += close === -1 ? '`'.repeat(length) : ' '
      i = close === -1 ? i + length : close + length
    } else if (char === '&' && /^&(?:#[0-9]+|#x[0-9a-f]+|[a-z]+);/i.test(line.slice(i, i + 12))) {
      const entity = /^&(#[0-9]+|#x[0-9a-f]+|[a-z]+);/i.exec(line.slice(i, i + 12))?.[0] ?? '&'
      text += decodeEntity(entity)
      i += entity.length
    } else {
      text += char
      i += 1
    }
  }
  return text
}

function findBacktickRun(line: string, from: number, length: number): number {
  const runs = /`+/g
  runs.lastIndex = from
  let found: RegExpExecArray | null
  while ((found = runs.exec(line)) !== null) if (found[0].length === length) return found.index
  return -1
}

function decodeEntity(entity: string): string {
  const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', commat: '@', num: '#' }
  const name = entity.slice(1, -1)
  if (name.startsWith('#x') || name.startsWith('#X'))
    return String.fromCodePoint(parseInt(name.slice(2), 16))
  if (name.startsWith('#')) return String.fromCodePoint(parseInt(name.slice(1), 10))
  return named[name.toLowerCase()] ?? entity
}

/** Occurrences of `needle` preceded by the start or a non-alphanumeric character. */
function isLive(text: string, needle: string): boolean {
  let index = text.indexOf(needle)
  while (index !== -1) {
    if (index === 0 || /[^A-Za-z0-9]/.test(text[index - 1] ?? '')) return true
    index = text.indexOf(needle, index + 1)
  }
  return false
}

function expectNoLive(markdown: string, patterns: [string, RegExp][]): void {
  const text = textOutsideCode(markdown)
  for (const [name, pattern] of patterns) {
    expect(pattern.exec(text)?.[0], `live ${name} in ${JSON.stringify(text.slice(0, 300))}`).toBe(
      undefined
    )
  }
}

function expectNoForgedMarkers(body: string): void {
  expect(parseMarker(body)).toBeNull()
  expect(parseMetadata(body)).toBeNull()
  expect(hasCommentMarker(body, 'pr-comment', '42')).toBe(false)
  expect(hasCommentMarker(body, 'occurrence', '1-1')).toBe(false)
  expect(parseMarker(`${body}\n\n${formatMarker(REAL)}`)).toBe(REAL)
  expect(parseMarker(`${formatMarker(REAL)}\n\n${body}`)).toBe(REAL)
  expect(body).not.toMatch(/<!--|--!?>/)
}

function expectClean(text: string): void {
  expect(text).not.toMatch(CONTROL)
  expect(text).not.toMatch(INVISIBLE)
  expect(text).not.toMatch(LONE_SURROGATE)
  expect(text).not.toContain('\r')
}

function expectContents(output: string, c: HostileCase): void {
  for (const needle of c.mustNotContain) expect(output).not.toContain(needle)
  for (const needle of c.mustContain) expect(output).toContain(needle)
}

describe('hostile corpus', () => {
  it('is well formed', () => {
    const ids = cases.map(c => c.id)
    expect(new Set(ids).size).toBe(ids.length)
    for (const c of cases) {
      expect(['branch', 'prTitle', 'log', 'jobName', 'stepName', 'prAuthor']).toContain(c.field)
      for (const secret of c.secrets) expect(c.mustNotContain).toContain(secret)
      // the case must carry what it forbids (once sanitised: some hide it behind ANSI or ZWSP)
      for (const secret of c.secrets) expect(sanitizeText(c.value)).toContain(secret)
    }
    expect(logCases.length).toBeGreaterThanOrEqual(50)
    expect(inlineCases.length).toBeGreaterThanOrEqual(40)
  })

  describe('log text: sanitizeText → redactSecrets → fenceCode', () => {
    it.each(logCases)('$id', c => {
      const body = fenceUntrusted(c.value, 'text').text
      const lines = body.split('\n')
      const fence = /^`{3,}/.exec(lines[0] ?? '')?.[0] ?? ''
      expect(lines[0]).toBe(`${fence}text`)
      // CommonMark ends the block at the first line of ≥ `fence` backticks: only the last line
      const closes = new RegExp(`^ {0,3}\`{${fence.length},}[ \\t]*$`)
      const closing = lines.flatMap((line, index) =>
        index > 0 && closes.test(line) ? [index] : []
      )
      expect(closing).toEqual([lines.length - 1])
      expect(readFences(body).lines.every(line => line.fenced)).toBe(true)
      expectClean(body)
      expectContents(body, c)
      expectNoForgedMarkers(body)
      expect(textOutsideCode(body)).toBe('')
    })
  })

  describe('inline fields: escapeInline and escapeTitle', () => {
    it.each(inlineCases)('$id', c => {
      const inline = escapeInline(c.value)
      expect(inline.length).toBeLessThanOrEqual(200)
      expect(escapeInline(c.value, 40).length).toBeLessThanOrEqual(40)
      expect(inline).not.toMatch(/[<>\n]/)
      // a table cell: every '|' escaped by an odd number of backslashes
      expect(inline.replace(/\\\\/g, '')).not.toMatch(/(?<!\\)\|/)
      expectClean(inline)
      expectContents(inline, c)
      expectNoForgedMarkers(inline)
      expectNoLive(inline, [...LIVE_PINGS, ...LIVE_LINKS])
      for (const ping of c.mustNotPing) expect(isLive(textOutsideCode(inline), ping)).toBe(false)

      const title = escapeTitle(c.value)
      expect(title.length).toBeLessThanOrEqual(200)
      expect(escapeTitle(c.value, 1000).length).toBeLessThanOrEqual(256)
      expect(title).toBe(title.trim())
      expectClean(title)
      expect(title).not.toMatch(/\n/)
      expect(title).not.toMatch(LIVE_PINGS[0]?.[1] ?? /$^/)
      for (const secret of c.secrets) expect(title).not.toContain(secret)
    })
  })

  describe('every helper takes every value', () => {
    it.each(cases)('$id', c => {
      const clean = sanitizeText(c.value)
      expect(sanitizeText(clean)).toBe(clean)
      expectClean(clean)
      const redacted = redactSecrets(clean)
      expect(redactSecrets(redacted.text).count).toBe(0)
      for (const secret of c.secrets) expect(redacted.text).not.toContain(secret)
      // as markdown: mentions and references end up in code, whatever the value does
      expectNoLive(escapeInline(c.value, 100_000), LIVE_PINGS)
      expect(escapeInline(c.value).length).toBeLessThanOrEqual(200)
      expect(escapeTitle(c.value).length).toBeLessThanOrEqual(200)
    })
  })

  it('keeps a whole issue body parseable', () => {
    const field = (name: string): string => cases.find(c => c.field === name)?.value ?? ''
    const meta = { version: 1, fingerprint: REAL, branch: field('branch') }
    const body = [
      `## ${escapeInline(field('jobName'))}`,
      '',
      '| Branch | PR | Author |',
      '| --- | --- | --- |',
      `| ${escapeInline(field('branch'))} | ${escapeInline(field('prTitle'))} | ${escapeInline(field('prAuthor'))} |`,
      '',
      ...logCases.filter(c => c.value.length < 100_000).map(c => fenceUntrusted(c.value).text),
      '',
      formatMetadata(meta),
      formatMarker(REAL),
      formatCommentMarker('pr-comment', '7')
    ].join('\n')
    expect(parseMarker(body)).toBe(REAL)
    expect(parseMetadata(body)).toEqual(meta)
    expect(hasCommentMarker(body, 'pr-comment', '7')).toBe(true)
    expect(hasCommentMarker(body, 'pr-comment', '42')).toBe(false)
    expectNoLive(body.split('<!-- log-bugs:')[0] ?? '', [...LIVE_PINGS, ...LIVE_LINKS])
    // the table row still has exactly its four cell delimiters
    const row = body.split('\n')[4] ?? ''
    expect(row.replace(/\\\\/g, '').match(/(?<!\\)\|/g)).toHaveLength(4)
  })
})
