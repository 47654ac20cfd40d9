import type { ApiJob } from '../issue/failed-jobs.js'
import type { GitHub } from '../step/types.js'

/** The fields of a workflow run (`GET …/actions/runs/{run_id}`) that log-bugs reads. */
export interface ApiRun {
  name?: string | null
  path?: string
  head_branch?: string | null
  head_sha?: string
  run_attempt?: number
  event?: string
  html_url?: string
  pull_requests?: { number: number; url?: string }[] | null
}

type RunTarget = { owner: string; repo: string; runId: number }

export async function readRun(github: GitHub, target: RunTarget): Promise<ApiRun> {
  const { data } = await github.request<ApiRun>('GET /repos/{owner}/{repo}/actions/runs/{run_id}', {
    owner: target.owner,
    repo: target.repo,
    run_id: target.runId
  })
  return data
}

/** The jobs of every attempt of the run (every page): one request tells re-runs apart too. */
export async function listRunJobs(github: GitHub, target: RunTarget): Promise<ApiJob[]> {
  return github.paginate<ApiJob>('GET /repos/{owner}/{repo}/actions/runs/{run_id}/jobs', {
    owner: target.owner,
    repo: target.repo,
    run_id: target.runId,
    filter: 'all',
    per_page: 100
  })
}
