import { trackIssues } from '../issue/tracked-issue.js';
/**
 * Open issues that log-bugs filed, by fingerprint: listed by label, which is consistent right
 * after a write (search lags), oldest first; see `toTracked` for what counts as ours.
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
    return trackIssues(issues, target.botLogin);
}
/**
 * Search finds tracked issues whose label a human removed. It lags and allows 30 queries a
 * minute, so it is one query for all missing fingerprints, and its failure is only logged.
 */
export async function searchTrackedIssues(github, target, fingerprints) {
    // GitHub allows at most five AND/OR/NOT operators in a query.
    const terms = fingerprints.slice(0, 6).map(f => `"${f}"`);
    if (terms.length === 0)
        return {};
    const q = `repo:${target.owner}/${target.repo} is:issue is:open in:body ${terms.join(' OR ')}`;
    const { data } = await github.request('GET /search/issues', {
        q,
        per_page: 50
    });
    const found = trackIssues(data.items, target.botLogin);
    for (const fingerprint of Object.keys(found))
        if (!fingerprints.includes(fingerprint))
            delete found[fingerprint];
    return found;
}
