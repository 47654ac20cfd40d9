import { bestEffort, describeError } from '../step/errors.js';
/** The pull request of a `pull_request` event's payload. */
export function pullRequestPayload(context) {
    const pr = context.payload.pull_request;
    return typeof pr === 'object' && pr !== null ? pr : undefined;
}
function toInfo(pr) {
    const head = pr.head?.repo?.full_name;
    const base = pr.base?.repo?.full_name;
    return {
        number: pr.number,
        url: pr.html_url,
        author: pr.user?.login ?? null,
        title: pr.title ?? null,
        fork: Boolean(head && base && head !== base)
    };
}
/**
 * The run's pull request: from the inputs, else the event, else the run, else the PRs that
 * hold the commit. Every lookup is best effort: without a PR the issue is still filed.
 */
export async function findPullRequest(github, context, inputs, run, debug) {
    const { owner, repo } = context.repo;
    const getPull = (number) => bestEffort(async () => toInfo((await github.request('GET /repos/{owner}/{repo}/pulls/{pull_number}', {
        owner,
        repo,
        pull_number: number
    })).data), error => {
        debug(`log-bugs: PR #${number} details unavailable: ${describeError(error)}`);
        return null;
    });
    const fromEvent = pullRequestPayload(context);
    if (inputs.prNumber !== null) {
        const info = fromEvent?.number === inputs.prNumber
            ? toInfo(fromEvent)
            : ((await getPull(inputs.prNumber)) ?? {
                number: inputs.prNumber,
                url: `${context.serverUrl}/${owner}/${repo}/pull/${inputs.prNumber}`,
                author: null,
                title: null,
                fork: false
            });
        return { ...info, url: inputs.prUrl || info.url, author: inputs.prAuthor || info.author };
    }
    if (fromEvent)
        return toInfo(fromEvent);
    const workflowRun = context.payload.workflow_run;
    const number = workflowRun?.pull_requests?.[0]?.number ?? run.api.pull_requests?.[0]?.number;
    if (number !== undefined) {
        const found = await getPull(number);
        if (found)
            return found;
    }
    if (!run.sha)
        return null;
    // Fork PRs leave run.pull_requests empty (actions/runner#3444): ask which PRs hold the commit.
    return bestEffort(async () => {
        const { data } = await github.request('GET /repos/{owner}/{repo}/commits/{commit_sha}/pulls', { owner, repo, commit_sha: run.sha });
        const open = data.filter(pr => pr.state === undefined || pr.state === 'open');
        const match = open.find(pr => pr.head?.sha === run.sha && pr.head?.ref === run.branch) ??
            open.find(pr => pr.head?.sha === run.sha);
        return match ? toInfo(match) : null;
    }, error => {
        debug(`log-bugs: PRs of ${run.sha} unavailable: ${describeError(error)}`);
        return null;
    });
}
