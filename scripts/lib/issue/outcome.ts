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

/** A failure as the outcome shows it: its fingerprint, its would-be title and its jobs. */
export interface FailureRef {
  fingerprint: string
  title: string
  jobs: string[]
}

/** The title and body an issue or comment would have had (dry-run, or filing was refused). */
export interface Draft {
  title: string
  body: string
}

export type Outcome =
  /** a new issue was filed */
  | { kind: 'filed'; failure: FailureRef; issue: IssueRef }
  /** a known failure: this run was recorded on its open issue, seen `seen` times in all */
  | { kind: 'recorded'; failure: FailureRef; issue: IssueRef; seen: number }
  /** over `max-issues`: listed in the last issue filed by this run instead of filed */
  | { kind: 'listed'; failure: FailureRef; issue: IssueRef }
  /** the branch went green: this issue was closed */
  | { kind: 'resolved'; issue: IssueRef; fingerprint: string; seen: number }
  /** dry-run: what would have been written */
  | {
      kind: 'dry-run'
      action: 'file' | 'record' | 'close'
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
    case 'dry-run':
      return outcome.seen
    default:
      return 1
  }
}

/** The fingerprint an outcome is about. */
export function outcomeFingerprint(outcome: Outcome): string {
  return outcome.kind === 'resolved' ? outcome.fingerprint : outcome.failure.fingerprint
}

/** Whether an outcome closes an issue (the branch went green) rather than reports a failure. */
export const closes = (outcome: Outcome): boolean =>
  outcome.kind === 'resolved' || (outcome.kind === 'dry-run' && outcome.action === 'close')
