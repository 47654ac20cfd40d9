import { escapeInline } from '../markdown/escape-markdown.js'
import { link } from '../markdown/link.js'
import { formatCommentMarker, formatMetadata, parseMetadata } from '../markdown/marker.js'
import { renderTemplate, type TemplateView } from '../markdown/render-template.js'
import { closes, outcomeFingerprint, outcomeIssue, outcomeSeen, type Outcome } from './outcome.js'
import type { RunContext, TrackedIssues } from './types.js'

/** Issues listed in one PR comment at most; older ones drop off the end. */
const MAX_LISTED = 30

/** An issue as the PR comment's metadata remembers it between runs. */
export interface ListedIssue {
  number: number
  fingerprint: string
  title: string
  lastSeen: string
  seen: number
}

/** `<!-- log-bugs:pr-comment=<number> -->`: how log-bugs finds its comment on a PR again. */
const prCommentMarker = (pr: number): string => formatCommentMarker('pr-comment', String(pr))

/** The issues an earlier version of the comment listed, from its metadata block. */
function previousIssues(body: string): ListedIssue[] {
  const meta = parseMetadata(body) as { issues?: unknown } | null
  if (!meta || !Array.isArray(meta.issues)) return []
  return meta.issues.filter(
    (item): item is ListedIssue =>
      typeof item === 'object' &&
      item !== null &&
      typeof (item as ListedIssue).number === 'number' &&
      typeof (item as ListedIssue).title === 'string'
  )
}

export interface PrCommentInput {
  template: string
  context: RunContext
  /** what became of this run's failures, and the issues it closed */
  outcomes: readonly Outcome[]
  /** the open issues log-bugs tracks: an earlier issue that is not among them was closed */
  tracked: TrackedIssues
  /** the body of the comment this run edits, or '' */
  previousBody: string
  now: string
}

/**
 * The comment's text: the issues an earlier version listed, updated with this run's, newest
 * first. An issue of an earlier run that is no longer open shows as closed: the run's one list
 * of open issues answers that without a request per issue.
 */
export function renderPrComment(input: PrCommentInput): string {
  const { context } = input
  const outcomes = input.outcomes.filter(o => !closes(o))
  const closed = new Set(input.outcomes.filter(closes).map(o => outcomeIssue(o)?.number))
  const pr = context.pr
  if (!pr) throw new TypeError('renderPrComment: the run has no pull request')
  const listed = new Map<number, ListedIssue>()
  for (const previous of previousIssues(input.previousBody)) listed.set(previous.number, previous)
  const current = new Map<number, Outcome>()
  for (const outcome of outcomes) {
    const issue = outcomeIssue(outcome)
    if (issue === null) continue
    if (!current.has(issue.number)) current.set(issue.number, outcome)
    listed.set(issue.number, {
      number: issue.number,
      fingerprint: outcomeFingerprint(outcome),
      title: issue.title,
      lastSeen: input.now,
      seen: outcomeSeen(outcome)
    })
  }
  const open = new Set(Object.values(input.tracked).map(issue => issue.number))
  const shown = [...listed.values()].sort((a, b) => b.number - a.number).slice(0, MAX_LISTED)
  const rows: TemplateView[] = shown.map(item => {
    const outcome = current.get(item.number)
    return {
      link: link(
        `#${item.number}`,
        `${context.serverUrl}/${context.owner}/${context.repo}/issues/${item.number}`
      ),
      status: outcome
        ? outcome.kind === 'filed'
          ? 'open · new'
          : `open · seen ${item.seen}×`
        : open.has(item.number) && !closed.has(item.number)
          ? 'open · not seen in this run'
          : 'closed',
      title: escapeInline(item.title, 120),
      lastSeen: item.lastSeen.slice(0, 16).replace('T', ' ') + ' UTC'
    }
  })
  const failing = outcomes.length
  return renderTemplate(input.template, {
    summary:
      failing === 0
        ? 'No failure in the latest run.'
        : `${link(`Run ${context.runId}`, context.runUrl)} (attempt ${context.attempt}) failed in ${failing} distinct way${failing === 1 ? '' : 's'}.`,
    issues: rows,
    run: link(`run ${context.runId}`, context.runUrl),
    attempt: String(context.attempt),
    marker: prCommentMarker(pr.number),
    metadata: formatMetadata({ version: 1, pr: pr.number, issues: shown })
  })
}
