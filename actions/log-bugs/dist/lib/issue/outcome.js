/**
 * What became of each failure of a run (and of each issue a green run closed): create-issue's
 * result, which the PR comment, the job summary and the action's outputs are made from.
 */
/** The issue an outcome points to, if there is one. */
export function outcomeIssue(outcome) {
    switch (outcome.kind) {
        case 'filed':
        case 'recorded':
        case 'listed':
        case 'resolved':
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
        case 'dry-run':
            return outcome.seen;
        default:
            return 1;
    }
}
/** The fingerprint an outcome is about. */
export function outcomeFingerprint(outcome) {
    return outcome.kind === 'resolved' ? outcome.fingerprint : outcome.failure.fingerprint;
}
/** Whether an outcome closes an issue (the branch went green) rather than reports a failure. */
export const closes = (outcome) => outcome.kind === 'resolved' || (outcome.kind === 'dry-run' && outcome.action === 'close');
