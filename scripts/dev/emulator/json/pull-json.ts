import { findIssue, type PullModel } from '../state.js'
import { repoApiUrl, webUrl, type JsonContext } from './json-context.js'
import { labelJson } from './label-json.js'
import { repositoryJson } from './repository-json.js'
import { authorAssociation, userJson } from './user-json.js'

/**
 * A pull request. `detail` adds the fields only GET /pulls/{n} has (merged, mergeable, counts);
 * lists such as GET /commits/{sha}/pulls return the simple shape. Title, body and state come from
 * the issue half, since PATCH /issues/{n} edits both on GitHub.
 */
export function pullJson(
  ctx: JsonContext,
  pull: PullModel,
  detail: boolean
): Record<string, unknown> {
  const issue = findIssue(ctx.state, pull.number)
  if (!issue) throw new Error(`pull #${pull.number} has no issue`)
  const repoApi = repoApiUrl(ctx)
  const url = `${repoApi}/pulls/${pull.number}`
  const html = `${webUrl(ctx)}/${ctx.state.fullName}/pull/${pull.number}`
  const issueUrl = `${repoApi}/issues/${pull.number}`
  const headOwner = pull.head.repo.split('/')[0] ?? ctx.state.owner
  const assignees = issue.assignees.map(login => userJson(ctx, login))
  const simple = {
    url,
    id: pull.id,
    node_id: pull.node_id,
    html_url: html,
    diff_url: `${html}.diff`,
    patch_url: `${html}.patch`,
    issue_url: issueUrl,
    number: pull.number,
    state: issue.state,
    locked: issue.locked,
    title: issue.title,
    user: userJson(ctx, pull.user),
    body: issue.body,
    created_at: issue.created_at,
    updated_at: issue.updated_at,
    closed_at: issue.closed_at,
    merged_at: null,
    merge_commit_sha: null,
    assignee: assignees[0] ?? null,
    assignees,
    requested_reviewers: [],
    requested_teams: [],
    labels: issue.labels.map(name => labelJson(ctx, name)),
    milestone: null,
    draft: false,
    commits_url: `${url}/commits`,
    review_comments_url: `${url}/comments`,
    review_comment_url: `${repoApi}/pulls/comments{/number}`,
    comments_url: `${issueUrl}/comments`,
    statuses_url: `${repoApi}/statuses/${pull.head.sha}`,
    head: {
      label: `${headOwner}:${pull.head.ref}`,
      ref: pull.head.ref,
      sha: pull.head.sha,
      user: userJson(ctx, headOwner),
      repo: repositoryJson(ctx, pull.head.repo)
    },
    base: {
      label: `${ctx.state.owner}:${pull.base.ref}`,
      ref: pull.base.ref,
      sha: pull.base.sha,
      user: userJson(ctx, ctx.state.owner),
      repo: repositoryJson(ctx)
    },
    _links: {
      self: { href: url },
      html: { href: html },
      issue: { href: issueUrl },
      comments: { href: `${issueUrl}/comments` },
      review_comments: { href: `${url}/comments` },
      review_comment: { href: `${repoApi}/pulls/comments{/number}` },
      commits: { href: `${url}/commits` },
      statuses: { href: `${repoApi}/statuses/${pull.head.sha}` }
    },
    author_association: authorAssociation(ctx, pull.user),
    auto_merge: null,
    active_lock_reason: null
  }
  if (!detail) return simple
  return {
    ...simple,
    merged: false,
    mergeable: null,
    rebaseable: null,
    mergeable_state: 'unknown',
    merged_by: null,
    comments: issue.comments.length,
    review_comments: 0,
    maintainer_can_modify: false,
    commits: 1,
    additions: 1,
    deletions: 0,
    changed_files: 1
  }
}
