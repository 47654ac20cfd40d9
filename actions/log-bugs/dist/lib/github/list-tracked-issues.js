import { parseMarker, parseMetadata } from '../markdown/marker.js';
/**
 * Open issues that log-bugs filed, by fingerprint: listed by label (consistent right after a
 * write), skipping pull requests (the issues list includes them) and anything not written by
 * `botLogin` (a copied marker must not make someone else's issue ours). The oldest issue wins
 * when a race filed two.
 */
export async function listTrackedIssues(github, target) {
    const issues = await github.paginate('GET /repos/{owner}/{repo}/issues', {
        owner: target.owner,
        repo: target.repo,
        state: 'open',
        ...(target.label ? { labels: target.label } : {}),
        sort: 'created',
        direction: 'asc',
        per_page: 100
    });
    const byFingerprint = new Map();
    for (const issue of issues) {
        const found = toTracked(issue, target.botLogin);
        if (!found)
            continue;
        const [fingerprint, tracked] = found;
        const known = byFingerprint.get(fingerprint);
        if (!known || tracked.number < known.number)
            byFingerprint.set(fingerprint, tracked);
    }
    return byFingerprint;
}
/** An API issue as a tracked log-bugs issue, or null when it is not one of ours. */
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
            metadata: asMetadata(parseMetadata(body))
        }
    ];
}
function asMetadata(value) {
    if (typeof value !== 'object' || value === null)
        return null;
    const meta = value;
    if (typeof meta.fingerprint !== 'string' || !Array.isArray(meta.runs))
        return null;
    return meta;
}
/**
 * Search finds tracked issues whose label a human removed. It lags and allows 30 queries a
 * minute, so it is one query for all missing fingerprints, and its failure is only logged.
 */
export async function searchTrackedIssues(github, target, fingerprints) {
    const found = new Map();
    // GitHub allows at most five AND/OR/NOT operators in a query.
    const terms = fingerprints.slice(0, 6).map(f => `"${f}"`);
    if (terms.length === 0)
        return found;
    const q = `repo:${target.owner}/${target.repo} is:issue is:open in:body ${terms.join(' OR ')}`;
    const { data } = await github.request('GET /search/issues', {
        q,
        per_page: 50
    });
    for (const item of data.items) {
        const tracked = toTracked(item, target.botLogin);
        if (!tracked || !fingerprints.includes(tracked[0]))
            continue;
        const known = found.get(tracked[0]);
        if (!known || tracked[1].number < known.number)
            found.set(tracked[0], tracked[1]);
    }
    return found;
}
