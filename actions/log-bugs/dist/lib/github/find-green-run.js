/**
 * The most recent successful run of the same workflow, on the branch, else on the default
 * branch, with its jobs: what a failed job's log is compared with (log/baseline.ts). Two or
 * three requests for the whole run, whatever the number of failed jobs; null when there is
 * none (a new workflow, a branch that never passed).
 */
export async function findGreenRun(github, target) {
    const workflow = target.workflowPath.split('/').at(-1);
    if (!workflow)
        return null;
    const branches = [target.branch, target.defaultBranch].filter((b, i, all) => typeof b === 'string' && b !== '' && all.indexOf(b) === i);
    for (const branch of branches) {
        const { data } = await github.request('GET /repos/{owner}/{repo}/actions/workflows/{workflow_id}/runs', {
            owner: target.owner,
            repo: target.repo,
            workflow_id: workflow,
            branch,
            status: 'success',
            exclude_pull_requests: true,
            per_page: 1
        });
        const run = data.workflow_runs[0];
        if (!run)
            continue;
        const jobs = await github.paginate('GET /repos/{owner}/{repo}/actions/runs/{run_id}/jobs', { owner: target.owner, repo: target.repo, run_id: run.id, filter: 'latest', per_page: 100 });
        return {
            id: run.id,
            url: run.html_url,
            branch,
            jobs: Object.fromEntries(jobs.filter(job => job.conclusion === 'success').map(job => [job.name, job.id]))
        };
    }
    return null;
}
