import { cannotFile } from '../issue/cannot-file.js'
import type { IssueRef } from '../issue/outcome.js'
import type { RunContext, TrackedIssue } from '../issue/types.js'
import { escapeInline } from '../markdown/escape-markdown.js'
import {
  bestEffort,
  CannotFileError,
  errorFields,
  errorMessage,
  errorStatus,
  isFatal
} from '../step/errors.js'
import type { Core, GitHub } from '../step/types.js'
import { closeIssue } from './close-issue.js'
import { listTrackedIssues } from './list-tracked-issues.js'
import { postOnce } from './post-once.js'

export interface IssueToFile {
  fingerprint: string
  title: string
  /** the body for an issue number (null before it is known) and an assignment note */
  render: (issueNumber: number | null, note: string) => string
  labels: string[]
  assignee: string | null
  note: string
}

export interface FiledIssue {
  issue: IssueRef
  /** an older open issue of the same failure that a racer filed: ours was closed in its favour */
  duplicateOf: TrackedIssue | null
}

interface CreatedIssue {
  number: number
  html_url: string
}

/**
 * Files one issue. An assignee GitHub refuses (access lost since the check) files it unassigned;
 * any other refusal throws CannotFileError, one line naming the cause and the fix. The number is
 * known only after creation, so a second write adds the `Fixes #N` line. Last, racers are
 * settled (`postOnce`): when an older open issue has the same fingerprint, ours is closed as
 * its duplicate and the caller records the run there.
 */
export async function fileIssue(
  github: GitHub,
  core: Pick<Core, 'info' | 'warning'>,
  context: RunContext,
  issue: IssueToFile,
  tracking: { label: string | null; botLogin: string }
): Promise<FiledIssue> {
  const target = { owner: context.owner, repo: context.repo }
  let note = issue.note
  let body = issue.render(null, note)
  const post = async (assignee: string | null): Promise<CreatedIssue> =>
    (
      await github.request<CreatedIssue>('POST /repos/{owner}/{repo}/issues', {
        ...target,
        title: issue.title,
        body,
        labels: issue.labels,
        ...(assignee ? { assignees: [assignee] } : {})
      })
    ).data
  const create = async (): Promise<CreatedIssue> => {
    try {
      try {
        return await post(issue.assignee)
      } catch (error) {
        const refusedAssignee =
          issue.assignee !== null &&
          errorStatus(error) === 422 &&
          errorFields(error).some(field => field.field === 'assignees')
        if (!refusedAssignee) throw error
        // Someone lost access between the check and the create: file unassigned.
        note = `_Not assigned: GitHub refused ${escapeInline(issue.assignee ?? '')} as assignee._`
        body = issue.render(null, note)
        return await post(null)
      }
    } catch (error) {
      if (isFatal(error)) throw error
      throw new CannotFileError(cannotFile(error, context), { title: issue.title, body })
    }
  }

  /** a copy of this failure's issue: ours, or a racer's that the list found */
  type Copy = { number: number; url: string; tracked: TrackedIssue | null }
  const { posted, oldest } = await postOnce<Copy>({
    post: async () => {
      const created = await create()
      core.info(`log-bugs: filed #${created.number} ${created.html_url}`)
      await bestEffort(
        async () => {
          await github.request('PATCH /repos/{owner}/{repo}/issues/{issue_number}', {
            ...target,
            issue_number: created.number,
            body: issue.render(created.number, note)
          })
        },
        error =>
          core.warning(
            `log-bugs: could not add the commit identifier to #${created.number}: ${errorMessage(error)}`
          )
      )
      return { number: created.number, url: created.html_url, tracked: null }
    },
    list: () =>
      bestEffort(
        async () => {
          const twin = (await listTrackedIssues(github, { ...target, ...tracking }))[
            issue.fingerprint
          ]
          return twin ? [{ number: twin.number, url: twin.url, tracked: twin }] : []
        },
        (): Copy[] => []
      ),
    id: copy => copy.number
  })

  const filed: IssueRef = { number: posted.number, url: posted.url, title: issue.title }
  if (oldest === posted || oldest.tracked === null) return { issue: filed, duplicateOf: null }
  await bestEffort(
    async () => {
      await closeIssue(
        github,
        { ...target, issue: posted.number },
        `Duplicate of #${oldest.number}: another run filed the same failure (\`${issue.fingerprint}\`) at the same time.`,
        'duplicate'
      )
      core.info(
        `log-bugs: closed #${posted.number} as a duplicate of #${oldest.number} (concurrent runs)`
      )
    },
    error =>
      core.warning(
        `log-bugs: #${posted.number} duplicates #${oldest.number} but could not be closed: ${errorMessage(error)}`
      )
  )
  return { issue: filed, duplicateOf: oldest.tracked }
}
