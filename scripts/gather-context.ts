import { tmpdir } from 'node:os'
import { errorMessage, errorStatus } from './lib/step/error-message.js'
import { rethrowIfFatal } from './lib/step/errors.js'
import { extractFeature } from './lib/issue/extract-feature.js'
import { parseJobResults } from './lib/step/parse-job-results.js'
import { readInputs, type ActionInputs } from './lib/step/read-inputs.js'
import { runStep } from './lib/step/run-step.js'
import { createStateDir, writeState } from './lib/step/state-store.js'
import type {
  Context,
  FailedJob,
  GitHub,
  JobStep,
  PullRequestInfo,
  RunContext,
  StepDeps
} from './lib/step/types.js'

interface ApiRun {
  name?: string | null
  path?: string
  head_branch?: string | null
  head_sha?: string
  run_attempt?: number
  event?: string
  html_url?: string
  pull_requests?: { number: number; url?: string }[] | null
}

interface ApiJob {
  id: number
  name: string
  status: string
  conclusion: string | null
  html_url: string | null
  run_attempt?: number
  steps?: JobStep[]
}

interface ApiPull {
  number: number
  html_url: string
  title?: string
  state?: string
  user?: { login?: string } | null
  head?: { ref?: string; sha?: string; repo?: { full_name?: string } | null }
  base?: { repo?: { full_name?: string } | null }
}

export interface GatherContextResult {
  stateDir: string
  failedJobs: number
  pr: number | null
}

/** Job conclusions that mean "this job failed": cancellations caused by others are not failures. */
const FAILED = new Set(['failure', 'timed_out'])

/**
 * Finds what failed: the run (attempt, branch, SHA, workflow), its failed jobs and their failed
 * steps, the PR and its author, and the feature id from the branch. Writes `context.json`.
 */
