import { formatCommentMarker, hasCommentMarker } from '../markdown/marker.js'
import { trustsAuthor } from '../issue/trusts-author.js'
import type { GitHub } from '../step/types.js'
import { postOnce } from './post-once.js'

interface ApiComment {
  id: number
  body?: string | null
  user?: { login?: string } | null
}

/**
 * Comments on an issue once per `key` (a lifecycle step, a day's digest): concurrent runs that
 * decide the same note each post, list, and the later copies delete themselves, so watchers get
 * one notification.
 */
export async function postNote(
  github: GitHub,
  target: { owner: string; repo: string; issue: number; botLogin: string | null },
  key: string,
  text: string
): Promise<void> {
  const route = { owner: target.owner, repo: target.repo, issue_number: target.issue }
  const { posted, oldest } = await postOnce<ApiComment>({
    post: async () =>
      (
        await github.request<ApiComment>(
          'POST /repos/{owner}/{repo}/issues/{issue_number}/comments',
          { ...route, body: `${text}\n\n${formatCommentMarker('note', key)}` }
        )
      ).data,
    list: async () =>
      (
        await github.paginate<ApiComment>(
          'GET /repos/{owner}/{repo}/issues/{issue_number}/comments',
          { ...route, per_page: 100 }
        )
      ).filter(
        comment =>
          trustsAuthor(target.botLogin, comment.user?.login) &&
          hasCommentMarker(comment.body ?? '', 'note', key)
      ),
    id: comment => comment.id
  })
  if (oldest !== posted) {
    await github.request('DELETE /repos/{owner}/{repo}/issues/comments/{comment_id}', {
      owner: target.owner,
      repo: target.repo,
      comment_id: posted.id
    })
  }
}
