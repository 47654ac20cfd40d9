import { cleanUntrusted, link } from '../issue/build-issue.js'
import { dedupLabel } from '../issue/dedup-label.js'
import { escapeInline } from '../markdown/escape-markdown.js'
import { workflowKey, type IssuePlan } from '../issue/issue-plan.js'
import { listTrackedIssues } from './list-tracked-issues.js'
import type { Core, FiledIssue, GitHub, RunContext } from '../step/types.js'

/**
 * The run passed: no failed job in the jobs API, or, when the API was unavailable, job-results
 * that list jobs and none that failed. Without either we cannot tell, so nothing is closed.
 */
export function ranGreen(context: RunContext): boolean {
  if (context.failedJobs.length > 0) return false
  if (context.jobsSource === 'api') return true
  const results = Object.values(context.jobResults)
  return results.length > 0 && results.every(result => result === 'success' || result === 'skipped')
}

/**
 * The branch went green in this workflow: close the issues log-bugs filed for failures of this
 * workflow on this branch, with a comment naming the run that passed. Issues of other branches
 * or other workflows stay open.
 */
export async function resolveGreen(
  github: GitHub,
  core: Core,
  plan: IssuePlan
): Promise<FiledIssue[]> {
  const { context, inputs } = plan
  const tracked = await listTrackedIssues(github, {
    owner: context.owner,
    repo: context.repo,
    label: dedupLabel(inputs.labels),
    botLogin: plan.botLogin
  })
  const resolved: FiledIssue[] = []
  for (const [fingerprint, issue] of tracked) {
    const meta = issue.metadata
    if (
      !meta ||
      meta.branch !== cleanUntrusted(context.branch) ||
      (meta.workflow ?? '') !== workflowKey(context)
    )
      continue
    const note = `Resolved: ${escapeInline(context.branch)} passed in ${link(`run ${context.runId}`, context.runUrl)} (attempt ${context.attempt}). log-bugs closes this issue; it files a new one if the failure comes back.`
    const entry: FiledIssue = {
      fingerprint,
      number: issue.number,
      url: issue.url,
      title: issue.title,
      created: false,
      isRetry: false,
      attemptCount: meta.attemptCount,
      jobs: [],
      resolved: true
    }
    if (inputs.dryRun) {
      core.info(`log-bugs: dry-run: would close #${issue.number} (${context.branch} is green)`)
      resolved.push({ ...entry, wouldBe: { title: issue.title, body: note } })
      continue
    }
    const target = { owner: context.owner, repo: context.repo, issue_number: issue.number }
    await github.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', {
      ...target,
      body: note
    })
    await github.request('PATCH /repos/{owner}/{repo}/issues/{issue_number}', {
      ...target,
      state: 'closed',
      state_reason: 'completed'
    })
    core.info(`log-bugs: closed #${issue.number}: ${context.branch} is green`)
    resolved.push(entry)
  }
  return resolved
}
