import { cleanUntrusted } from '../untrusted/clean-untrusted.js'
import { classifyFailure, isFlaky } from './failure-class.js'
import { isTrunkRun, occurrenceKey, workflowKey } from './metadata.js'
import type {
  Failure,
  FailureClass,
  Lifecycle,
  RunContext,
  TrackedIssue,
  TrackedIssues
} from './types.js'

/** One thing create-issue does, in the order it does them. */
export type PlanStep =
  /** a failure with no open issue: file one; the last one filed also lists the overflow */
  | {
      kind: 'file'
      failure: Failure
      class: FailureClass
      overflow: Failure[]
      /** an older closed issue of the same failure, linked from the new one */
      seenBefore: TrackedIssue | null
    }
  /** a failure with an open issue: record this run on it */
  | { kind: 'record'; failure: Failure; class: FailureClass; issue: TrackedIssue }
  /** a failure whose issue was closed lately: reopen it and record this run */
  | { kind: 'reopen'; failure: Failure; class: FailureClass; issue: TrackedIssue }
  /** a failure not to file: an allowed job, or one a maintainer closed as not planned */
  | { kind: 'skip'; failure: Failure; class: FailureClass; issue: TrackedIssue | null }
  /** an issue moves on in its lifecycle: a different failure on its branch, or the branch green */
  | { kind: 'mark'; fingerprint: string; issue: TrackedIssue; lifecycle: Lifecycle }
  /** the branch went green on the commit that failed: the failure is flaky */
  | { kind: 'flake'; fingerprint: string; issue: TrackedIssue }
  /** the default branch went green in this workflow: the issue is resolved */
  | { kind: 'close'; fingerprint: string; issue: TrackedIssue }

export interface PlanInput {
  context: RunContext
  failures: readonly Failure[]
  /** open issues by fingerprint */
  tracked: TrackedIssues
  /** the newest closed issue of failures that have no open one */
  closed: TrackedIssues
  maxIssues: number
  closeOnSuccess: boolean
  /** file issues for jobs that may fail (continue-on-error) too */
  fileAllowed: boolean
  /** a failure back within this many days reopens its closed issue */
  reopenDays: number
  flakyLabel: string
  now: string
}

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

const DAY = 86_400_000

/**
 * What to file, record, reopen, mark and close, decided from what the run found and what
 * log-bugs already tracks, before anything is written. Failures keep their order; new ones past
 * `maxIssues` are listed in the last issue filed instead. Issues of the run's branch and
 * workflow move through the lifecycle (README, "Lifecycle"): a different failure there makes
 * them fix-pending; the branch green makes them pending-merge, or flaky when it passed on the
 * very commit that failed; the default branch green closes them. Flaky issues stay open.
 */
export function planIssues(input: PlanInput): PlanStep[] {
  const { context, failures, tracked } = input
  const branch = cleanUntrusted(context.branch)
  const workflow = workflowKey(context)
  const ofThisWorkflow = (issue: TrackedIssue): boolean =>
    (issue.metadata?.workflow ?? '') === workflow
  const ofThisBranch = (issue: TrackedIssue): boolean =>
    issue.metadata?.branch === branch && ofThisWorkflow(issue)

  if (failures.length === 0) {
    if (!input.closeOnSuccess || !ranGreen(context)) return []
    return planGreen(input, ofThisBranch, ofThisWorkflow)
  }

  const steps: PlanStep[] = []
  const toFile: { failure: Failure; class: FailureClass; seenBefore: TrackedIssue | null }[] = []
  for (const failure of failures) {
    const issue = tracked[failure.fingerprint] ?? null
    const klass = classifyFailure(failure, context, issue, input.flakyLabel)
    if (issue) {
      steps.push({ kind: 'record', failure, class: klass, issue })
      continue
    }
    const closed = input.closed[failure.fingerprint] ?? null
    const recent =
      closed !== null &&
      closed.stateReason !== 'duplicate' &&
      Date.parse(input.now) - Date.parse(closed.closedAt ?? '') < input.reopenDays * DAY
    if (recent && closed.stateReason === 'not_planned') {
      steps.push({ kind: 'skip', failure, class: klass, issue: closed })
    } else if (recent) {
      steps.push({ kind: 'reopen', failure, class: klass, issue: closed })
    } else if (klass === 'allowed' && !input.fileAllowed) {
      steps.push({ kind: 'skip', failure, class: klass, issue: null })
    } else {
      toFile.push({
        failure,
        class: klass,
        seenBefore: closed?.stateReason === 'duplicate' ? null : closed
      })
    }
  }
  const filed = toFile.slice(0, input.maxIssues)
  const overflow = toFile.slice(input.maxIssues).map(entry => entry.failure)
  for (const entry of filed) {
    steps.push({ kind: 'file', ...entry, overflow: entry === filed.at(-1) ? overflow : [] })
  }

  // The branch's other issues: their failure is gone while a new one appeared, so the fix is
  // probably in. Only when the jobs API says what failed, and never on the default branch,
  // where failures are everyone's and come and go with merges.
  if (context.jobsSource === 'api' && !isTrunkRun(context)) {
    const failing = new Set(failures.map(failure => failure.fingerprint))
    for (const [fingerprint, issue] of Object.entries(tracked)) {
      if (failing.has(fingerprint) || !ofThisBranch(issue)) continue
      if (issue.metadata?.lifecycle || isFlaky(issue, input.flakyLabel)) continue
      steps.push({ kind: 'mark', fingerprint, issue, lifecycle: 'fix-pending' })
    }
  }
  return steps
}

function planGreen(
  input: PlanInput,
  ofThisBranch: (issue: TrackedIssue) => boolean,
  ofThisWorkflow: (issue: TrackedIssue) => boolean
): PlanStep[] {
  const { context } = input
  const trunk = isTrunkRun(context)
  const steps: PlanStep[] = []
  for (const [fingerprint, issue] of Object.entries(input.tracked)) {
    const meta = issue.metadata
    if (!meta || !ofThisWorkflow(issue)) continue
    const here = ofThisBranch(issue)
    // an earlier attempt of this very run failed, or the last failure was on this commit
    const sameCommit =
      here &&
      (meta.runs.some(run => run.id === context.runId) ||
        (meta.runs.at(-1)?.sha !== undefined && meta.runs.at(-1)?.sha === context.sha))
    const flake = occurrenceKey({ id: context.runId, attempt: context.attempt })
    if (sameCommit && meta.lastFlake !== flake) {
      steps.push({ kind: 'flake', fingerprint, issue })
      continue
    }
    if (isFlaky(issue, input.flakyLabel)) continue
    if (trunk && (here || meta.trunk || meta.lifecycle === 'pending-merge')) {
      steps.push({ kind: 'close', fingerprint, issue })
    } else if (here && meta.lifecycle !== 'pending-merge') {
      steps.push({ kind: 'mark', fingerprint, issue, lifecycle: 'pending-merge' })
    }
  }
  return steps
}
