/**
 * The log analysis entry point: stream a failed job's log in, get the failed step, its key
 * error lines, an excerpt, the category and the signature to fingerprint.
 *
 * ```ts
 * const analysis = await analyzeLog(response.body, { steps: job.steps })
 * const fingerprint = fingerprintFailure({ workflow, job: job.name, step: analysis.failedStep?.name ?? null,
 *   category: analysis.category, signature: analysis.signature, terminal: analysis.terminal })
 * ```
 */
import type { Baseline } from './baseline.js'
import type { FailureCategory, JobStep, LogAnalysis } from './types.js'
import { classifyFailure, isSetupStep } from './classify-failure.js'
import { isClosing } from './match-line.js'
import { extractExcerpt, type ExcerptCandidate, type NumberedLine } from './extract-excerpt.js'
import { canonicalSignature } from './fingerprint-failure.js'
import { LogScanner, type ScanResult, type ScannedHit } from './scan-log.js'
import { findFailedSections } from './split-steps.js'

export interface AnalyzeOptions {
  /** the job's steps from the jobs API; without them the failed step is found from the log alone */
  steps?: JobStep[]
  /** the failed step from the API, when known */
  failedStep?: { name: string; number: number } | null
  /** the most excerpt lines (the action's `log-lines` input); default 50 */
  maxLines?: number
  /** the most excerpt bytes; default 8192 */
  maxBytes?: number
  /** the lines of a green log of the same job: lines seen there are not the news */
  baseline?: Baseline | null
}

const DEFAULT_MAX_LINES = 50
const DEFAULT_MAX_BYTES = 8192

const TERMINAL_ORDER = ['timeout', 'shutdown', 'cancelled'] as const

/**
 * A push-style analyzer: `write()` chunks as they arrive (bytes in any split, or strings),
 * then `end()`. Memory stays bounded whatever the log size. Chunks are referenced, not
 * copied, until they are old: do not modify a chunk after writing it.
 */
export function createLogAnalyzer(options: AnalyzeOptions = {}): {
  write(chunk: Uint8Array | string): void
  end(): LogAnalysis
} {
  const scanner = new LogScanner(options.baseline ?? null)
  let result: LogAnalysis | null = null
  return {
    write(chunk) {
      scanner.write(chunk)
    },
    end() {
      result ??= summarize(scanner.end(), options)
      return result
    }
  }
}

/** Analyzes a whole log: a stream of chunks (e.g. a fetch body or fs.createReadStream), or bytes/text. */
export async function analyzeLog(
  source: AsyncIterable<Uint8Array | string> | Uint8Array | string,
  options: AnalyzeOptions = {}
): Promise<LogAnalysis> {
  const analyzer = createLogAnalyzer(options)
  if (typeof source === 'string' || source instanceof Uint8Array) analyzer.write(source)
  else for await (const chunk of source) analyzer.write(chunk)
  return analyzer.end()
}

function toCandidate(hit: ScannedHit, verdict: boolean): ExcerptCandidate {
  return {
    line: hit.line,
    text: hit.text,
    tier: hit.tier,
    weight: hit.pattern.weight + (verdict ? 1 : 0),
    window: hit.window,
    anchor: hit.anchor,
    id: hit.pattern.id,
    following: hit.following,
    warning: hit.pattern.severity === 'warning',
    closing: isClosing(hit.text.trim())
  }
}

/**
 * The output of the command that failed, when the step echoed its commands (Travis `$ cmd`,
 * `[command]…`): a step that runs several commands fails in one
 * of them, and what the others printed (an install's warnings, an optional check) is not the
 * cause. It runs from the last echo before the first command that says it failed (Travis
 * `The command "…" exited with 1.`), else from the last echo that printed a match.
 */
