export async function readRun(github, target) {
    const { data } = await github.request('GET /repos/{owner}/{repo}/actions/runs/{run_id}', {
        owner: target.owner,
        repo: target.repo,
        run_id: target.runId
    });
    return data;
}
/** The jobs of the run's latest attempt (every page). */
export async function listRunJobs(github, target) {
    return github.paginate('GET /repos/{owner}/{repo}/actions/runs/{run_id}/jobs', {
        owner: target.owner,
        repo: target.repo,
        run_id: target.runId,
        filter: 'latest',
        per_page: 100
    });
}
