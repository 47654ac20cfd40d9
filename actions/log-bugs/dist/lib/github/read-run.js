export async function readRun(github, target) {
    const { data } = await github.request('GET /repos/{owner}/{repo}/actions/runs/{run_id}', {
        owner: target.owner,
        repo: target.repo,
        run_id: target.runId
    });
    return data;
}
/** The jobs of every attempt of the run (every page): one request tells re-runs apart too. */
export async function listRunJobs(github, target) {
    return github.paginate('GET /repos/{owner}/{repo}/actions/runs/{run_id}/jobs', {
        owner: target.owner,
        repo: target.repo,
        run_id: target.runId,
        filter: 'all',
        per_page: 100
    });
}
