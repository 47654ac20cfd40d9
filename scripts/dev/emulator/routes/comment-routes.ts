import { isoSeconds } from '../clock.js'
import { notFound, validationFailed } from '../errors.js'
import { checkBody } from '../issue-rules.js'
import { commentJson } from '../json/comment-json.js'
import { repoApiUrl } from '../json/json-context.js'
import { linkHeader, paginate } from '../paginate.js'
import type { RouteContext, RouteHandler } from '../route-context.js'
import { addComment, findIssue, touchIssue, type CommentModel } from '../state.js'
import { issueFromParams } from './issue-routes.js'

function commentFromParams(ctx: RouteContext): CommentModel {
  const comment = ctx.state.comments.find(c => String(c.id) === ctx.params.comment_id)
  if (!comment) throw notFound()
  return comment
}

function checkCommentBody(body: unknown): string {
  const text = String(body)
  if (text.trim() === '') {
    throw validationFailed({ resource: 'IssueComment', code: 'missing_field', field: 'body' })
  }
  checkBody(text, 'IssueComment')
  return text
}

/** Oldest first; `since` keeps comments updated at or after it. */
export const listComments: RouteHandler = ctx => {
  const issue = issueFromParams(ctx)
  const since = ctx.query.since === undefined ? NaN : Date.parse(ctx.query.since)
  const comments = issue.comments.filter(
    c => Number.isNaN(since) || Date.parse(c.updated_at) >= since
  )
  const page = paginate(comments, ctx.url)
  return {
    status: 200,
    body: page.items.map(c => commentJson(ctx, c)),
    headers: linkHeader(page)
  }
}

/** Works for PR numbers too: PR conversation comments are issue comments. */
export const createComment: RouteHandler = ctx => {
  const issue = issueFromParams(ctx)
  const text = checkCommentBody(ctx.body.body)
  const now = ctx.clock.now()
  const comment = addComment(ctx.state, issue, text, ctx.tokenSpec.login, isoSeconds(now))
  touchIssue(ctx.state, issue, now)
  return {
    status: 201,
    body: commentJson(ctx, comment),
    headers: { location: `${repoApiUrl(ctx)}/issues/comments/${comment.id}` }
  }
}

export const getComment: RouteHandler = ctx => ({
  status: 200,
  body: commentJson(ctx, commentFromParams(ctx))
})

export const updateComment: RouteHandler = ctx => {
  const comment = commentFromParams(ctx)
  comment.body = checkCommentBody(ctx.body.body)
  const now = ctx.clock.now()
  comment.updated_at = isoSeconds(now)
  const issue = findIssue(ctx.state, comment.issue_number)
  if (issue) touchIssue(ctx.state, issue, now)
  return { status: 200, body: commentJson(ctx, comment) }
}

/** 204 with no body; the comment leaves both its issue and the flat list. */
export const deleteComment: RouteHandler = ctx => {
  const comment = commentFromParams(ctx)
  ctx.state.comments = ctx.state.comments.filter(c => c !== comment)
  const issue = findIssue(ctx.state, comment.issue_number)
  if (issue) {
    issue.comments = issue.comments.filter(c => c !== comment)
    touchIssue(ctx.state, issue, ctx.clock.now())
  }
  return { status: 204 }
}
