import { createHash } from 'node:crypto'
import { ADVISORY_ID } from './patterns/pattern.js'
import { normalizeJobName } from './normalize-job-name.js'
import { normalizeLine } from './normalize-line.js'

export interface FingerprintInput {
  /** the workflow file path (`.github/workflows/ci.yml`): stable, unlike the run name */
  workflow: string
  job: string
  step: string | null
  category: string
  /** the normalised key lines (LogAnalysis.signature) */
  signature: string[]
  terminal?: string | null
  exitCode?: number | null
}

/** Bump when anything that feeds the hash changes, so old and new issues do not cross-match. */
export const FINGERPRINT_VERSION = 'v1'
const MAX_SIGNATURE_LINES = 5
const MAX_SIGNATURE_LINE_LENGTH = 200
const MAX_ADVISORY_IDS = 100

/** Whether a signature line is exactly one advisory id (GHSA-…, CVE-…, PYSEC-…). */
function isAdvisoryId(line: string): boolean {
  const match = new RegExp(ADVISORY_ID.source).exec(line)
  return match !== null && match[0] === line
}

/** A step name with its numbers masked (`Shard 3 of 4` → `Shard # of #`). */
export function normalizeStepName(step: string | null): string {
  return step === null ? '' : step.replace(/\d+/g, '#').replace(/\s+/g, ' ').trim()
}

/**
 * Prepares signature lines for hashing: normalised (idempotent on already-normalised lines),
 * cut to 200 characters, deduplicated, sorted (output order is not stable), at most five.
 * A signature of advisory ids (audit output) is kept verbatim: the ids are the identity.
 */
export function canonicalSignature(lines: readonly string[]): string[] {
  if (lines.length > 0 && lines.every(isAdvisoryId)) {
    return [...new Set(lines)].sort().slice(0, MAX_ADVISORY_IDS)
  }
  const unique = new Set<string>()
  for (const line of lines) {
    const text = normalizeLine(line).slice(0, MAX_SIGNATURE_LINE_LENGTH)
    if (text !== '') unique.add(text)
  }
  return [...unique].sort().slice(0, MAX_SIGNATURE_LINES)
}

/**
 * The failure's identity: `v1:` + 32 hex chars of SHA-256 over the workflow path, the job
 * name without matrix values, the step name with numbers masked, the category and the
 * normalised signature. A runner timeout or cancellation hashes its class and step, not text;
 * a failure with no signature at all falls back to its exit code.
 */
export function fingerprintFailure(input: FingerprintInput): string {
  const terminal = input.terminal ?? null
  const signature =
    terminal !== null ? [`terminal:${terminal}`] : canonicalSignature(input.signature)
  if (signature.length === 0) signature.push(`exit-code:${input.exitCode ?? 'none'}`)
  const parts = [
    FINGERPRINT_VERSION,
    input.workflow,
    normalizeJobName(input.job),
    normalizeStepName(input.step),
    input.category,
    ...signature
  ]
  const digest = createHash('sha256').update(parts.join('\u001f'), 'utf8').digest('hex')
  return `${FINGERPRINT_VERSION}:${digest.slice(0, 32)}`
}
