import { escapeInline } from '../markdown/escape-markdown.js'
import { link } from '../markdown/link.js'
import type { IssueMetadata } from './types.js'

/** Rows of the runs table an issue shows; the metadata keeps more, the count all. */
const SHOWN_RUNS = 20

const START = '<!-- log-bugs:history -->'
const END = '<!-- /log-bugs:history -->'

/** What a run's link needs: the repository's address on its server. */
export interface RepoLocation {
  serverUrl: string
  owner: string
  repo: string
}

const day = (iso: string | undefined): string =>
  iso ? iso.slice(0, 16).replace('T', ' ') + ' UTC' : '—'

/**
 * The "Seen" section of an issue, from its metadata: how often, first and last seen, the
 * flake count, and the runs, newest first, with their branch and pull request. Repeats update
 * this section instead of commenting, so watchers are not notified for each run. Wrapped in
 * markers so it can be replaced in a body whose rest a human may have edited.
 */
export function renderHistory(meta: IssueMetadata, where: RepoLocation): string {
  const runs = [...meta.runs].reverse().slice(0, SHOWN_RUNS)
  const prs = [...new Set(meta.runs.map(run => run.pr).filter(pr => typeof pr === 'number'))]
  const facts = [
    `Seen **${meta.attemptCount}** time${meta.attemptCount === 1 ? '' : 's'}, first ${day(meta.firstSeen)}, last ${day(meta.lastSeen)}`,
    meta.flakes ? `failed and then passed on the same commit ${meta.flakes}×` : '',
    prs.length > 0 ? `in ${prs.length} pull request${prs.length === 1 ? '' : 's'}` : '',
    meta.trunk ? 'also on the default branch' : ''
  ].filter(Boolean)
  const rows = runs.map(run => {
    const url = `${where.serverUrl}/${where.owner}/${where.repo}/actions/runs/${run.id}`
    const sha = run.sha && /^[0-9a-f]{7,40}$/i.test(run.sha) ? `\`${run.sha.slice(0, 7)}\`` : '—'
    return `| ${link(`run ${run.id}`, url)} | ${run.attempt} | ${escapeInline(run.branch ?? '—', 80)} | ${run.pr ? `#${run.pr}` : '—'} | ${sha} | ${day(run.at)} |`
  })
  const more =
    meta.attemptCount > runs.length
      ? `\n_${meta.attemptCount - runs.length} earlier run(s) not shown._\n`
      : ''
  return [
    START,
    '### Seen',
    '',
    facts.join('; ') + '.',
    '',
    '| Run | Attempt | Branch | PR | Commit | When |',
    '| --- | --- | --- | --- | --- | --- |',
    ...rows,
    more,
    END
  ].join('\n')
}

/**
 * The body with its history section replaced; a body without one (a custom template, or a
 * human removed it) gets it before the fingerprint marker, else at the end.
 */
export function replaceHistory(body: string, history: string): string {
  const start = body.indexOf(START)
  const end = body.indexOf(END, start)
  if (start !== -1 && end !== -1)
    return body.slice(0, start) + history + body.slice(end + END.length)
  const marker = body.lastIndexOf('<!-- log-bugs:fingerprint=')
  if (marker === -1) return `${body.trimEnd()}\n\n${history}\n`
  return `${body.slice(0, marker)}${history}\n\n${body.slice(marker)}`
}
