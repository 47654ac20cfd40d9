import type { PullRequestInfo } from '../issue/types.js'
import { bestEffort, describeError } from '../step/errors.js'
import type { ActionInputs } from '../step/inputs.js'
import type { Context, GitHub } from '../step/types.js'
import type { ApiRun } from './read-run.js'

/** The fields of a pull request (event payload or `GET …/pulls/{n}`) that log-bugs reads. */
export interface ApiPull {
  number: number
  html_url: string
  title?: string
  state?: string
  user?: { login?: string } | null
  head?: { ref?: string; sha?: string; repo?: { full_name?: string } | null }
  base?: { repo?: { full_name?: string } | null }
}

/** The pull request of a `pull_request` event's payload. */
export function pullRequestPayload(context: Context): ApiPull | undefined {
  const pr = context.payload.pull_request
  return typeof pr === 'object' && pr !== null ? (pr as ApiPull) : undefined
}

function toInfo(pr: ApiPull): PullRequestInfo {
  const head = pr.head?.repo?.full_name
  const base = pr.base?.repo?.full_name
  return {
    number: pr.number,
    url: pr.html_url,
    author: pr.user?.login ?? null,
    title: pr.title ?? null,
    fork: Boolean(head && base && head !== base)
  }
}

/**
 * The run's pull request: from the inputs, else the event, else the run, else the PRs that
 * hold the commit. Every lookup is best effort: without a PR the issue is still filed.
 */
export async function findPullRequest(
  github: GitHub,
  context: Context,
  inputs: Pick<ActionInputs, 'prNumber' | 'prUrl' | 'prAuthor'>,
  run: { api: ApiRun; sha: string; branch: string },
  debug: (message: string) => void
): Promise<PullRequestInfo | null> {
  const { owner, repo } = context.repo
  const getPull = (number: number) =>
    bestEffort(
      async () =>
        toInfo(
          (
            await github.request<ApiPull>('GET /repos/{owner}/{repo}/pulls/{pull_number}', {
              owner,
              repo,
              pull_number: number
            })
          ).data
        ),
      error => {
        debug(`log-bugs: PR #${number} details unavailable: ${describeError(error)}`)
        return null
      }
    )
  const fromEvent = pullRequestPayload(context)
  if (inputs.prNumber !== null) {
    const info =
      fromEvent?.number === inputs.prNumber
        ? toInfo(fromEvent)
        : ((await getPull(inputs.prNumber)) ?? {
            number: inputs.prNumber,
            url: `${context.serverUrl}/${owner}/${repo}/pull/${inputs.prNumber}`,
            author: null,
            title: null,
            fork: false
          })
    return { ...info, url: inputs.prUrl || info.url, author: inputs.prAuthor || info.author }
  }
  if (fromEvent) return toInfo(fromEvent)

  const workflowRun = context.payload.workflow_run as
    { pull_requests?: { number: number }[] } | undefined
  const number = workflowRun?.pull_requests?.[0]?.number ?? run.api.pull_requests?.[0]?.number
  if (number !== undefined) {
    const found = await getPull(number)
    if (found) return found
  }
  if (!run.sha) return null
  // Fork PRs leave run.pull_requests empty (actions/runner#3444): ask which PRs hold the commit.
  const byCommit = await bestEffort(
    async () => {
      const { data } = await github.request<ApiPull[]>(
        'GET /repos/{owner}/{repo}/commits/{commit_sha}/pulls',
        { owner, repo, commit_sha: run.sha }
      )
      const open = data.filter(pr => pr.state === undefined || pr.state === 'open')
      return (
        open.find(pr => pr.head?.sha === run.sha && pr.head?.ref === run.branch) ??
        open.find(pr => pr.head?.sha === run.sha) ??
        null
      )
    },
    error => {
      debug(`log-bugs: PRs of ${run.sha} unavailable: ${describeError(error)}`)
      return null
    }
  )
  if (byCommit) return toInfo(byCommit)
  const head = forkHeadOf(context, run.sha)
  return head ? findPullOfForkBranch(github, context, head, debug) : null
}

/**
 * Under workflow_run, the triggering run's head when it comes from a fork: `owner:branch` and
 * the commit. Null for a same-repository run, so the fallback costs nothing there.
 */
function forkHeadOf(context: Context, sha: string): { label: string; sha: string } | null {
  if (context.eventName !== 'workflow_run') return null
  const run = context.payload.workflow_run as
    | {
        head_branch?: unknown
        head_sha?: unknown
        head_repository?: { full_name?: unknown; owner?: { login?: unknown } } | null
      }
    | undefined
  const login = run?.head_repository?.owner?.login
  const fullName = run?.head_repository?.full_name
  if (typeof login !== 'string' || typeof run?.head_branch !== 'string') return null
  // The payload must describe the run being reported, not another one (`run-id` names another).
  if (run.head_sha !== sha) return null
  const here = `${context.repo.owner}/${context.repo.repo}`.toLowerCase()
  if (typeof fullName === 'string' && fullName.toLowerCase() === here) return null
  return { label: `${login}:${run.head_branch}`, sha }
}

/**
 * The open PR from a fork's branch, found by `head` (`user:ref-name`): the commit lookup answers
 * nothing for a commit that exists only in the fork (TooTallNate/nx.js#410,
 * quarkusio/pt.quarkus.io#389). Only a PR whose head is still the run's commit is accepted:
 * after a newer push the branch's PR is no longer the one that ran.
 */
async function findPullOfForkBranch(
  github: GitHub,
  context: Context,
  head: { label: string; sha: string },
  debug: (message: string) => void
): Promise<PullRequestInfo | null> {
  const { owner, repo } = context.repo
  return bestEffort(
    async () => {
      const { data } = await github.request<ApiPull[]>('GET /repos/{owner}/{repo}/pulls', {
        owner,
        repo,
        head: head.label,
        state: 'open'
      })
      const match = data.find(pr => pr.head?.sha === head.sha)
      if (match) return toInfo(match)
      const moved = data.map(pr => `#${pr.number} is at ${pr.head?.sha ?? '?'}`).join(', ')
      debug(
        `log-bugs: no open PR from ${head.label} has head ${head.sha}` +
          (moved ? ` (${moved}): pushed again since the run; no PR attached` : '')
      )
      return null
    },
    error => {
      debug(`log-bugs: PRs from ${head.label} unavailable: ${describeError(error)}`)
      return null
    }
  )
}
