/** The issue an outcome points to, if there is one. */
export function outcomeIssue(outcome) {
    switch (outcome.kind) {
        case 'filed':
        case 'recorded':
        case 'listed':
        case 'resolved':
        case 'marked':
        case 'skipped':
            return outcome.issue;
        case 'dry-run':
            return outcome.issue;
        case 'refused':
            return null;
    }
}
/** How often the failure behind an outcome has been seen, this run included. */
export function outcomeSeen(outcome) {
    switch (outcome.kind) {
        case 'recorded':
        case 'resolved':
        case 'marked':
        case 'dry-run':
            return outcome.seen;
        default:
            return 1;
    }
}
/** The fingerprint an outcome is about. */
export function outcomeFingerprint(outcome) {
    return outcome.kind === 'resolved' || outcome.kind === 'marked'
        ? outcome.fingerprint
        : outcome.failure.fingerprint;
}
/**
 * Whether an outcome is about an issue of the branch (closed, marked) rather than a failure of
 * this run.
 */
export const closes = (outcome) => outcome.kind === 'resolved' ||
    outcome.kind === 'marked' ||
    (outcome.kind === 'dry-run' && (outcome.action === 'close' || outcome.action === 'mark'));
/** The failure an outcome reports, null for outcomes about the branch's issues. */
export function outcomeFailure(outcome) {
    return outcome.kind === 'resolved' || outcome.kind === 'marked' || closes(outcome)
        ? null
        : outcome.failure;
}
/** The class of a failure outcome, null for outcomes about the branch's issues. */
export const outcomeClass = (outcome) => outcomeFailure(outcome)?.class ?? null;
