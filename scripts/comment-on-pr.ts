import { escapeInline } from './lib/markdown/escape-markdown.js'
import { rethrowIfFatal } from './lib/step/errors.js'
import { errorMessage, errorStatus } from './lib/step/error-message.js'
import { link } from './lib/issue/build-issue.js'
import { loadTemplate } from './lib/step/load-template.js'
import {
  formatCommentMarker,
  formatMetadata,
  hasCommentMarker,
  parseMetadata
} from './lib/markdown/marker.js'
import { readInputs, type ActionInputs } from './lib/step/read-inputs.js'
import { renderSummary } from './lib/issue/render-summary.js'
import { renderTemplate, type TemplateView } from './lib/markdown/render-template.js'
import { runStep } from './lib/step/run-step.js'
import { readState } from './lib/step/state-store.js'
import type { Core, FiledIssue, GitHub, RunContext, StepDeps } from './lib/step/types.js'

export interface CommentOnPrResult {
  commentUrl: string | null
  issueNumbers: number[]
}

interface ListedIssue {
  number: number
  fingerprint: string
  title: string
  lastSeen: string
  seen: number
}

interface ApiComment {
  id: number
  html_url: string
  body?: string | null
  user?: { login?: string } | null
}

/** Issues listed in one PR comment at most; older ones drop off the end. */
const MAX_LISTED = 30

/**
 * Keeps one comment per pull request, found by its hidden marker and edited in place, listing
 * every issue this PR's failures map to with its status. Also writes the job summary and the
 * action's outputs. A refused comment (fork PR, read-only token) is a warning: the issue exists.
 */
export async function run(
  deps: StepDeps,
  inputs: ActionInputs = readInputs(process.env),
  env: Record<string, string | undefined> = process.env
): Promise<CommentOnPrResult | undefined> {
  return runStep(deps, inputs, async (github, core) => {
    const context = readState<RunContext>(inputs.stateDir, 'context')
    const issues = readState<FiledIssue[]>(inputs.stateDir, 'issues')
    const { botLogin } = readState<{ botLogin: string }>(inputs.stateDir, 'identity')
    const problems: string[] = []
    let commentUrl: string | null = null
    let commentBody: string | undefined

    const resolved = issues.filter(issue => issue.resolved)
    const failures = issues.filter(issue => !issue.resolved)
    const numbered = failures.filter(issue => issue.number !== null)
    // A green run never starts a PR comment; it only updates one an earlier failure left.
    const onlyUpdate = failures.length === 0
    if (!context.pr) {
      core.info('log-bugs: no pull request for this run; no PR comment')
    } else if (!inputs.commentOnPr) {
      core.info('log-bugs: comment-on-pr is false; no PR comment')
    } else if (numbered.length === 0 && !inputs.dryRun && !onlyUpdate) {
      core.info('log-bugs: no issue to point to; no PR comment')
    } else {
      const template = loadTemplate('pr-comment', inputs.commentTemplate, env.GITHUB_WORKSPACE)
      try {
        const outcome = await upsertComment(
          github,
          core,
          context,
          failures,
          botLogin,
          template,
          inputs.dryRun,
          (deps.now ?? (() => new Date()))().toISOString(),
          onlyUpdate
        )
        commentUrl = outcome.url
        commentBody = outcome.body
      } catch (error) {
        rethrowIfFatal(error)
        const status = errorStatus(error)
        const why =
          status === 403
            ? `the token may not comment on PR #${context.pr.number} (HTTP 403${context.pr.fork ? ': pull requests from forks get a read-only token' : ''}). Grant \`pull-requests: write\`, or use the workflow_run recipe in the README`
            : `commenting on PR #${context.pr.number} failed (${status ? `HTTP ${status}` : 'network error'}: ${errorMessage(error)})`
        core.warning(`log-bugs: ${why}; the issue is filed all the same`)
        problems.push(why)
      }
    }

    try {
      await core.summary
        .addRaw(
          renderSummary(context, issues, problems, inputs.dryRun ? commentBody : undefined),
          true
        )
        .write()
    } catch (error) {
      rethrowIfFatal(error)
      core.warning(`log-bugs: job summary not written: ${errorMessage(error)}`)
    }
    const numbers = [...new Set(numbered.map(issue => issue.number as number))]
    const urls = [...new Set(numbered.map(issue => issue.url as string))]
    core.setOutput('issue-numbers', numbers.join(','))
    core.setOutput('issue-urls', urls.join(','))
    core.setOutput('created', String(issues.filter(issue => issue.created).length))
    core.setOutput('fingerprints', failures.map(issue => issue.fingerprint).join(','))
    core.setOutput('comment-url', commentUrl ?? '')
    core.setOutput('is-retry', String(issues.some(issue => issue.isRetry)))
    core.setOutput('resolved-issues', resolved.map(issue => issue.number).join(','))
    core.setOutput(
      'attempt-count',
      String(Math.max(0, ...failures.map(issue => issue.attemptCount)))
    )
    return { commentUrl, issueNumbers: numbers }
  })
}

