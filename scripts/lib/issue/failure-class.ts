import { isTrunkRun } from './metadata.js'
import type { Failure, FailureClass, RunContext, TrackedIssue } from './types.js'

/** `test (ubuntu, 20)` → `test`: a matrix leg's job-results key is its job's id. */
const resultKey = (jobName: string): string => jobName.replace(/\s+\(.*\)$/, '')

/**
 * The job may fail: the jobs API reports it failed, but the caller's `job-results` says
 * `success` for it — what `needs.<job>.result` says of a job with `continue-on-error: true`.
 */
export function isAllowedToFail(failure: Failure, context: RunContext): boolean {
  if (context.jobsSource !== 'api' || failure.jobs.length === 0) return false
  return failure.jobs.every(job => {
    const result = context.jobResults[job.name] ?? context.jobResults[resultKey(job.name)]
    return result === 'success'
  })
}

/** A job of the failure passed in an earlier attempt of this run: same commit, other result. */
export function passedInEarlierAttempt(failure: Failure, context: RunContext): boolean {
  const names = new Set(failure.jobs.map(job => job.name))
  return context.earlierAttempts.some(
    earlier => names.has(earlier.job) && earlier.conclusion === 'success'
  )
}

/** Whether an issue is flaky: it has flaked before, or a maintainer labelled it so. */
export const isFlaky = (issue: TrackedIssue, flakyLabel: string): boolean =>
  (issue.metadata?.flakes ?? 0) > 0 ||
  issue.labels.some(label => label.toLowerCase() === flakyLabel.toLowerCase())

/**
 * How a failure of this run relates to the PR (or branch) that saw it, from its open issue and
 * the run's own attempts; see FailureClass. The order matters: a failure the trunk has is not
 * the PR's even if it is flaky there too, but an allowed job is never anyone's to fix.
 */
export function classifyFailure(
  failure: Failure,
  context: RunContext,
  issue: TrackedIssue | null,
  flakyLabel: string
): FailureClass {
  if (isAllowedToFail(failure, context)) return 'allowed'
  const meta = issue?.metadata ?? null
  const onTrunk =
    meta !== null &&
    (meta.trunk === true ||
      (context.defaultBranch !== null && meta.branch === context.defaultBranch))
  if (issue && onTrunk && !isTrunkRun(context)) return 'broken-trunk'
  if (passedInEarlierAttempt(failure, context)) return 'flaky'
  if (issue && isFlaky(issue, flakyLabel)) return 'flaky'
  return issue ? 'known' : 'new'
}
