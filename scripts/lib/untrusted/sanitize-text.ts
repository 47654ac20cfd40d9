import { ANSI } from './ansi.js'

// A lone UTF-16 surrogate (from a cut log or a JSON "\ud800") is not text: GitHub rejects or
// mangles it, so it becomes U+FFFD like any other undecodable byte.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g

// Invisible characters that change how text reads without being seen: zero-width space/joiners
// and direction marks (U+200B–U+200F), bidi embeddings/overrides (U+202A–U+202E, "Trojan
// Source"), word joiner and invisible operators (U+2060–U+2064), bidi isolates (U+2066–U+2069),
// BOM/ZWNBSP (U+FEFF), Arabic letter mark (U+061C), Mongolian vowel separator (U+180E), and the
// Unicode tag characters U+E0000–U+E007F (invisible "ASCII smuggling"; only subdivision flags
// such as England's use them, and they lose nothing but the flag).
const INVISIBLE =
  /[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\u061c\u180e]|\udb40[\udc00-\udc7f]/g

// C0 and C1 controls other than \n and \t (\r is already gone), and DEL.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f]/g

// HTML comment delimiters, plus '--!>' which HTML parsers also accept as a comment end.
const COMMENT_DELIMITER = /<!--|--!?>/g

/** U+2010 HYPHEN: looks like '-', but '<!‐‐' opens no comment and '‐‐>' closes none. */
const HYPHEN = '\u2010'

// Zero-width characters can't defang the comment delimiters: this very function strips them, and
// '<!-\u200c-' would come out as '<!--'. A visible U+2010 survives, and the text still reads as
// '<!--'. The order of the steps matters; see the last one.

/** Strips ANSI, invisible and control characters; writes `<!--`, `-->` with U+2010 hyphens. */
export function sanitizeText(text: string): string {
  return (
    text
      .replace(LONE_SURROGATE, '\ufffd')
      .replace(/\r\n?/g, '\n')
      .replace(ANSI, '')
      // U+2028/U+2029 are line breaks to a reader but not to markdown; make them real ones.
      .replace(/[\u2028\u2029]/g, '\n')
      .replace(INVISIBLE, '')
      .replace(CONTROL, '')
      // Last, so that removing characters above cannot assemble a new '<!--' ('<!-\u200b-').
      .replace(COMMENT_DELIMITER, delimiter => delimiter.replaceAll('-', HYPHEN))
  )
}
