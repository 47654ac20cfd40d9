import { trackIssues, type ApiIssue } from '../issue/tracked-issue.js'
import type { KnownIssues, TrackedIssues } from '../issue/types.js'
import type { GitHub } from '../step/types.js'

/**
 * Open issues that log-bugs filed, by fingerprint: listed by label, which is consistent right
 * after a write (search lags), oldest first; see `toTracked` for what counts as ours.
 */
export async function listTrackedIssues(
  github: GitHub,
  target: { owner: string; repo: string; label: string | null; botLogin: string | null }
): Promise<TrackedIssues> {
  const issues = await github.paginate<ApiIssue>('GET /repos/{owner}/{repo}/issues', {
    owner: target.owner,
    repo: target.repo,
    state: 'open',
    ...(target.label ? { labels: target.label } : {}),
    sort: 'created',
    direction: 'asc',
    per_page: 100
  })
  return trackIssues(issues, target.botLogin)
}

/**
 * Search finds what the label list cannot: tracked issues whose label a human removed, and the
 * closed issues of these failures (a comeback reopens a recent one). It lags and allows 30
 * queries a minute, so it is one query for all missing fingerprints, only when some are
 * missing, and its failure is only logged.
 */
export async function searchTrackedIssues(
  github: GitHub,
  target: { owner: string; repo: string; botLogin: string | null },
  fingerprints: string[]
): Promise<KnownIssues> {
  // GitHub allows at most five AND/OR/NOT operators in a query.
  const terms = fingerprints.slice(0, 6).map(f => `"${f}"`)
  if (terms.length === 0) return { open: {}, closed: {} }
  const q = `repo:${target.owner}/${target.repo} is:issue in:body ${terms.join(' OR ')}`
  const { data } = await github.request<{ items: ApiIssue[] }>('GET /search/issues', {
    q,
    per_page: 50
  })
  const keep = (found: TrackedIssues): TrackedIssues =>
    Object.fromEntries(Object.entries(found).filter(([f]) => fingerprints.includes(f)))
  return {
    open: keep(trackIssues(data.items, target.botLogin)),
    closed: keep(trackIssues(data.items, target.botLogin, ['closed']))
  }
}
