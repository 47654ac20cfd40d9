import type { JobModel, RunModel } from '../state.js'
import { repoApiUrl, webUrl, type JsonContext } from './json-context.js'

export function jobJson(ctx: JsonContext, run: RunModel, job: JobModel): Record<string, unknown> {
  const repoApi = repoApiUrl(ctx)
  // A queued job has no runner yet; GitHub reports the runner fields as null until it starts.
  const assigned = job.status !== 'queued'
  return {
    id: job.id,
    run_id: run.id,
    workflow_name: run.name,
    head_branch: run.head_branch,
    run_url: `${repoApi}/actions/runs/${run.id}`,
    run_attempt: job.run_attempt,
    node_id: job.node_id,
    head_sha: run.head_sha,
    url: `${repoApi}/actions/jobs/${job.id}`,
    html_url: `${webUrl(ctx)}/${ctx.state.fullName}/actions/runs/${run.id}/job/${job.id}`,
    status: job.status,
    conclusion: job.conclusion,
    created_at: job.created_at,
    started_at: job.started_at,
    completed_at: job.completed_at,
    name: job.name,
    steps: job.steps.map(step => ({ ...step })),
    check_run_url: `${repoApi}/check-runs/${job.id}`,
    labels: ['ubuntu-latest'],
    runner_id: assigned ? 1000 + (job.id % 1000) : null,
    runner_name: assigned ? `GitHub Actions ${1000 + (job.id % 1000)}` : null,
    runner_group_id: assigned ? 0 : null,
    runner_group_name: assigned ? 'GitHub Actions' : null
  }
}
