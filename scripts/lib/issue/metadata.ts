import { formatMetadata, parseMetadata } from '../markdown/marker.js'
import { cleanUntrusted } from '../untrusted/clean-untrusted.js'
import type { IssueMetadata, RunContext, RunKey } from './types.js'

/** Runs kept in an issue's metadata; the count goes on beyond it. */
const MAX_RUNS = 100

/** What ties an issue to "its" workflow: the file path, which is stable, else the name. */
export const workflowKey = (context: RunContext): string =>
  context.workflow.path || context.workflow.name

/** `1234-2`: a run and attempt, as occurrence markers and metadata name it. */
export const occurrenceKey = (run: RunKey): string => `${run.id}-${run.attempt}`

/** The metadata block of an issue this run files. */
export function newMetadata(context: RunContext, fingerprint: string, now: string): IssueMetadata {
  return {
    version: 1,
    fingerprint,
    workflow: workflowKey(context),
    featureId: context.feature.id,
    branch: cleanUntrusted(context.branch),
    pr: context.pr?.number ?? null,
    runs: [{ id: context.runId, attempt: context.attempt }],
    attemptCount: 1,
    firstSeen: now,
    lastSeen: now
  }
}

/** Metadata with the runs merged (each run and attempt once, oldest first) and counts updated. */
export function mergeRuns(meta: IssueMetadata, runs: RunKey[], now: string): IssueMetadata {
  const seen = new Map<string, RunKey>()
  for (const run of [...meta.runs, ...runs])
    seen.set(occurrenceKey(run), { id: run.id, attempt: run.attempt })
  const all = [...seen.values()]
  const attemptCount = Math.max(meta.attemptCount, all.length)
  return { ...meta, runs: all.slice(-MAX_RUNS), attemptCount, lastSeen: now }
}

/** The body with its metadata block replaced (or added when a human deleted it). */
export function replaceMetadata(body: string, meta: IssueMetadata): string {
  const block = formatMetadata(meta)
  const start = body.lastIndexOf('<!-- log-bugs:metadata')
  if (start === -1) return `${body.trimEnd()}\n${block}\n`
  const end = body.indexOf('-->', start)
  return end === -1
    ? `${body.slice(0, start)}${block}\n`
    : `${body.slice(0, start)}${block}${body.slice(end + 3)}`
}

/** An issue body's metadata block, when it has a usable one. */
export function readIssueMetadata(body: string): IssueMetadata | null {
  const value = parseMetadata(body)
  if (typeof value !== 'object' || value === null) return null
  const meta = value as Partial<IssueMetadata>
  if (typeof meta.fingerprint !== 'string' || !Array.isArray(meta.runs)) return null
  return meta as IssueMetadata
}
