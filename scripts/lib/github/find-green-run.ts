import type { GitHub } from '../step/types.js'

export interface GreenRun {
  id: number
  url: string
  branch: string
  /** the run's job ids by job name (matrix values included) */
  jobs: Record<string, number>
}

interface ApiRuns {
  workflow_runs: { id: number; html_url: string; head_branch: string | null }[]
}

/**
 * The most recent successful run of the same workflow, on the branch, else on the default
 * branch, with its jobs: what a failed job's log is compared with (log/baseline.ts). Two or
 * three requests for the whole run, whatever the number of failed jobs; null when there is
 * none (a new workflow, a branch that never passed).
 */
export async function findGreenRun(
  github: GitHub,
  target: {
    owner: string
    repo: string
    /** `.github/workflows/ci.yml`: the API takes the file name as the workflow's id */
    workflowPath: string
    branch: string
    defaultBranch: string | null
  }
): Promise<GreenRun | null> {
  const workflow = target.workflowPath.split('/').at(-1)
  if (!workflow) return null
  const branches = [target.branch, target.defaultBranch].filter(
    (b, i, all): b is string => typeof b === 'string' && b !== '' && all.indexOf(b) === i
  )
  for (const branch of branches) {
    const { data } = await github.request<ApiRuns>(
      'GET /repos/{owner}/{repo}/actions/workflows/{workflow_id}/runs',
      {
        owner: target.owner,
        repo: target.repo,
        workflow_id: workflow,
        branch,
        status: 'success',
        exclude_pull_requests: true,
        per_page: 1
      }
    )
    const run = data.workflow_runs[0]
    if (!run) continue
    const jobs = await github.paginate<{ id: number; name: string; conclusion: string | null }>(
      'GET /repos/{owner}/{repo}/actions/runs/{run_id}/jobs',
      { owner: target.owner, repo: target.repo, run_id: run.id, filter: 'latest', per_page: 100 }
    )
    return {
      id: run.id,
      url: run.html_url,
      branch,
      jobs: Object.fromEntries(
        jobs.filter(job => job.conclusion === 'success').map(job => [job.name, job.id])
      )
    }
  }
  return null
}
