import type { FailureClass, Lifecycle } from './types.js'

/**
 * What became of each failure of a run (and of each issue a green run closed): create-issue's
 * result, which the PR comment, the job summary and the action's outputs are made from.
 */

/** An issue on GitHub, as the PR comment and the summary link it. */
export interface IssueRef {
  number: number
  url: string
  title: string
}

/** A failure as the outcome shows it: its fingerprint, its would-be title, jobs and class. */
export interface FailureRef {
  fingerprint: string
  title: string
  jobs: string[]
  class: FailureClass
}

/** What a green run (or a different failure) did to an issue of the branch. */
export type IssueStep = Lifecycle | 'flaky' | 'closed'

/** The title and body an issue or comment would have had (dry-run, or filing was refused). */
export interface Draft {
  title: string
  body: string
}

export type Outcome =
  /** a new issue was filed */
  | { kind: 'filed'; failure: FailureRef; issue: IssueRef }
  /** a known failure: this run was recorded on its issue (reopened when it was closed lately) */
  | { kind: 'recorded'; failure: FailureRef; issue: IssueRef; seen: number; reopened?: boolean }
  /** not filed: an allowed job's failure, or one whose issue was closed as not planned */
  | { kind: 'skipped'; failure: FailureRef; issue: IssueRef | null }
  /** over `max-issues`: listed in the last issue filed by this run instead of filed */
  | { kind: 'listed'; failure: FailureRef; issue: IssueRef }
  /** the default branch went green: this issue was closed */
  | { kind: 'resolved'; issue: IssueRef; fingerprint: string; seen: number }
  /** an issue of the branch moved on: fix-pending, pending-merge, or found flaky */
  | { kind: 'marked'; issue: IssueRef; fingerprint: string; step: IssueStep; seen: number }
  /** dry-run: what would have been written */
  | {
      kind: 'dry-run'
      action: 'file' | 'record' | 'close' | 'mark'
      failure: FailureRef
      issue: IssueRef | null
      seen: number
      draft: Draft
    }
  /** GitHub refused to file the issue: the draft goes to the job summary */
  | { kind: 'refused'; failure: FailureRef; draft: Draft; error: string }

/** The issue an outcome points to, if there is one. */
export function outcomeIssue(outcome: Outcome): IssueRef | null {
  switch (outcome.kind) {
    case 'filed':
    case 'recorded':
    case 'listed':
    case 'resolved':
    case 'marked':
    case 'skipped':
      return outcome.issue
    case 'dry-run':
      return outcome.issue
    case 'refused':
      return null
  }
}

/** How often the failure behind an outcome has been seen, this run included. */
export function outcomeSeen(outcome: Outcome): number {
  switch (outcome.kind) {
    case 'recorded':
    case 'resolved':
    case 'marked':
    case 'dry-run':
      return outcome.seen
    default:
      return 1
  }
}

/** The fingerprint an outcome is about. */
export function outcomeFingerprint(outcome: Outcome): string {
  return outcome.kind === 'resolved' || outcome.kind === 'marked'
    ? outcome.fingerprint
    : outcome.failure.fingerprint
}

/**
 * Whether an outcome is about an issue of the branch (closed, marked) rather than a failure of
 * this run.
 */
export const closes = (outcome: Outcome): boolean =>
  outcome.kind === 'resolved' ||
  outcome.kind === 'marked' ||
  (outcome.kind === 'dry-run' && (outcome.action === 'close' || outcome.action === 'mark'))

/** The failure an outcome reports, null for outcomes about the branch's issues. */
export function outcomeFailure(outcome: Outcome): FailureRef | null {
  return outcome.kind === 'resolved' || outcome.kind === 'marked' || closes(outcome)
    ? null
    : outcome.failure
}

/** The class of a failure outcome, null for outcomes about the branch's issues. */
export const outcomeClass = (outcome: Outcome): FailureClass | null =>
  outcomeFailure(outcome)?.class ?? null
