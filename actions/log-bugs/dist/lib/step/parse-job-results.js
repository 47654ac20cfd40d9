/**
 * Normalises the caller's `toJSON(needs)`: `{"build": {"result": "failure", "outputs": {}}}` →
 * `{build: 'failure'}`. Returns a problem description instead of throwing, because a malformed
 * value must only cost a warning: the jobs API still knows what failed.
 */
export function parseJobResults(raw) {
    const text = raw.trim();
    if (text === '' || text === '{}' || text === 'null')
        return { results: {}, problem: null };
    let parsed;
    try {
        parsed = JSON.parse(text);
    }
    catch {
        return { results: {}, problem: 'job-results is not valid JSON (pass ${{ toJSON(needs) }})' };
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
        return { results: {}, problem: 'job-results must be an object like toJSON(needs)' };
    }
    const results = {};
    const skipped = [];
    for (const [job, value] of Object.entries(parsed)) {
        const result = typeof value === 'object' && value !== null && 'result' in value
            ? value.result
            : undefined;
        if (typeof result === 'string' && /^[a-z_]{1,20}$/.test(result))
            results[job] = result;
        else
            skipped.push(job);
    }
    const problem = skipped.length > 0
        ? `job-results: ${skipped.length} entr${skipped.length === 1 ? 'y has' : 'ies have'} no result (expected the shape of toJSON(needs))`
        : null;
    return { results, problem };
}
