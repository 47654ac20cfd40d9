import { isoSeconds } from '../clock.js'
import { notFound, validationFailed } from '../errors.js'
import {
  assigneeLogins,
  checkAssignees,
  checkBody,
  checkTitle,
  labelNames
} from '../issue-rules.js'
import { issueJson } from '../json/issue-json.js'
import { repoApiUrl } from '../json/json-context.js'
import { linkHeader, paginate } from '../paginate.js'
import type { RouteContext, RouteHandler } from '../route-context.js'
import {
  findIssue,
  indexIssue,
  newIssue,
  resolveLabel,
  touchIssue,
  type IssueModel
} from '../state.js'

export function issueFromParams(ctx: RouteContext): IssueModel {
  const issue = findIssue(ctx.state, Number(ctx.params.issue_number))
  if (!issue) throw notFound()
  return issue
}

/**
 * Lists issues AND pull requests (those carry a `pull_request` key), as GitHub does; clients
 * must filter PRs out themselves. Reads the live model: list endpoints don't go through the
 * search index, so they don't lag.
 */
export const listForRepo: RouteHandler = ctx => {
  const q = ctx.query
  const state = q.state ?? 'open'
  const wanted = (q.labels ?? '')
    .split(',')
    .map(l => l.trim().toLowerCase())
    .filter(Boolean)
  const since = q.since === undefined ? NaN : Date.parse(q.since)
  const lower = (s: string | undefined): string | undefined => s?.toLowerCase()
  let issues = ctx.state.issues.filter(issue => {
    if (state !== 'all' && issue.state !== state) return false
    const names = issue.labels.map(l => l.toLowerCase())
    if (!wanted.every(l => names.includes(l))) return false
    if (q.creator !== undefined && issue.user.toLowerCase() !== lower(q.creator)) return false
    if (q.assignee === 'none' && issue.assignees.length > 0) return false
    if (q.assignee === '*' && issue.assignees.length === 0) return false
    if (
      q.assignee !== undefined &&
      q.assignee !== 'none' &&
      q.assignee !== '*' &&
      !issue.assignees.some(a => a.toLowerCase() === lower(q.assignee))
    ) {
      return false
    }
    if (
      q.mentioned !== undefined &&
      !(issue.body ?? '').toLowerCase().includes(`@${lower(q.mentioned)}`)
    ) {
      return false
    }
    // The emulator has no milestones: '*' (any milestone) matches nothing, 'none' everything.
    if (q.milestone !== undefined && q.milestone !== 'none') return false
    if (!Number.isNaN(since) && Date.parse(issue.updated_at) < since) return false
    return true
  })
  const sort = q.sort ?? 'created'
  const key = (issue: IssueModel): number =>
    sort === 'updated'
      ? Date.parse(issue.updated_at)
      : sort === 'comments'
        ? issue.comments.length
        : Date.parse(issue.created_at)
  const sign = q.direction === 'asc' ? 1 : -1
  // Ties (same second, same comment count) fall back to the number, newest first like GitHub.
  issues = [...issues].sort((a, b) => sign * (key(a) - key(b) || a.number - b.number))
  const page = paginate(issues, ctx.url)
  return {
    status: 200,
    body: page.items.map(issue => issueJson(ctx, issue)),
    headers: linkHeader(page)
  }
}

/**
 * Creates an issue authored by the token's login. Unknown labels are created on the fly; one
 * unassignable assignee fails the whole request; the milestone must exist (there are none).
 */
export const createIssue: RouteHandler = ctx => {
  const { body } = ctx
  const title = String(body.title)
  checkTitle(title)
  const text = typeof body.body === 'string' ? body.body : null
  if (text !== null) checkBody(text, 'Issue')
  const logins = assigneeLogins(body.assignees)
  if (typeof body.assignee === 'string') logins.push(body.assignee)
  const assignees = checkAssignees(ctx.state, logins)
  if (body.milestone !== undefined && body.milestone !== null) {
    throw validationFailed({
      value: body.milestone,
      resource: 'Issue',
      field: 'milestone',
      code: 'invalid'
    })
  }
  if (body.type !== undefined && body.type !== null) {
    throw validationFailed({ value: body.type, resource: 'Issue', field: 'type', code: 'invalid' })
  }
  const now = ctx.clock.now()
  const issue = newIssue(ctx.state, {
    number: ++ctx.state.sequences.issueNumber,
    title,
    body: text,
    user: ctx.tokenSpec.login,
    createdAt: isoSeconds(now),
    pull: false
  })
  issue.labels = dedupe(labelNames(body.labels).map(name => resolveLabel(ctx.state, name).name))
  issue.assignees = dedupe(assignees)
  ctx.state.searchIndex.set(issue.number, [])
  indexIssue(ctx.state, issue, now)
  return {
    status: 201,
    body: issueJson(ctx, issue),
    headers: { location: `${repoApiUrl(ctx)}/issues/${issue.number}` }
  }
}

export const getIssue: RouteHandler = ctx => ({
  status: 200,
  body: issueJson(ctx, issueFromParams(ctx))
})

/** `labels` and `assignees` replace the current sets (`[]` clears them). */
export const updateIssue: RouteHandler = ctx => {
  const issue = issueFromParams(ctx)
  const { body } = ctx
  const title = body.title === undefined || body.title === null ? undefined : String(body.title)
  if (title !== undefined) checkTitle(title)
  if (typeof body.body === 'string') checkBody(body.body, 'Issue')
  let assignees: string[] | undefined
  if (body.assignees !== undefined)
    assignees = checkAssignees(ctx.state, assigneeLogins(body.assignees))
  if (typeof body.assignee === 'string') {
    assignees = [...(assignees ?? []), ...checkAssignees(ctx.state, [body.assignee])]
  } else if (body.assignee === null && body.assignees === undefined) assignees = []
  if (body.milestone !== undefined && body.milestone !== null) {
    throw validationFailed({
      value: body.milestone,
      resource: 'Issue',
      field: 'milestone',
      code: 'invalid'
    })
  }

  const now = ctx.clock.now()
  if (title !== undefined) issue.title = title
  if (body.body !== undefined) issue.body = typeof body.body === 'string' ? body.body : null
  if (body.labels !== undefined) {
    issue.labels = dedupe(labelNames(body.labels).map(name => resolveLabel(ctx.state, name).name))
  }
  if (assignees !== undefined) issue.assignees = dedupe(assignees)
  const reason = typeof body.state_reason === 'string' ? body.state_reason : undefined
  if (body.state === 'closed' && issue.state !== 'closed') {
    issue.state = 'closed'
    issue.closed_at = isoSeconds(now)
    issue.closed_by = ctx.tokenSpec.login
    issue.state_reason = reason ?? 'completed'
  } else if (body.state === 'open' && issue.state !== 'open') {
    issue.state = 'open'
    issue.closed_at = null
    issue.closed_by = null
    issue.state_reason = 'reopened'
  } else if (body.state_reason !== undefined) {
    issue.state_reason = reason ?? null
  }
  touchIssue(ctx.state, issue, now)
  return { status: 200, body: issueJson(ctx, issue) }
}

export function dedupe(values: string[]): string[] {
  const seen = new Set<string>()
  return values.filter(v => {
    const key = v.toLowerCase()
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}
