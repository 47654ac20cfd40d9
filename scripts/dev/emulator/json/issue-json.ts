import type { IssueModel } from '../state.js'
import { repoApiUrl, webUrl, type JsonContext } from './json-context.js'
import { labelJson } from './label-json.js'
import { reactionsJson } from './reactions-json.js'
import { authorAssociation, userJson } from './user-json.js'

/**
 * An issue as GET /repos/{o}/{r}/issues/{n} returns it. Pull requests come out as issues with a
 * `pull_request` key, which is how clients tell them apart in issue lists.
 */
export function issueJson(ctx: JsonContext, issue: IssueModel): Record<string, unknown> {
  const repoApi = repoApiUrl(ctx)
  const url = `${repoApi}/issues/${issue.number}`
  const html = `${webUrl(ctx)}/${ctx.state.fullName}/${issue.pull_request ? 'pull' : 'issues'}/${issue.number}`
  const assignees = issue.assignees.map(login => userJson(ctx, login))
  return {
    url,
    repository_url: repoApi,
    labels_url: `${url}/labels{/name}`,
    comments_url: `${url}/comments`,
    events_url: `${url}/events`,
    html_url: html,
    id: issue.id,
    node_id: issue.node_id,
    number: issue.number,
    title: issue.title,
    user: userJson(ctx, issue.user),
    labels: issue.labels.map(name => labelJson(ctx, name)),
    state: issue.state,
    locked: issue.locked,
    assignee: assignees[0] ?? null,
    assignees,
    milestone: null,
    comments: issue.comments.length,
    created_at: issue.created_at,
    updated_at: issue.updated_at,
    closed_at: issue.closed_at,
    author_association: authorAssociation(ctx, issue.user),
    type: null,
    active_lock_reason: null,
    ...(issue.pull_request && {
      draft: false,
      pull_request: {
        url: `${repoApi}/pulls/${issue.number}`,
        html_url: html,
        diff_url: `${html}.diff`,
        patch_url: `${html}.patch`,
        merged_at: null
      }
    }),
    body: issue.body,
    closed_by: issue.closed_by === null ? null : userJson(ctx, issue.closed_by),
    reactions: reactionsJson(url),
    timeline_url: `${url}/timeline`,
    performed_via_github_app: null,
    state_reason: issue.state_reason
  }
}
