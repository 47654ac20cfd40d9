/**
 * The run being reported, without asking the API when the runner already said it: the
 * workflow_run event carries the whole run, and a job reporting its own run finds it in the
 * runner's environment (GITHUB_WORKFLOW_REF, GITHUB_RUN_ATTEMPT) and the event. Null when the
 * run is another one (run-id names it), which takes `GET …/actions/runs/{id}`.
 */
export function ownRun(context, env, runId) {
    const workflowRun = context.payload.workflow_run;
    if (workflowRun?.id === runId)
        return workflowRun;
    if (runId !== context.runId)
        return null;
    // owner/repo/.github/workflows/ci.yml@refs/heads/main: the path is what ties issues to it
    const path = /^[^/]+\/[^/]+\/(.+?)@/.exec(env.GITHUB_WORKFLOW_REF ?? '')?.[1];
    const attempt = Number(env.GITHUB_RUN_ATTEMPT);
    if (!path || !Number.isInteger(attempt) || attempt < 1)
        return null;
    const pr = context.payload.pull_request;
    const { owner, repo } = context.repo;
    return {
        name: context.workflow,
        path,
        head_branch: pr?.head?.ref ?? (env.GITHUB_HEAD_REF || context.ref.replace(/^refs\/(heads|tags)\//, '')),
        head_sha: pr?.head?.sha ?? context.sha,
        run_attempt: attempt,
        event: context.eventName,
        html_url: `${context.serverUrl || 'https://github.com'}/${owner}/${repo}/actions/runs/${runId}`
    };
}
