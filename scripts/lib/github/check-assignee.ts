import { escapeInline } from '../markdown/escape-markdown.js'
import { bestEffort, errorStatus } from '../step/errors.js'
import type { GitHub } from '../step/types.js'

export interface Assignment {
  assignee: string | null
  /** why nobody is assigned, for the issue body; '' when assigned or not asked to */
  note: string
}

/** The PR author when GitHub would accept them as assignee; otherwise why not, for the body. */
export async function checkAssignee(
  github: GitHub,
  target: { owner: string; repo: string },
  author: string | null
): Promise<Assignment> {
  if (!author) return { assignee: null, note: '' }
  const who = escapeInline(author)
  if (/\[bot\]$/.test(author)) {
    return { assignee: null, note: `_Not assigned: the pull request's author ${who} is a bot._` }
  }
  // 204 when assignable, 404 when not; creating with an unassignable user fails the whole
  // request with 422, so ask first (docs/github-platform.md §5).
  return bestEffort<Assignment>(
    async () => {
      await github.request('GET /repos/{owner}/{repo}/assignees/{assignee}', {
        ...target,
        assignee: author
      })
      return { assignee: author, note: '' }
    },
    error => ({
      assignee: null,
      note:
        errorStatus(error) === 404
          ? `_Not assigned: ${who} cannot be assigned in this repository (only people with access can be; fork contributors usually cannot)._`
          : `_Not assigned: checking whether ${who} can be assigned failed (HTTP ${errorStatus(error) ?? '?'})._`
    })
  )
}