export async function run(
  deps: StepDeps,
  inputs: ActionInputs = readInputs(process.env),
  env: Record<string, string | undefined> = process.env
): Promise<GatherContextResult | undefined> {
  return runStep(deps, inputs, async (github, core) => {
    const { context } = deps
    const { owner, repo } = context.repo
    const runId = inputs.runId ?? context.runId
    const stateDir = createStateDir(env.RUNNER_TEMP || inputs.stateDir || tmpdir())
    core.setOutput('state-dir', stateDir)

    const jobResults = parseJobResults(inputs.jobResults)
    if (jobResults.problem)
      core.warning(`log-bugs: ${jobResults.problem}; using the jobs API alone`)

    let apiRun: ApiRun = {}
    try {
      apiRun = (
        await github.request<ApiRun>('GET /repos/{owner}/{repo}/actions/runs/{run_id}', {
          owner,
          repo,
          run_id: runId
        })
      ).data
    } catch (error) {
      rethrowIfFatal(error)
      core.warning(
        `log-bugs: cannot read run ${runId} (${describe(error)}); using the event context. ${permissionHint(error)}`
      )
    }

    const attempt = apiRun.run_attempt ?? (Number(env.GITHUB_RUN_ATTEMPT) || 1)
    const serverUrl = context.serverUrl || 'https://github.com'
    const runUrl = apiRun.html_url ?? `${serverUrl}/${owner}/${repo}/actions/runs/${runId}`
    const branch =
      inputs.branch ||
      apiRun.head_branch ||
      pullRequestPayload(context)?.head?.ref ||
      env.GITHUB_HEAD_REF ||
      context.ref.replace(/^refs\/(heads|tags)\//, '')
    const sha = apiRun.head_sha ?? pullRequestPayload(context)?.head?.sha ?? context.sha

    let failedJobs: FailedJob[] = []
    let jobsSource: RunContext['jobsSource'] = 'api'
    try {
      const jobs = await github.paginate<ApiJob>(
        'GET /repos/{owner}/{repo}/actions/runs/{run_id}/jobs',
        { owner, repo, run_id: runId, filter: 'latest', per_page: 100 }
      )
      failedJobs = jobs.filter(isFailed).map(job => toFailedJob(job, runUrl, attempt))
    } catch (error) {
      rethrowIfFatal(error)
      jobsSource = 'job-results'
      core.warning(
        `log-bugs: cannot list the jobs of run ${runId} (${describe(error)}); using job-results. ${permissionHint(error)}`
      )
    }
    // Jobs the caller says failed but the API did not list (API refused, or a job the API names
    // differently) still get reported, from their needs key alone.
    const known = new Set(failedJobs.map(job => job.name))
    for (const [name, result] of Object.entries(jobResults.results)) {
      if (result !== 'failure' || known.has(name)) continue
      if (jobsSource === 'api' && failedJobs.length > 0) continue
      failedJobs.push({
        id: null,
        name,
        status: 'completed',
        conclusion: 'failure',
        url: runUrl,
        runAttempt: attempt,
        steps: [],
        failedStep: null
      })
    }
    if (failedJobs.length === 0) core.info('log-bugs: no failed job found in this run')

    const pr = await resolvePullRequest(github, context, inputs, apiRun, sha, branch, core.debug)

    const runContext: RunContext = {
      owner,
      repo,
      serverUrl,
      runId,
      attempt,
      runUrl,
      event: apiRun.event ?? context.eventName,
      workflow: { name: apiRun.name || context.workflow, path: apiRun.path ?? '' },
      branch,
      sha,
      pr,
      feature: extractFeature(branch),
      failedJobs,
      jobsSource,
      jobResults: jobResults.results
    }
    writeState(stateDir, 'context', runContext)
    core.info(
      `log-bugs: run ${runId} attempt ${attempt} on ${branch || '(no branch)'}: ${failedJobs.length} failed job(s)` +
        (pr ? `, PR #${pr.number}` : ', no PR')
    )
    return { stateDir, failedJobs: failedJobs.length, pr: pr?.number ?? null }
  })
}

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

function pullRequestPayload(context: Context): ApiPull | undefined {
  const pr = context.payload.pull_request
  return typeof pr === 'object' && pr !== null ? (pr as ApiPull) : undefined
}

function toInfo(pr: ApiPull): PullRequestInfo {
  const head = pr.head?.repo?.full_name
  const base = pr.base?.repo?.full_name
  return {
    number: pr.number,
    url: pr.html_url,
    author: pr.user?.login ?? null,
    title: pr.title ?? null,
    fork: Boolean(head && base && head !== base)
  }
}

/** PR from inputs, else the event, else the run, else the commit's PRs (the API). */
async function resolvePullRequest(
  github: GitHub,
  context: Context,
  inputs: ActionInputs,
  apiRun: ApiRun,
  sha: string,
  branch: string,
  debug: (message: string) => void
): Promise<PullRequestInfo | null> {
  const { owner, repo } = context.repo
  const fromEvent = pullRequestPayload(context)
  if (inputs.prNumber !== null) {
    const given: PullRequestInfo = {
      number: inputs.prNumber,
      url: inputs.prUrl || `${context.serverUrl}/${owner}/${repo}/pull/${inputs.prNumber}`,
      author: inputs.prAuthor || null,
      title: null,
      fork: false
    }
    if (fromEvent?.number === inputs.prNumber) {
      const info = toInfo(fromEvent)
      return { ...info, url: inputs.prUrl || info.url, author: inputs.prAuthor || info.author }
    }
    try {
      const { data } = await github.request<ApiPull>(
        'GET /repos/{owner}/{repo}/pulls/{pull_number}',
        {
          owner,
          repo,
          pull_number: inputs.prNumber
        }
      )
      const info = toInfo(data)
      return { ...info, url: inputs.prUrl || info.url, author: inputs.prAuthor || info.author }
    } catch (error) {
      rethrowIfFatal(error)
      debug(`log-bugs: PR #${inputs.prNumber} details unavailable: ${describe(error)}`)
      return given
    }
  }
  if (fromEvent) return toInfo(fromEvent)

  const workflowRun = context.payload.workflow_run as
    { pull_requests?: { number: number }[] } | undefined
  const number = workflowRun?.pull_requests?.[0]?.number ?? apiRun.pull_requests?.[0]?.number
  if (number !== undefined) {
    try {
      const { data } = await github.request<ApiPull>(
        'GET /repos/{owner}/{repo}/pulls/{pull_number}',
        {
          owner,
          repo,
          pull_number: number
        }
      )
      return toInfo(data)
    } catch (error) {
      rethrowIfFatal(error)
      debug(`log-bugs: PR #${number} details unavailable: ${describe(error)}`)
    }
  }
  if (!sha) return null
  // Fork PRs leave run.pull_requests empty (actions/runner#3444): ask which PRs hold the commit.
  try {
    const { data } = await github.request<ApiPull[]>(
      'GET /repos/{owner}/{repo}/commits/{commit_sha}/pulls',
      {
        owner,
        repo,
        commit_sha: sha
      }
    )
    const open = data.filter(pr => pr.state === undefined || pr.state === 'open')
    const match =
      open.find(pr => pr.head?.sha === sha && pr.head?.ref === branch) ??
      open.find(pr => pr.head?.sha === sha)
    return match ? toInfo(match) : null
  } catch (error) {
    rethrowIfFatal(error)
    debug(`log-bugs: PRs of ${sha} unavailable: ${describe(error)}`)
    return null
  }
}

function describe(error: unknown): string {
  const status = errorStatus(error)
  return status ? `HTTP ${status}: ${errorMessage(error)}` : errorMessage(error)
}

function permissionHint(error: unknown): string {
  return errorStatus(error) === 403 || errorStatus(error) === 404
    ? 'Grant `actions: read` in the workflow permissions.'
    : ''
}
