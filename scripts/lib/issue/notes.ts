import { escapeInline } from '../markdown/escape-markdown.js'
import { link } from '../markdown/link.js'
import { isTrunkRun } from './metadata.js'
import type { FailureClass, IssueMetadata, Lifecycle, RunContext } from './types.js'

/**
 * A comment log-bugs posts on an issue: every comment notifies every watcher, so there is one
 * only when a watcher should act. `key` makes it once-only among concurrent runs.
 */
export interface Note {
  key: string
  text: string
}

const runLink = (context: RunContext): string =>
  `${link(`run ${context.runId}`, context.runUrl)} (attempt ${context.attempt})`

const where = (context: RunContext): string =>
  `${escapeInline(context.branch || '(no branch)')}${context.pr ? ` (#${context.pr.number})` : ''}`

/**
 * The notes a repeat calls for: the issue reopened; the failure now on the default branch
 * (everyone's problem now) or found flaky; back after a lifecycle step said it was fixed; or,
 * when none of these, at most one digest per period summing up the runs since the last note.
 */
function onRecord(
  context: RunContext,
  meta: IssueMetadata,
  klass: FailureClass,
  options: { now: string; periodMs: number; reopen: boolean }
): Note[] {
  const run = `${context.runId}-${context.attempt}`
  if (options.reopen)
    return [
      {
        key: `reopen-${run}`,
        text: `Reopened: the failure came back in ${runLink(context)} on ${where(context)}.`
      }
    ]
  if (isTrunkRun(context) && !meta.trunk)
    return [
      {
        key: `trunk-${run}`,
        text: `Now failing on the default branch too (${runLink(context)}): pull requests that hit it are not at fault, and log-bugs lists it under "Broken trunk" on them.`
      }
    ]
  if (klass === 'flaky' && !meta.flakes)
    return [
      {
        key: 'flaky',
        text: `Flaky: this failure passed on a re-run of the same commit before failing in ${runLink(context)}. log-bugs counts the flakes in the issue and does not close it on a green run.`
      }
    ]
  if (meta.lifecycle)
    return [
      {
        key: `back-${run}`,
        text: `Back on ${where(context)} in ${runLink(context)}, after it was marked ${meta.lifecycle}.`
      }
    ]
  const last = Date.parse(meta.notifiedAt ?? meta.firstSeen)
  const now = Date.parse(options.now)
  if (!(now - last >= options.periodMs)) return []
  const since = meta.runs.filter(r => (r.at ?? '') > (meta.notifiedAt ?? ''))
  const prs = [...new Set(since.map(r => r.pr).filter(pr => typeof pr === 'number'))]
  const bucket = Math.floor(now / options.periodMs)
  return [
    {
      key: `digest-${bucket}`,
      text: `Seen ${since.length + 1} more time(s) since ${(meta.notifiedAt ?? '').slice(0, 16).replace('T', ' ')} UTC, last in ${runLink(context)} on ${where(context)}${prs.length > 0 ? `; pull requests: ${prs.map(pr => `#${pr}`).join(', ')}` : ''}. The table in the issue lists the runs.`
    }
  ]
}

/** The note of a lifecycle step, or of a flake found (the first only: later ones are counted). */
function onMark(context: RunContext, meta: IssueMetadata, step: Lifecycle | 'flaky'): Note[] {
  const run = `${context.runId}-${context.attempt}`
  switch (step) {
    case 'fix-pending':
      return [
        {
          key: `fix-pending-${run}`,
          text: `Fix pending: ${runLink(context)} on ${where(context)} failed differently, without this failure, so its fix is probably in.`
        }
      ]
    case 'pending-merge':
      return [
        {
          key: `pending-merge-${run}`,
          text: `Pending merge: ${where(context)} passed in ${runLink(context)}. log-bugs closes this issue when the default branch passes with the fix.`
        }
      ]
    case 'flaky':
      return meta.flakes
        ? []
        : [
            {
              key: 'flaky',
              text: `Flaky: ${runLink(context)} passed on the commit that failed. log-bugs labels the issue, counts the flakes, and does not close it on a green run.`
            }
          ]
  }
}

/** The comment that closes an issue: which run showed the fix on the default branch. */
function onClose(context: RunContext, meta: IssueMetadata | null): string {
  const from =
    meta?.lifecycle === 'pending-merge' && meta.branch !== context.branch
      ? ` The fix from ${escapeInline(meta.branch)} reached it.`
      : ''
  return `Resolved: ${escapeInline(context.branch)} passed in ${runLink(context)}.${from} log-bugs closes this issue; a failure that comes back within the reopen period reopens it.`
}

export const notes = { onRecord, onMark, onClose }