function failingCommand(sections: readonly ScanResult['sections'][number][]): {
  from: number
  to: number
} | null {
  const commands = sections.flatMap(s => s.commands)
  if (commands.length === 0) return null
  // what a pattern matched (a line that is only new next to the green log does not count)
  const strong = sections.flatMap(s => s.hits).filter(h => h.tier <= 3 && h.pattern.id !== 'novel')
  const failure = sections.flatMap(s => s.commandFailures)[0]
  if (failure !== undefined) {
    // the command that says it failed, whether or not a signature knows its output
    const from = [...commands].reverse().find(n => n < failure)
    return from === undefined ? null : { from, to: failure }
  }
  const printed = (from: number) => strong.some(h => h.line > from)
  const from = [...commands].reverse().find(n => printed(n))
  return from === undefined ? null : { from, to: Number.POSITIVE_INFINITY }
}

/** The matches of the failing command (and the weak words around), when it is known. */
function focusOn(
  hits: readonly ScannedHit[],
  focus: { from: number; to: number } | null
): ScannedHit[] {
  if (focus === null) return [...hits]
  return hits.filter(h => h.tier === 4 || (h.line > focus.from && h.line <= focus.to))
}

function summarize(scan: ScanResult, options: AnalyzeOptions): LogAnalysis {
  const failed = findFailedSections(scan.sections, {
    ...(options.steps ? { steps: options.steps } : {}),
    failedStep: options.failedStep ?? null
  })
  const chosen = failed.sections.flatMap(i => scan.sections[i] ?? [])
  const hits = chosen.flatMap(s => s.hits)
  // an action (or the runner setting up the job) logs errors as it goes and ends with the one
  // it fails on (`core.setFailed`): its last `##[error]` is its verdict, first among them
  const verdicts = new Set(
    chosen
      .filter(s => !s.scripted && !s.scriptExit)
      .map(s => s.hits.filter(h => h.tier === 2).at(-1))
  )
  const byCandidate = new Map<ExcerptCandidate, ScannedHit>()
  const focus = failingCommand(chosen)
  const candidates = focusOn(hits, focus).map(hit => {
    const candidate = toCandidate(hit, verdicts.has(hit))
    byCandidate.set(candidate, hit)
    return candidate
  })
  const tail: NumberedLine[] = chosen.flatMap(s => s.tail)
  const excerpt = extractExcerpt(candidates, tail, {
    maxLines: options.maxLines ?? DEFAULT_MAX_LINES,
    maxBytes: options.maxBytes ?? DEFAULT_MAX_BYTES
  })

  const terminals = chosen.map(s => s.terminal).filter(t => t !== null)
  const terminal = TERMINAL_ORDER.find(t => terminals.includes(t)) ?? null
  const exitCode =
    chosen
      .map(s => s.exitCode)
      .filter(c => c !== null)
      .at(-1) ?? null
  const keyCategories = excerpt.keyCandidates.map(c => byCandidate.get(c)?.pattern.category ?? null)
  const candidateCategories = [...candidates]
    .filter(c => c.tier <= 3)
    .sort((a, b) => a.tier - b.tier || b.weight - a.weight || a.line - b.line)
    .map(c => byCandidate.get(c)?.pattern.category ?? null)
  const titles = chosen.map(s => s.title)
  const category: FailureCategory = classifyFailure({
    keyCategories,
    candidateCategories,
    stepNames: [failed.step?.name, ...titles],
    terminal,
    setupStep:
      chosen.some(s => s.kind === 'setup') ||
      titles.some(t => isSetupStep(t)) ||
      isSetupStep(failed.step?.name),
    advisoryCount: 0
  })

  let signature: string[]
  if (terminal !== null) signature = [`terminal:${terminal}`]
  else if (category === 'security') {
    const advisories = [...new Set(chosen.flatMap(s => s.advisories))].sort()
    signature = advisories.length > 0 ? advisories : canonicalSignature(excerpt.keyLines)
  } else signature = canonicalSignature(excerpt.keyLines)

  return {
    failedStep: failed.step,
    category,
    terminal,
    keyLines: excerpt.keyLines,
    excerpt: excerpt.excerpt,
    excerptLines: excerpt.excerptLines,
    exitCode,
    signature,
    totalLines: scan.totalLines,
    bytes: scan.bytes
  }
}
