import { formatCommentMarker, formatMetadata } from './marker.js'
import type { GitHub, IssueMetadata } from './types.js'

/** Runs kept in an issue's metadata; the count goes on beyond it. */
const MAX_RUNS = 100
const OCCURRENCE = /<!-- log-bugs:occurrence=(\d+)-(\d+) -->/

export interface RunKey {
  id: number
  attempt: number
}

export const occurrenceKey = (run: RunKey): string => `${run.id}-${run.attempt}`

interface ApiComment {
  id: number
  body?: string | null
  user?: { login?: string } | null
}

/** The runs recorded on an issue: its own metadata plus one per occurrence comment by the bot. */
export async function listOccurrences(
  github: GitHub,
  target: { owner: string; repo: string; issue: number; botLogin: string }
): Promise<{ runs: RunKey[]; comments: { id: number; key: string }[] }> {
  const comments = await github.paginate<ApiComment>(
    'GET /repos/{owner}/{repo}/issues/{issue_number}/comments',
    {
      owner: target.owner,
      repo: target.repo,
      issue_number: target.issue,
      per_page: 100
    }
  )
  const runs: RunKey[] = []
  const found: { id: number; key: string }[] = []
  for (const comment of comments) {
    if (comment.user?.login !== target.botLogin) continue
    const match = OCCURRENCE.exec(comment.body ?? '')
    if (!match) continue
    const run = { id: Number(match[1]), attempt: Number(match[2]) }
    runs.push(run)
    found.push({ id: comment.id, key: occurrenceKey(run) })
  }
  return { runs, comments: found }
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

export const occurrenceMarker = (run: RunKey): string =>
  formatCommentMarker('occurrence', occurrenceKey(run))
