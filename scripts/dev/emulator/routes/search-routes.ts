import { GitHubError, validationFailed } from '../errors.js'
import { issueJson } from '../json/issue-json.js'
import { linkHeader, paginate } from '../paginate.js'
import type { RouteHandler } from '../route-context.js'
import { matchesSearch, parseSearchQuery } from '../search.js'
import type { IssueModel } from '../state.js'

// Search returns at most 1,000 results however many match.
const maxResults = 1000

/**
 * Searches the index as it was `searchLagMs` ago: a new issue stays invisible, and an edited
 * one shows its old content, until the lag has passed (search lags writes by seconds to
 * minutes on GitHub, so search alone can't stop duplicates).
 */
export const searchIssuesAndPullRequests: RouteHandler = ctx => {
  const query = parseSearchQuery(ctx.query.q ?? '')
  const ours = ctx.state.fullName.toLowerCase()
  if (query.repos.length > 0 && !query.repos.includes(ours)) {
    throw validationFailed({
      message:
        'The listed users and repositories cannot be searched either because the resources do not exist or you do not have permission to view them.',
      resource: 'Search',
      field: 'q',
      code: 'invalid'
    })
  }
  const visibleAt = ctx.clock.now() - ctx.state.searchLagMs
  const indexed: IssueModel[] = []
  for (const versions of ctx.state.searchIndex.values()) {
    const visible = versions.filter(v => v.at <= visibleAt).pop()
    if (visible) indexed.push(visible.issue)
  }
  const found = indexed.filter(issue => matchesSearch(query, issue))
  const sort = ctx.query.sort
  const key = (issue: IssueModel): number =>
    sort === 'updated'
      ? Date.parse(issue.updated_at)
      : sort === 'comments'
        ? issue.comments.length
        : sort === 'created'
          ? Date.parse(issue.created_at)
          : issue.number
  const sign = ctx.query.order === 'asc' ? 1 : -1
  found.sort((a, b) => sign * (key(a) - key(b) || a.number - b.number))

  const perPage = Math.min(100, Number(ctx.query.per_page ?? 30) || 30)
  const pageNumber = Number(ctx.query.page ?? 1) || 1
  if ((pageNumber - 1) * perPage >= maxResults) {
    throw new GitHubError(422, 'Only the first 1000 search results are available')
  }
  const page = paginate(found, ctx.url, maxResults)
  return {
    status: 200,
    body: {
      total_count: found.length,
      incomplete_results: false,
      search_type: 'lexical',
      items: page.items.map(issue => ({ ...issueJson(ctx, issue), score: 1 }))
    },
    headers: linkHeader(page)
  }
}
