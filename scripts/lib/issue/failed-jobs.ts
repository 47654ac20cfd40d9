import type { JobStep } from '../log/types.js'
import type { FailedJob } from './types.js'

/** The fields of a job (`GET …/actions/runs/{run_id}/jobs`) that log-bugs reads. */
export interface ApiJob {
  id: number
  name: string
  status: string
  conclusion: string | null
  html_url: string | null
  run_attempt?: number
  steps?: JobStep[]
}

/** Job conclusions that mean "this job failed": cancellations caused by others are not failures. */
const FAILED = new Set(['failure', 'timed_out'])

function isFailed(job: ApiJob): boolean {
  if (job.conclusion && FAILED.has(job.conclusion)) return true
  // The action can run as an `if: failure()` step of the failing job itself: that job is still
  // in progress, and only its steps say it failed.
  return job.status !== 'completed' && (job.steps ?? []).some(s => s.conclusion === 'failure')
}

function toFailedJob(job: ApiJob, runUrl: string, attempt: number): FailedJob {
  const steps = job.steps ?? []
  const step =
    steps.find(s => s.conclusion === 'failure') ??
    steps.find(s => s.conclusion === 'cancelled' || s.conclusion === 'timed_out') ??
    null
  const url = job.html_url ?? runUrl
  return {
    id: job.id,
    name: job.name,
    status: job.status,
    conclusion: job.conclusion ?? 'failure',
    url,
    runAttempt: job.run_attempt ?? attempt,
    steps,
    failedStep: step
      ? { name: step.name, number: step.number, url: `${url}#step:${step.number}:1` }
      : null
  }
}

/**
 * The run's failed jobs: those the jobs API reports as failed or timed out (null when the API
 * could not be read), plus the jobs the caller's `job-results` says failed that the API did
 * not list (API refused, or a job the API names differently), from their needs key alone.
 */
export function failedJobsOf(
  jobs: readonly ApiJob[] | null,
  jobResults: Record<string, string>,
  run: { url: string; attempt: number }
): FailedJob[] {
  const failed = (jobs ?? []).filter(isFailed).map(job => toFailedJob(job, run.url, run.attempt))
  const known = new Set(failed.map(job => job.name))
  const fromApi = jobs !== null && failed.length > 0
  for (const [name, result] of Object.entries(jobResults)) {
    if (result !== 'failure' || known.has(name) || fromApi) continue
    failed.push({
      id: null,
      name,
      status: 'completed',
      conclusion: 'failure',
      url: run.url,
      runAttempt: run.attempt,
      steps: [],
      failedStep: null
    })
  }
  return failed
}
