import { findReferences } from '../untrusted/find-references.js'
import { redactSecrets } from '../untrusted/redact-secrets.js'
import { sanitizeText } from '../untrusted/sanitize-text.js'

const ELLIPSIS = '…'

// 256 characters is the widely reported issue title limit (docs/github-platform.md §6: unverified,
// 1,024 was also observed); staying under it is safe either way.
const TITLE_HARD_MAX = 256

// Inputs longer than this are cut before the (linear, but not free) work: output is at most
// maxLength anyway. The last 4 KiB before the cut are dropped after redaction too, so that a
// secret the cut split in half (and so could not recognise) never reaches the output.
const WORK_LIMIT = 65_536
const SPLIT_SECRET_MARGIN = 4_096

// Characters that would start markdown or GFM syntax in a table cell, list item or link text:
// emphasis, links and images, headings, lists, tables, strikethrough, math ('$'), setext
// underlines ('='). '<', '>' and '&' become entities instead: those also hold inside HTML, where
// backslash escapes don't.
const BACKSLASH_ESCAPED = new Set('\\`*_{}[]()#+-!|~$='.split(''))
const ENTITIES: Record<string, string> = { '<': '&lt;', '>': '&gt;', '&': '&amp;' }

interface Piece {
  /** the markdown for this piece */
  text: string
  /** set for a code span: its content, which may be cut on a code-point boundary */
  code?: string
}

// escapeInline: sanitised and redacted (cheap, and a token pasted into a PR title is still a
// token), whitespace collapsed, every markdown special escaped, mentions, references and
// autolinks put in code spans. maxLength counts UTF-16 units of the output, '…' included; the cut
// never falls inside an escape, an entity or a surrogate pair, and a code span cut short is
// closed again. Code spans don't work inside raw HTML blocks: use it in markdown contexts only.

/** One line of inert markdown (table cell, list item, link text), at most `maxLength` (200). */
export function escapeInline(text: string, maxLength = 200): string {
  const limit = clampLength(maxLength, 200, Number.MAX_SAFE_INTEGER)
  const { text: plain, cut } = prepare(text, limit)
  const pieces: Piece[] = []
  const pushText = (part: string): void => {
    for (const char of part) pieces.push({ text: ENTITIES[char] ?? escapeChar(char) })
  }
  let position = 0
  for (const range of findReferences(plain, { links: true })) {
    pushText(plain.slice(position, range.start))
    // '\' would escape our backtick, '`' would lengthen it, '$`' opens GitHub inline math
    if (/[\\`$]$/.test(pieces.at(-1)?.text ?? '')) pieces.push({ text: ' ' })
    const code = plain.slice(range.start, range.end)
    pieces.push({ text: `\`${code}\``, code })
    position = range.end
  }
  pushText(plain.slice(position))
  escapeOrderedListMarker(pieces)
  return cutPieces(pieces, limit, cut)
}

// Titles are plain text: GitHub renders no markdown there, so nothing is escaped. GitHub does not
// notify on a title's mentions, but integrations that mirror titles may. '＠' (U+FF20) reads as
// '@' and pings nobody; a zero-width joiner would be stripped by sanitizeText and is an
// invisible trick besides.

/** A one-line issue title, `@mention` written `＠mention`, at most `maxLength` (200; max 256). */
export function escapeTitle(text: string, maxLength = 200): string {
  const limit = clampLength(maxLength, 200, TITLE_HARD_MAX)
  const prepared = prepare(text, limit)
  const title = prepared.text.replace(/(?<![A-Za-z0-9])@(?=[A-Za-z0-9_])/g, '\uff20')
  if (title.length <= limit && !prepared.cut) return title
  return `${cutCodePoints(title, limit - ELLIPSIS.length).trimEnd()}${ELLIPSIS}`
}

function prepare(text: string, limit: number): { text: string; cut: boolean } {
  const workLimit = Math.max(WORK_LIMIT, limit * 8)
  const cut = text.length > workLimit
  let prepared = redactSecrets(sanitizeText(cut ? text.slice(0, workLimit) : text)).text
  if (cut) prepared = cutCodePoints(prepared, prepared.length - SPLIT_SECRET_MARGIN)
  return { text: prepared.replace(/\s+/g, ' ').trim(), cut }
}

function escapeChar(char: string): string {
  return BACKSLASH_ESCAPED.has(char) ? `\\${char}` : char
}

/** '1. done' at the start of a list item would start a nested ordered list. */
function escapeOrderedListMarker(pieces: Piece[]): void {
  let index = 0
  while (index < pieces.length && index < 10 && /^[0-9]$/.test(pieces[index]?.text ?? '')) {
    index += 1
  }
  const piece = pieces[index]
  if (index > 0 && piece !== undefined && piece.text === '.') piece.text = '\\.'
}

function cutPieces(pieces: Piece[], limit: number, forceEllipsis: boolean): string {
  const whole = pieces.map(piece => piece.text).join('')
  if (whole.length <= limit && !forceEllipsis) return whole
  const budget = limit - ELLIPSIS.length
  let output = ''
  for (const piece of pieces) {
    if (output.length + piece.text.length <= budget) {
      output += piece.text
      continue
    }
    // A code span can be cut inside; it stays closed, so the mention stays inside code.
    const part =
      piece.code === undefined ? '' : cutCodePoints(piece.code, budget - output.length - 2)
    if (part !== '') output += `\`${part}\``
    break
  }
  return `${output.replace(/ +$/, '')}${ELLIPSIS}`
}

/** The longest prefix of at most `length` UTF-16 units that does not split a surrogate pair. */
function cutCodePoints(text: string, length: number): string {
  if (text.length <= length) return text
  const last = text.charCodeAt(length - 1)
  const end = last >= 0xd800 && last <= 0xdbff ? length - 1 : length
  return text.slice(0, Math.max(0, end))
}

function clampLength(value: number, fallback: number, max: number): number {
  const length = Number.isNaN(value) ? fallback : Math.floor(value)
  return Math.min(Math.max(length, 1), max)
}