async function upsertComment(
  github: GitHub,
  core: Core,
  context: RunContext,
  issues: FiledIssue[],
  botLogin: string,
  template: string,
  dryRun: boolean,
  now: string,
  onlyUpdate: boolean
): Promise<{ url: string | null; body: string }> {
  const pr = context.pr as NonNullable<RunContext['pr']>
  const target = { owner: context.owner, repo: context.repo }
  const key = String(pr.number)
  /** Our comments on this PR, oldest first: the oldest is the one to keep. */
  const listOurs = async (): Promise<ApiComment[]> => {
    const comments = await github.paginate<ApiComment>(
      'GET /repos/{owner}/{repo}/issues/{issue_number}/comments',
      { ...target, issue_number: pr.number, per_page: 100 }
    )
    return comments
      .filter(
        comment =>
          comment.user?.login === botLogin &&
          hasCommentMarker(comment.body ?? '', 'pr-comment', key)
      )
      .sort((a, b) => a.id - b.id)
  }
  const render = (previousBody: string) =>
    renderPrComment(github, context, issues, template, now, previousBody)

  const [mine] = await listOurs()
  if (!mine && onlyUpdate) {
    core.info('log-bugs: no failure and no earlier PR comment; nothing to say on the PR')
    return { url: null, body: '' }
  }
  let body = await render(mine?.body ?? '')
  if (dryRun) {
    core.info(
      `log-bugs: dry-run: would ${mine ? `edit comment ${mine.id}` : 'comment'} on PR #${pr.number}\n${body}`
    )
    return { url: null, body }
  }
  if (mine) {
    const { data } = await github.request<ApiComment>(
      'PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}',
      { ...target, comment_id: mine.id, body }
    )
    core.info(`log-bugs: updated the PR comment ${data.html_url}`)
    return { url: data.html_url, body }
  }
  const { data: created } = await github.request<ApiComment>(
    'POST /repos/{owner}/{repo}/issues/{issue_number}/comments',
    { ...target, issue_number: pr.number, body }
  )
  // Runs that race can each find no comment and post one. Ids grow with time, so all agree the
  // oldest stays: a later poster folds its list into the oldest and deletes its own.
  const [oldest] = await listOurs()
  if (oldest && oldest.id < created.id) {
    body = await render(oldest.body ?? '')
    const { data } = await github.request<ApiComment>(
      'PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}',
      { ...target, comment_id: oldest.id, body }
    )
    await github.request('DELETE /repos/{owner}/{repo}/issues/comments/{comment_id}', {
      ...target,
      comment_id: created.id
    })
    core.info(`log-bugs: another run commented first; updated its comment ${data.html_url}`)
    return { url: data.html_url, body }
  }
  core.info(`log-bugs: commented on PR #${pr.number}: ${created.html_url}`)
  return { url: created.html_url, body }
}

/** The comment's text: the issues an earlier version listed, updated with this run's. */
async function renderPrComment(
  github: GitHub,
  context: RunContext,
  issues: FiledIssue[],
  template: string,
  now: string,
  previousBody: string
): Promise<string> {
  const pr = context.pr as NonNullable<RunContext['pr']>
  const listed = new Map<number, ListedIssue>()
  for (const previous of previousIssues(previousBody)) listed.set(previous.number, previous)
  for (const issue of issues) {
    if (issue.number === null) continue
    listed.set(issue.number, {
      number: issue.number,
      fingerprint: issue.fingerprint,
      title: issue.title,
      lastSeen: now,
      seen: issue.attemptCount
    })
  }
  const current = new Set(issues.map(issue => issue.number))
  const shown = [...listed.values()].sort((a, b) => b.number - a.number).slice(0, MAX_LISTED)
  const rows: TemplateView[] = []
  for (const item of shown) {
    rows.push({
      link: link(
        `#${item.number}`,
        `${context.serverUrl}/${context.owner}/${context.repo}/issues/${item.number}`
      ),
      status: current.has(item.number)
        ? statusOf(issues, item)
        : await refreshStatus(github, context, item.number),
      title: escapeInline(item.title, 120),
      lastSeen: item.lastSeen.slice(0, 16).replace('T', ' ') + ' UTC'
    })
  }
  const failing = issues.length
  return renderTemplate(template, {
    summary:
      failing === 0
        ? 'No failure in the latest run.'
        : `${link(`Run ${context.runId}`, context.runUrl)} (attempt ${context.attempt}) failed in ${failing} distinct way${failing === 1 ? '' : 's'}.`,
    issues: rows,
    run: link(`run ${context.runId}`, context.runUrl),
    attempt: String(context.attempt),
    marker: formatCommentMarker('pr-comment', String(pr.number)),
    metadata: formatMetadata({ version: 1, pr: pr.number, issues: shown })
  })
}

function statusOf(issues: FiledIssue[], item: ListedIssue): string {
  const issue = issues.find(candidate => candidate.number === item.number)
  if (!issue) return 'open'
  return issue.created ? 'open · new' : `open · seen ${issue.attemptCount}×`
}

async function refreshStatus(github: GitHub, context: RunContext, number: number): Promise<string> {
  try {
    const { data } = await github.request<{ state: string; state_reason?: string | null }>(
      'GET /repos/{owner}/{repo}/issues/{issue_number}',
      { owner: context.owner, repo: context.repo, issue_number: number }
    )
    if (data.state === 'closed')
      return data.state_reason === 'duplicate' ? 'closed · duplicate' : 'closed'
    return 'open · not seen in this run'
  } catch {
    return 'unknown'
  }
}

/** The issues an earlier version of the comment listed, from its metadata block. */
function previousIssues(body: string): ListedIssue[] {
  const meta = parseMetadata(body) as { issues?: unknown } | null
  if (!meta || !Array.isArray(meta.issues)) return []
  return meta.issues.filter(
    (item): item is ListedIssue =>
      typeof item === 'object' &&
      item !== null &&
      typeof (item as ListedIssue).number === 'number' &&
      typeof (item as ListedIssue).title === 'string'
  )
}
