import { mergeRuns, newMetadata, occurrenceKey, replaceMetadata } from '../issue/metadata.js';
import { bestEffort, errorMessage } from '../step/errors.js';
import { postOnce } from './post-once.js';
const OCCURRENCE = /<!-- log-bugs:occurrence=(\d+)-(\d+) -->/;
/** The runs recorded on an issue as occurrence comments by the bot, with the comments' ids. */
async function listOccurrences(github, target) {
    const comments = await github.paginate('GET /repos/{owner}/{repo}/issues/{issue_number}/comments', { owner: target.owner, repo: target.repo, issue_number: target.issue, per_page: 100 });
    const found = [];
    for (const comment of comments) {
        if (comment.user?.login !== target.botLogin)
            continue;
        const match = OCCURRENCE.exec(comment.body ?? '');
        if (match)
            found.push({ id: comment.id, run: { id: Number(match[1]), attempt: Number(match[2]) } });
    }
    return found;
}
/**
 * Records this run on a known failure's issue: one occurrence comment per run and attempt
 * (looked up first, so a re-run of this step never posts twice; a twin posted by a racer at the
 * same time deletes itself), then the metadata's run list and count. Concurrent runs may each
 * write a stale count; the last writer re-reads the comments so the count converges.
 * Returns how often the failure has been seen, this run included.
 */
export async function recordOccurrence(github, core, context, issue, comment, options) {
    const target = {
        owner: context.owner,
        repo: context.repo,
        issue: issue.number,
        botLogin: options.botLogin
    };
    const api = { owner: context.owner, repo: context.repo };
    const run = { id: context.runId, attempt: context.attempt };
    const ownKey = occurrenceKey(run);
    const base = issue.metadata ?? {
        ...newMetadata(context, options.fingerprint, options.now),
        runs: [],
        attemptCount: 1
    };
    if (base.runs.some(known => occurrenceKey(known) === ownKey))
        return base.attemptCount;
    let occurrences = await listOccurrences(github, target);
    const already = occurrences.some(o => occurrenceKey(o.run) === ownKey);
    if (!already) {
        const mine = (o) => occurrenceKey(o.run) === ownKey;
        const { posted, oldest } = await postOnce({
            post: async () => (await github.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', { ...api, issue_number: issue.number, body: comment })).data,
            list: async () => (occurrences = await listOccurrences(github, target)).filter(mine),
            id: c => c.id
        });
        // Two reporters of the same run (matrix legs reporting separately) both found no comment.
        if (oldest !== posted) {
            await github.request('DELETE /repos/{owner}/{repo}/issues/comments/{comment_id}', {
                ...api,
                comment_id: posted.id
            });
            occurrences = occurrences.filter(o => o.id !== posted.id);
        }
    }
    let seen = base.attemptCount;
    let written = -1;
    for (let round = 0; round < 3; round++) {
        const runs = occurrences.map(o => o.run).concat(already ? [] : [run]);
        const meta = mergeRuns(base, runs, options.now);
        if (meta.runs.length === written)
            break;
        const ok = await bestEffort(async () => {
            await github.request('PATCH /repos/{owner}/{repo}/issues/{issue_number}', {
                ...api,
                issue_number: issue.number,
                body: replaceMetadata(issue.body, meta)
            });
            return true;
        }, error => {
            core.warning(`log-bugs: could not update the run count on #${issue.number}: ${errorMessage(error)}`);
            return false;
        });
        if (!ok)
            break;
        written = meta.runs.length;
        seen = meta.attemptCount;
        occurrences = await listOccurrences(github, target);
    }
    core.info(`log-bugs: recorded run ${ownKey} on #${issue.number} (seen ${seen} times)`);
    return seen;
}
