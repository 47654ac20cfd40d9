import { GitHubError, notFound } from '../errors.js'
import { pullJson } from '../json/pull-json.js'
import { linkHeader, paginate } from '../paginate.js'
import type { RouteHandler } from '../route-context.js'
import { findIssue, findPull, type PullModel } from '../state.js'

/**
 * PRs whose head is the commit. The commit must be one the scenario knows (a run's or a PR's
 * sha); GitHub answers 422 "No commit found for SHA" otherwise. A fork-only commit is known but
 * associated with no PR, so it answers `[]`.
 */
export const listPullRequestsAssociatedWithCommit: RouteHandler = ctx => {
  const sha = (ctx.params.commit_sha ?? '').toLowerCase()
  const known = [
    ...ctx.state.runs.map(r => r.head_sha),
    ...ctx.state.pulls.flatMap(p => [p.head.sha, p.base.sha])
  ].map(s => s.toLowerCase())
  const matches = (full: string): boolean =>
    full === sha || (sha.length >= 7 && full.startsWith(sha))
  if (!known.some(matches)) {
    throw new GitHubError(422, `No commit found for SHA: ${ctx.params.commit_sha}`)
  }
  const pulls = ctx.state.forkOnlyCommits.some(matches)
    ? []
    : ctx.state.pulls.filter(p => matches(p.head.sha.toLowerCase()))
  const page = paginate(pulls, ctx.url)
  return {
    status: 200,
    body: page.items.map(p => pullJson(ctx, p, false)),
    headers: linkHeader(page)
  }
}

const monthMs = 30 * 24 * 3600_000

/**
 * The repository's PRs, filtered by `state` (default open), `head` and `base`, sorted by
 * `sort`/`direction`. `head` is `user:ref-name` (the head repository's owner, then the branch);
 * a value without the colon is ignored, as GitHub silently ignores it (community discussion
 * #24354, argoproj-labs/gitops-promoter#1417).
 */
export const listPulls: RouteHandler = ctx => {
  const q = ctx.query
  const state = q.state ?? 'open'
  const head = parseHead(q.head)
  const now = ctx.clock.now()
  const issueOf = (pull: PullModel) => {
    const issue = findIssue(ctx.state, pull.number)
    if (!issue) throw new Error(`pull #${pull.number} has no issue`)
    return issue
  }
  let pulls = ctx.state.pulls.filter(pull => {
    const issue = issueOf(pull)
    if (state !== 'all' && issue.state !== state) return false
    if (head && !headMatches(pull, head)) return false
    if (q.base !== undefined && pull.base.ref !== q.base) return false
    // long-running: open for more than a month, with activity in the last month (the docs).
    if (q.sort === 'long-running') {
      if (issue.state !== 'open' || now - Date.parse(issue.created_at) <= monthMs) return false
      if (now - Date.parse(issue.updated_at) > monthMs) return false
    }
    return true
  })
  const sort = q.sort ?? 'created'
  const key = (pull: PullModel): number => {
    const issue = issueOf(pull)
    if (sort === 'updated') return Date.parse(issue.updated_at)
    if (sort === 'popularity') return issue.comments.length
    return Date.parse(issue.created_at)
  }
  // The docs: desc when sorting by creation (the default), asc otherwise.
  const direction = q.direction ?? (sort === 'created' ? 'desc' : 'asc')
  const sign = direction === 'asc' ? 1 : -1
  pulls = [...pulls].sort((a, b) => sign * (key(a) - key(b) || a.number - b.number))
  const page = paginate(pulls, ctx.url)
  return {
    status: 200,
    body: page.items.map(p => pullJson(ctx, p, false)),
    headers: linkHeader(page)
  }
}

function parseHead(value: string | undefined): { owner: string; ref: string } | null {
  const colon = value?.indexOf(':') ?? -1
  if (value === undefined || colon < 0) return null
  return { owner: value.slice(0, colon).toLowerCase(), ref: value.slice(colon + 1) }
}

function headMatches(pull: PullModel, head: { owner: string; ref: string }): boolean {
  return headOwner(pull).toLowerCase() === head.owner && pull.head.ref === head.ref
}

function headOwner(pull: PullModel): string {
  return pull.head.repo.split('/')[0] ?? ''
}

export const getPull: RouteHandler = ctx => {
  const pull = findPull(ctx.state, Number(ctx.params.pull_number))
  if (!pull) throw notFound()
  return { status: 200, body: pullJson(ctx, pull, true) }
}
