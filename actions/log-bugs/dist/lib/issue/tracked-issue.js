import { parseMarker } from '../markdown/marker.js';
import { readIssueMetadata } from './metadata.js';
/**
 * An API issue as a tracked log-bugs issue, or null when it is not one of ours: pull requests
 * (the issues list includes them), closed issues, and anything not written by `botLogin` (a
 * copied marker must not make someone else's issue ours: zereight/gitlab-mcp#509).
 */
export function toTracked(issue, botLogin) {
    if (issue.pull_request !== undefined || issue.state !== 'open')
        return null;
    if (issue.user?.login !== botLogin)
        return null;
    const body = issue.body ?? '';
    const fingerprint = parseMarker(body);
    if (!fingerprint)
        return null;
    return [
        fingerprint,
        {
            number: issue.number,
            url: issue.html_url,
            title: issue.title,
            body,
            metadata: readIssueMetadata(body)
        }
    ];
}
/** Tracked issues by fingerprint; when a race filed two, the oldest (lowest number) wins. */
export function trackIssues(issues, botLogin) {
    const byFingerprint = {};
    for (const issue of issues) {
        const found = toTracked(issue, botLogin);
        if (!found)
            continue;
        const [fingerprint, tracked] = found;
        const known = byFingerprint[fingerprint];
        if (!known || tracked.number < known.number)
            byFingerprint[fingerprint] = tracked;
    }
    return byFingerprint;
}
