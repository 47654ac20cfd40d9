import { redactSecrets } from '../untrusted/redact-secrets.js'
import { sanitizeText } from '../untrusted/sanitize-text.js'

// Backtick runs that begin a line, after any indentation. CommonMark closes a fence only with a
// run at least as long as the opening one after ≤ 3 spaces; counting runs after any indentation
// too costs nothing and also covers a caller that indents the block. '\r' ends a line in
// CommonMark as well, which the 'm' flag's '^' also honours.
const LINE_START_BACKTICKS = /^[ \t]*(`+)/gm

// fenceCode only formats; untrusted text goes through fenceUntrusted. Place the block at column 0:
// inside a list item or a quote, every line of it would need the container's prefix.

/** A fence `text` cannot close: one backtick longer than any backtick run that starts a line. */
export function fenceCode(text: string, info = ''): string {
  let longest = 0
  for (const found of text.matchAll(LINE_START_BACKTICKS)) {
    longest = Math.max(longest, found[1]?.length ?? 0)
  }
  const fence = '`'.repeat(Math.max(3, longest + 1))
  // CommonMark: a backtick fence's info string may not contain backticks.
  const safeInfo = info.replace(/[^A-Za-z0-9_+.#-]/g, '').slice(0, 32)
  const body = text === '' || /[\r\n]$/.test(text) ? text : `${text}\n`
  return `${fence}${safeInfo}\n${body}${fence}`
}

/** sanitizeText → redactSecrets → fenceCode: the one call for log text. */
export function fenceUntrusted(text: string, info = ''): { text: string; count: number } {
  const redacted = redactSecrets(sanitizeText(text))
  return { text: fenceCode(redacted.text, info), count: redacted.count }
}
