import { GitHubError, notFound } from '../errors.js'
import { pullJson } from '../json/pull-json.js'
import { linkHeader, paginate } from '../paginate.js'
import type { RouteHandler } from '../route-context.js'
import { findPull } from '../state.js'

/**
 * PRs whose head is the commit. The commit must be one the scenario knows (a run's or a PR's
 * sha); GitHub answers 422 "No commit found for SHA" otherwise.
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
  const pulls = ctx.state.pulls.filter(p => matches(p.head.sha.toLowerCase()))
  const page = paginate(pulls, ctx.url)
  return {
    status: 200,
    body: page.items.map(p => pullJson(ctx, p, false)),
    headers: linkHeader(page)
  }
}

export const getPull: RouteHandler = ctx => {
  const pull = findPull(ctx.state, Number(ctx.params.pull_number))
  if (!pull) throw notFound()
  return { status: 200, body: pullJson(ctx, pull, true) }
}
