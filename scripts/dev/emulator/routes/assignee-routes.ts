import { notFound } from '../errors.js'
import { assigneeLogins } from '../issue-rules.js'
import { issueJson } from '../json/issue-json.js'
import type { RouteHandler } from '../route-context.js'
import { findUser, touchIssue } from '../state.js'
import { dedupe, issueFromParams } from './issue-routes.js'

// GitHub keeps at most 10 assignees per issue.
const maxAssignees = 10

/** Unlike create/update, users who can't be assigned are dropped silently here. */
export const addAssignees: RouteHandler = ctx => {
  const issue = issueFromParams(ctx)
  const valid = assigneeLogins(ctx.body.assignees).flatMap(login => {
    const user = findUser(ctx.state, login)
    return user?.assignable ? [user.login] : []
  })
  issue.assignees = dedupe([...issue.assignees, ...valid]).slice(0, maxAssignees)
  touchIssue(ctx.state, issue, ctx.clock.now())
  return { status: 201, body: issueJson(ctx, issue) }
}

/** 204 when the user can be assigned, 404 otherwise. */
export const checkUserCanBeAssigned: RouteHandler = ctx => {
  const user = findUser(ctx.state, ctx.params.assignee ?? '')
  if (!user?.assignable) throw notFound()
  return { status: 204 }
}
