import type { GitHub } from '../step/types.js'

/**
 * Comments on an issue, then closes it: `completed` when the failure went away, `duplicate`
 * when a racer filed the same failure first. The comment comes first, so a reader who gets the
 * close notification finds the reason.
 */
export async function closeIssue(
  github: GitHub,
  target: { owner: string; repo: string; issue: number },
  comment: string,
  reason: 'completed' | 'duplicate'
): Promise<void> {
  const route = { owner: target.owner, repo: target.repo, issue_number: target.issue }
  await github.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', {
    ...route,
    body: comment
  })
  await github.request('PATCH /repos/{owner}/{repo}/issues/{issue_number}', {
    ...route,
    state: 'closed',
    state_reason: reason
  })
}
