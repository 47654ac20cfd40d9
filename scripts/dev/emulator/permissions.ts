import type { Access, Permission, TokenSpec } from './scenario.js'
import type { ServedRoute } from './served-routes.js'
import { findIssue, type EmulatorState } from './state.js'

/** Alternatives: the token needs every permission of at least one set. */
export type PermissionSets = [Permission, 'read' | 'write'][][]

/**
 * Which fine-grained permissions a route accepts (GitHub's "Permissions required for GitHub Apps"
 * table). Issue-number routes also accept pull_requests when the number is a PR, because
 * comments and labels on a PR go through the issues API.
 */
export function requiredPermissions(
  route: ServedRoute,
  params: Record<string, string>,
  state: EmulatorState
): PermissionSets {
  const [method] = route.split(' ')
  const level = method === 'GET' ? 'read' : 'write'
  const number = params.issue_number ?? issueNumberOfComment(state, params.comment_id)
  const isPull = number !== undefined && findIssue(state, Number(number))?.pull_request === true
  const issuesOrPulls: PermissionSets = isPull
    ? [[['issues', level]], [['pull_requests', level]]]
    : [[['issues', level]]]
  switch (route) {
    // Searching needs no specific permission; results are limited to what the token can see.
    case 'GET /search/issues':
    case 'GET /user':
    case 'GET /rate_limit':
      return []
    case 'GET /repos/{owner}/{repo}':
      return [[['metadata', 'read']]]
    case 'GET /repos/{owner}/{repo}/actions/workflows/{workflow_id}/runs':
    case 'GET /repos/{owner}/{repo}/actions/runs/{run_id}':
    case 'GET /repos/{owner}/{repo}/actions/runs/{run_id}/jobs':
    case 'GET /repos/{owner}/{repo}/actions/runs/{run_id}/attempts/{attempt_number}/jobs':
    case 'GET /repos/{owner}/{repo}/actions/jobs/{job_id}':
    case 'GET /repos/{owner}/{repo}/actions/jobs/{job_id}/logs':
      return [[['actions', 'read']]]
    case 'GET /repos/{owner}/{repo}/commits/{commit_sha}/pulls':
      return [[['contents', 'read']], [['pull_requests', 'read']]]
    case 'GET /repos/{owner}/{repo}/pulls':
    case 'GET /repos/{owner}/{repo}/pulls/{pull_number}':
      return [[['pull_requests', 'read']]]
    case 'GET /repos/{owner}/{repo}/issues':
    case 'POST /repos/{owner}/{repo}/issues':
      return [[['issues', level]]]
    // Labels are shared by issues and PRs, so either permission manages them.
    case 'GET /repos/{owner}/{repo}/labels':
    case 'GET /repos/{owner}/{repo}/labels/{name}':
    case 'POST /repos/{owner}/{repo}/labels':
    case 'GET /repos/{owner}/{repo}/assignees/{assignee}':
      return [[['issues', level]], [['pull_requests', level]]]
    default:
      return issuesOrPulls
  }
}

function issueNumberOfComment(
  state: EmulatorState,
  commentId: string | undefined
): string | undefined {
  if (commentId === undefined) return undefined
  const comment = state.comments.find(c => String(c.id) === commentId)
  return comment === undefined ? undefined : String(comment.issue_number)
}

function grants(token: TokenSpec, permission: Permission, level: 'read' | 'write'): boolean {
  // Every installation token can read metadata; GitHub doesn't let you withhold it.
  const granted: Access =
    token.permissions[permission] ?? (permission === 'metadata' ? 'read' : 'none')
  return granted === 'write' || (granted === 'read' && level === 'read')
}

export function hasPermission(token: TokenSpec, sets: PermissionSets): boolean {
  return sets.length === 0 || sets.some(set => set.every(([p, level]) => grants(token, p, level)))
}

/** The `x-accepted-github-permissions` header: sets joined by '; ', members by ','. */
export function acceptedPermissionsHeader(sets: PermissionSets): string {
  return sets.map(set => set.map(([p, level]) => `${p}=${level}`).join(',')).join('; ')
}
