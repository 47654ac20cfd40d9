import { renderHistory, replaceHistory } from '../issue/history.js';
import { mergeMetadata, readIssueMetadata, replaceMetadata } from '../issue/metadata.js';
import { labelNamesOf } from '../issue/tracked-issue.js';
import { errorFields, errorStatus } from '../step/errors.js';
import { createLabels } from './file-issue.js';
/** Rounds of write-and-check before giving up on a contended issue. */
const ROUNDS = 6;
const sameSet = (a, b) => a.length === b.length && a.every(x => b.some(y => y.toLowerCase() === x.toLowerCase()));
/**
 * Records a change in an issue's body (metadata and the "Seen" section) instead of a comment,
 * which would notify every watcher. GitHub has no conditional update for issues, so concurrent
 * runs can overwrite each other: each writes, reads the issue back, and writes again until its
 * change is there; the caller reads once more after its other writes (`fresh`), when a racer's
 * stale write has landed. Every write carries every run any read
 * showed, so a run one racer's stale write dropped is put back by the next racer that saw it.
 * Returns the metadata as last read, or null when the body has none (a human removed it).
 */
export async function updateTrackedIssue(github, target, issue, change, sleep, options = {}) {
    const route = { owner: target.owner, repo: target.repo, issue_number: issue.number };
    const read = async () => {
        const { data } = await github.request('GET /repos/{owner}/{repo}/issues/{issue_number}', route);
        const body = data.body ?? '';
        return {
            body,
            labels: labelNamesOf(data),
            open: data.state === 'open',
            meta: readIssueMetadata(body)
        };
    };
    // the listed copy answers a re-run of the step without a request
    const listed = {
        body: issue.body,
        labels: issue.labels,
        open: issue.state !== 'closed',
        meta: issue.metadata
    };
    const isDone = (current) => {
        const wantedLabels = change.labels?.(current.labels);
        return (current.meta !== null &&
            change.holds(current.meta) &&
            (wantedLabels === undefined || sameSet(wantedLabels, current.labels)) &&
            (!change.reopen || current.open));
    };
    // the first write starts from the listed copy; the read-back and the caller's last check
    // (after all its other writes) catch what a racer wrote meanwhile
    if (!options.fresh && isDone(listed))
        return listed.meta;
    let current = options.fresh ? await read() : listed;
    let observed = null;
    for (let round = 0; round < ROUNDS; round++) {
        if (current.meta === null)
            return null;
        observed = observed ? mergeMetadata(current.meta, observed) : current.meta;
        if (isDone(current))
            return current.meta;
        if (round > 0)
            await sleep(100 * round + Math.floor(Math.random() * 200));
        const next = change.apply(mergeMetadata(current.meta, observed));
        const wantedLabels = change.labels?.(current.labels);
        const patch = () => github.request('PATCH /repos/{owner}/{repo}/issues/{issue_number}', {
            ...route,
            body: replaceHistory(replaceMetadata(current.body, next), renderHistory(next, target)),
            ...(wantedLabels ? { labels: wantedLabels } : {}),
            ...(change.reopen ? { state: 'open' } : {})
        });
        try {
            await patch();
        }
        catch (error) {
            // a server that refuses labels it does not have (fix-pending, flaky…): make them, again
            const refused = errorStatus(error) === 422 && errorFields(error).some(f => f.field === 'labels');
            if (!refused || !wantedLabels)
                throw error;
            await createLabels(github, target, wantedLabels);
            await patch();
        }
        current = await read();
    }
    return current.meta;
}
