import { escapeInline } from '../markdown/escape-markdown.js'
import { link } from '../markdown/link.js'
import { formatCommentMarker, formatMetadata, parseMetadata } from '../markdown/marker.js'
import { renderTemplate, type TemplateView } from '../markdown/render-template.js'
import {
  closes,
  outcomeClass,
  outcomeFailure,
  outcomeFingerprint,
  outcomeIssue,
  outcomeSeen,
  type Outcome
} from './outcome.js'
import type { FailureClass, RunContext, TrackedIssues } from './types.js'

/** Issues listed in one PR comment at most; older ones drop off the end. */
const MAX_LISTED = 30

/** An issue as the PR comment's metadata remembers it between runs. */
export interface ListedIssue {
  number: number
  fingerprint: string
  title: string
  lastSeen: string
  seen: number
  class?: FailureClass
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

/** The sections of the comment, in order: what the PR must fix first. */
const SECTIONS: { class: FailureClass | 'earlier'; heading: string; intro: string }[] = [
  { class: 'new', heading: 'New', intro: 'Failures this pull request introduced: yours to fix.' },
  {
    class: 'known',
    heading: 'Known',
    intro: 'Seen before on this pull request or another branch.'
  },
  {
    class: 'broken-trunk',
    heading: 'Broken trunk',
    intro: 'Also failing on the default branch: not caused by this pull request.'
  },
  {
    class: 'flaky',
    heading: 'Flaky',
    intro: 'Failed and passed on the same commit: a re-run may pass.'
  },
  {
    class: 'allowed',
    heading: 'Allowed to fail',
    intro: 'Jobs with `continue-on-error`: not blocking.'
  },
  { class: 'earlier', heading: 'Earlier', intro: 'Not seen in this run.' }
]

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`

/**
 * The comment's text, which answers "can I merge?": its first line says how many failures this
 * PR caused and how many are unrelated (broken trunk, flaky), then one section per class. The
 * issues an earlier version listed stay, under "Earlier" when this run did not see them; an
 * issue that is no longer open shows as closed (the run's one list of open issues answers that
 * without a request per issue).
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
  const unfiled: Outcome[] = []
  for (const outcome of outcomes) {
    const issue = outcomeIssue(outcome)
    if (issue === null) {
      unfiled.push(outcome)
      continue
    }
    if (!current.has(issue.number)) current.set(issue.number, outcome)
    const before = listed.get(issue.number)
    const seen = outcomeSeen(outcome)
    listed.set(issue.number, {
      number: issue.number,
      fingerprint: outcomeFingerprint(outcome),
      title: issue.title,
      // the same count is the same run reported again: keep the comment as it was
      lastSeen: before && before.seen === seen ? before.lastSeen : input.now,
      seen,
      class: outcomeClass(outcome) ?? 'new'
    })
  }
  const open = new Set(Object.values(input.tracked).map(issue => issue.number))
  const shown = [...listed.values()].sort((a, b) => b.number - a.number).slice(0, MAX_LISTED)
  const issueUrl = (n: number) =>
    `${context.serverUrl}/${context.owner}/${context.repo}/issues/${n}`
  const rowOf = (item: ListedIssue): TemplateView => {
    const outcome = current.get(item.number)
    return {
      link: link(`#${item.number}`, issueUrl(item.number)),
      status: outcome
        ? outcome.kind === 'filed'
          ? 'open · new'
          : outcome.kind === 'skipped'
            ? 'closed as not planned'
            : outcome.kind === 'recorded' && outcome.reopened
              ? `reopened · seen ${item.seen}×`
              : `open · seen ${item.seen}×`
        : open.has(item.number) && !closed.has(item.number)
          ? 'open · not seen in this run'
          : 'closed',
      title: escapeInline(item.title, 120),
      lastSeen: item.lastSeen.slice(0, 16).replace('T', ' ') + ' UTC',
      class: item.class ?? 'new'
    }
  }
  const sectionOf = (item: ListedIssue): FailureClass | 'earlier' =>
    current.has(item.number) ? (item.class ?? 'new') : 'earlier'
  const unfiledRows: TemplateView[] = unfiled.map(outcome => ({
    link: '—',
    status: outcome.kind === 'skipped' ? 'not filed' : 'not filed (see the job summary)',
    title: escapeInline(outcomeFailure(outcome)?.title ?? '', 120),
    lastSeen: input.now.slice(0, 16).replace('T', ' ') + ' UTC',
    class: outcomeClass(outcome) ?? 'new'
  }))
  const sections: TemplateView[] = SECTIONS.map(section => ({
    heading: section.heading,
    intro: section.intro,
    rows: [
      ...shown.filter(item => sectionOf(item) === section.class).map(rowOf),
      ...unfiledRows.filter(row => section.class !== 'earlier' && row.class === section.class)
    ]
  })).filter(section => (section.rows as TemplateView[]).length > 0)

  const count = (klass: FailureClass) => outcomes.filter(o => outcomeClass(o) === klass).length
  const [fresh, known, trunk, flaky, allowed] = (
    ['new', 'known', 'broken-trunk', 'flaky', 'allowed'] as const
  ).map(count) as [number, number, number, number, number]
  const failing = outcomes.length
  const run = `${link(`Run ${context.runId}`, context.runUrl)} (attempt ${context.attempt})`
  const parts = [
    `**${plural(fresh, 'new failure')} from this pull request**`,
    `${trunk + flaky} unrelated (${trunk} broken trunk, ${flaky} flaky)`,
    ...(known > 0 ? [`${known} known`] : []),
    ...(allowed > 0 ? [`${allowed} allowed to fail`] : [])
  ]
  const verdict =
    fresh + known === 0 && failing > allowed
      ? ' None of them is this pull request’s: it can merge once the unrelated ones are dealt with or re-run.'
      : fresh + known === 0
        ? ' Nothing here blocks the merge.'
        : ''
  const newIssues = shown.filter(item => current.get(item.number)?.kind === 'filed')
  return renderTemplate(input.template, {
    summary:
      failing === 0 ? 'No failure in the latest run.' : `${parts.join(', ')}: ${run}.${verdict}`,
    sections,
    issues: shown.map(rowOf),
    fixes: newIssues.map(item => `\`Fixes #${item.number}\``).join(', '),
    run: link(`run ${context.runId}`, context.runUrl),
    attempt: String(context.attempt),
    newFailures: String(fresh),
    unrelatedFailures: String(trunk + flaky),
    marker: prCommentMarker(pr.number),
    metadata: formatMetadata({ version: 1, pr: pr.number, issues: shown })
  })
}
