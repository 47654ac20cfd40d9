/** Green runs listed at once: the most a page holds. */
const PAGE = 100;
/**
 * The most recent successful run of the same workflow, on the branch, else on the default
 * branch, with its jobs: what a failed job's log is compared with (log/baseline.ts). Usually
 * one request when there is none (a new workflow, a branch that never passed) and two when
 * there is, whatever the number of failed jobs.
 */
export async function findGreenRun(github, target) {
    const workflow = target.workflowPath.split('/').at(-1);
    if (!workflow)
        return null;
    const branches = [target.branch, target.defaultBranch].filter((b, i, all) => typeof b === 'string' && b !== '' && all.indexOf(b) === i);
    const list = (branch) => github.request('GET /repos/{owner}/{repo}/actions/workflows/{workflow_id}/runs', {
        owner: target.owner,
        repo: target.repo,
        workflow_id: workflow,
        ...(branch ? { branch } : {}),
        status: 'success',
        exclude_pull_requests: true,
        per_page: branch ? 1 : PAGE
    });
    // One list of the workflow's latest green runs usually holds the branch's or the default
    // branch's; only when it is full without either, ask per branch.
    const { data: recent } = await list();
    let found = null;
    for (const branch of branches) {
        const run = recent.workflow_runs.find(r => r.head_branch === branch);
        if (run) {
            found = { run, branch };
            break;
        }
    }
    if (!found && recent.workflow_runs.length >= PAGE) {
        for (const branch of branches) {
            const run = (await list(branch)).data.workflow_runs[0];
            if (run) {
                found = { run, branch };
                break;
            }
        }
    }
    if (found) {
        const { run, branch } = found;
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
