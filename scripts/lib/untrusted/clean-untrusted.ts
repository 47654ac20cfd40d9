import type { LogAnalysis } from '../log/types.js'
import { redactSecrets } from './redact-secrets.js'
import { sanitizeText } from './sanitize-text.js'

/** Untrusted text with control characters and secrets removed, for anywhere it is shown. */
export function cleanUntrusted(text: string): string {
  return redactSecrets(sanitizeText(text)).text
}

/**
 * Secrets leave the log text as soon as it is read, so no state file, issue or summary holds
 * them. Redaction runs on the whole excerpt, where a multi-line secret (a PEM block) is seen
 * whole; a key line that the excerpt's redaction swallowed is shown redacted too, not alone.
 * The signature stays raw: it is only hashed, never shown.
 */
export function redactAnalysis(analysis: LogAnalysis): LogAnalysis {
  const excerpt = cleanUntrusted(analysis.excerpt)
  const keyLines = analysis.keyLines.map(line => {
    const clean = cleanUntrusted(line)
    const swallowed = analysis.excerpt.includes(line) && !excerpt.includes(clean)
    return swallowed ? '[REDACTED: part of a secret]' : clean
  })
  return { ...analysis, excerpt, keyLines }
}
