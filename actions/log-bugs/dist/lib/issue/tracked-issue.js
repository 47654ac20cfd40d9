import { parseMarker } from '../markdown/marker.js';
import { readIssueMetadata } from './metadata.js';
import { trustsAuthor } from './trusts-author.js';
/**
 * An API issue as a tracked log-bugs issue, or null when it is not one of ours: pull requests
 * (the issues list includes them), issues in other states than asked, and anything its author
 * check refuses (trustsAuthor: a copied marker must not make someone else's issue ours).
 */
export function toTracked(issue, botLogin, states = ['open']) {
    if (issue.pull_request !== undefined || !states.includes(issue.state))
        return null;
    const body = issue.body ?? '';
    const fingerprint = parseMarker(body);
    if (!fingerprint)
        return null;
    const metadata = readIssueMetadata(body);
    if (!trustsAuthor(botLogin, issue.user?.login, metadata?.writer))
        return null;
    return [
        fingerprint,
        {
            number: issue.number,
            url: issue.html_url,
            title: issue.title,
            body,
            metadata,
            ...(issue.user?.login ? { author: issue.user.login } : {}),
            labels: labelNamesOf(issue),
            ...(issue.state === 'closed'
                ? {
                    state: 'closed',
                    closedAt: issue.closed_at ?? null,
                    stateReason: issue.state_reason ?? null
                }
                : {})
        }
    ];
}
/** An API issue's label names (the API gives objects; a request may give names). */
export const labelNamesOf = (issue) => (issue.labels ?? [])
    .map(label => (typeof label === 'string' ? label : (label.name ?? '')))
    .filter(name => name !== '');
/**
 * Tracked issues by fingerprint; when a race filed two, the oldest (lowest number) wins, and
 * of closed ones (`states` ['closed']), the newest, the one a comeback reopens.
 */
export function trackIssues(issues, botLogin, states = ['open']) {
    const byFingerprint = {};
    const closed = states.length === 1 && states[0] === 'closed';
    for (const issue of issues) {
        const found = toTracked(issue, botLogin, states);
        if (!found)
            continue;
        const [fingerprint, tracked] = found;
        const known = byFingerprint[fingerprint];
        if (!known || (closed ? tracked.number > known.number : tracked.number < known.number))
            byFingerprint[fingerprint] = tracked;
    }
    return byFingerprint;
}
