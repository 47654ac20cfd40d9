import { GitHubError, notFound } from '../errors.js'
import { jobJson } from '../json/job-json.js'
import { runJson } from '../json/run-json.js'
import { linkHeader, paginate } from '../paginate.js'
import type { RouteContext, RouteHandler, RouteResult } from '../route-context.js'
import type { JobModel, RunModel } from '../state.js'

function findRun(ctx: RouteContext): RunModel {
  const run = ctx.state.runs.find(r => String(r.id) === ctx.params.run_id)
  if (!run) throw notFound()
  return run
}

function findJob(ctx: RouteContext): { run: RunModel; job: JobModel } {
  for (const run of ctx.state.runs) {
    const job = run.jobs.find(j => String(j.id) === ctx.params.job_id)
    if (job) return { run, job }
  }
  throw notFound()
}

function jobList(ctx: RouteContext, run: RunModel, jobs: JobModel[]): RouteResult {
  const page = paginate(jobs, ctx.url)
  return {
    status: 200,
    body: { total_count: jobs.length, jobs: page.items.map(job => jobJson(ctx, run, job)) },
    headers: linkHeader(page)
  }
}

/**
 * A workflow's runs, newest first. The workflow is its id or its file name (`ci.yml`), as on
 * GitHub; `branch`, `event` and `status` (a status or a conclusion such as `success`) filter.
 */
export const listWorkflowRuns: RouteHandler = ctx => {
  const id = ctx.params.workflow_id ?? ''
  const runs = ctx.state.runs
    .filter(r => String(r.workflow_id) === id || r.path.split('/').at(-1) === id)
    .filter(r => ctx.query.branch === undefined || r.head_branch === ctx.query.branch)
    .filter(r => ctx.query.event === undefined || r.event === ctx.query.event)
    .filter(
      r =>
        ctx.query.status === undefined ||
        r.status === ctx.query.status ||
        r.conclusion === ctx.query.status
    )
    .sort((a, b) => b.created_at.localeCompare(a.created_at) || b.id - a.id)
  if (
    runs.length === 0 &&
    !ctx.state.runs.some(r => String(r.workflow_id) === id || r.path.split('/').at(-1) === id)
  )
    throw notFound()
  const page = paginate(runs, ctx.url)
  return {
    status: 200,
    body: {
      total_count: runs.length,
      workflow_runs: page.items.map(run =>
        runJson(ctx, run, { excludePullRequests: ctx.query.exclude_pull_requests === 'true' })
      )
    },
    headers: linkHeader(page)
  }
}

export const getWorkflowRun: RouteHandler = ctx => ({
  status: 200,
  body: runJson(ctx, findRun(ctx), {
    excludePullRequests: ctx.query.exclude_pull_requests === 'true'
  })
})

/** filter=latest (the default) keeps only the newest attempt's jobs; `all` adds earlier ones. */
export const listJobsForWorkflowRun: RouteHandler = ctx => {
  const run = findRun(ctx)
  const all = ctx.query.filter === 'all'
  const jobs = all ? run.jobs : run.jobs.filter(j => j.run_attempt === run.run_attempt)
  return jobList(ctx, run, jobs)
}

export const listJobsForWorkflowRunAttempt: RouteHandler = ctx => {
  const run = findRun(ctx)
  const attempt = Number(ctx.params.attempt_number)
  if (attempt < 1 || attempt > run.run_attempt) throw notFound()
  return jobList(
    ctx,
    run,
    run.jobs.filter(j => j.run_attempt === attempt)
  )
}

export const getJobForWorkflowRun: RouteHandler = ctx => {
  const { run, job } = findJob(ctx)
  return { status: 200, body: jobJson(ctx, run, job) }
}

/**
 * Answers 302 to a signed log URL valid for one minute. A job that hasn't completed has no
 * finalised log yet and gets 404 (suzuki-shunsuke/ghaperf notes the same for jobs that just
 * finished); expired logs give 410 (rust-lang/triagebot#2241).
 */
export const downloadJobLogsForWorkflowRun: RouteHandler = ctx => {
  const { job } = findJob(ctx)
  if (job.status !== 'completed') throw notFound()
  if (typeof job.log === 'object' && !Buffer.isBuffer(job.log) && 'status' in job.log) {
    if (job.log.status === 410) throw new GitHubError(410, 'Server Error')
    throw notFound()
  }
  return { status: 302, headers: { location: ctx.signedLogUrl(job.id) } }
}
