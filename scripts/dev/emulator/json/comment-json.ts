import { findIssue, type CommentModel } from '../state.js'
import { repoApiUrl, webUrl, type JsonContext } from './json-context.js'
import { reactionsJson } from './reactions-json.js'
import { authorAssociation, userJson } from './user-json.js'

export function commentJson(ctx: JsonContext, comment: CommentModel): Record<string, unknown> {
  const repoApi = repoApiUrl(ctx)
  const url = `${repoApi}/issues/comments/${comment.id}`
  const kind = findIssue(ctx.state, comment.issue_number)?.pull_request ? 'pull' : 'issues'
  return {
    url,
    html_url: `${webUrl(ctx)}/${ctx.state.fullName}/${kind}/${comment.issue_number}#issuecomment-${comment.id}`,
    issue_url: `${repoApi}/issues/${comment.issue_number}`,
    id: comment.id,
    node_id: comment.node_id,
    user: userJson(ctx, comment.user),
    created_at: comment.created_at,
    updated_at: comment.updated_at,
    author_association: authorAssociation(ctx, comment.user),
    body: comment.body,
    reactions: reactionsJson(url),
    performed_via_github_app: null
  }
}
