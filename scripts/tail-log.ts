import { findGreenRun, type GreenRun } from './lib/github/find-green-run.js'
import { readJobLogs, type LogRead } from './lib/github/read-job-logs.js'
import type { FailedJob, JobLog } from './lib/issue/types.js'
import { analyzeLog } from './lib/log/analyze-log.js'
import { readBaseline, type Baseline } from './lib/log/baseline.js'
import type { LogAnalysis } from './lib/log/types.js'
import { bestEffort, describeError } from './lib/step/errors.js'
import { runStep, type StepScope } from './lib/step/run-step.js'
import { readState, writeState } from './lib/step/state.js'
import type { StepDeps } from './lib/step/types.js'
import { redactAnalysis } from './lib/untrusted/clean-untrusted.js'

export interface TailLogResult {
  logs: number
  unavailable: number
}

/**
 * Job logs read per run. A wide matrix can fail hundreds of legs the same way; two requests per
 * log would eat the job's time and the token's hourly budget. Unread legs join an analysed
 * sibling (find-duplicate).
 */
const MAX_LOGS = 25

/** Failed jobs compared with their green log at most: each comparison is one more download. */
const MAX_COMPARED = 5

/** A failed job's log as read: its analysis, and the green run it was compared with. */
interface ReadLog {
  analysis: LogAnalysis
  baseline: { runId: number; url: string } | null
}

/** A green job's log, ready to compare a failed one with, and where it came from. */
interface Comparison {
  baseline: Baseline
  from: { runId: number; url: string }
}

/**
 * Streams each failed job's log and keeps only what explains the failure: the failed step's
 * key error lines and an excerpt around them (never the post-job cleanup), with secrets
 * redacted at once. A missing log is a warning; the issue then says why and links the job.
 * Writes `logs.json`.
 */
export async function run(
  deps: StepDeps,
  env: Record<string, string | undefined> = process.env
): Promise<TailLogResult | undefined> {
  return runStep(deps, env, async scope => {
    const { github, core, inputs, dir } = scope
    const context = readState(dir, 'context')
    const readable = context.failedJobs.slice(0, MAX_LOGS).filter(job => unreadable(job) === null)
    // the green run is looked up while the failed logs start downloading
    const comparing = comparisons(scope, readable)
    const reads = await readJobLogs(
      github,
      context,
      readable.map(job => job.id as number),
      async (chunks, index, comparison: Comparison | null) => {
        const job = readable[index] as FailedJob
        const analysis = await analyzeLog(chunks, {
          steps: job.steps,
          failedStep: job.failedStep
            ? { name: job.failedStep.name, number: job.failedStep.number }
            : null,
          maxLines: inputs.logLines,
          baseline: comparison?.baseline ?? null
        })
        return { analysis: redactAnalysis(analysis), baseline: comparison?.from ?? null }
      },
      { prepare: async index => (await comparing)(readable[index] as FailedJob) }
    )
    const readOf = new Map<FailedJob, LogRead<ReadLog>>()
    readable.forEach((job, index) => readOf.set(job, reads[index] as LogRead<ReadLog>))

    const logs: JobLog[] = context.failedJobs.map((job, index) => {
      const base = { jobId: job.id, jobName: job.name }
      const read = readOf.get(job)
      if (read?.available) {
        const a = read.value.analysis
        core.info(
          `log-bugs: ${job.name}: step "${a.failedStep?.name ?? '?'}", ${a.category}, ` +
            `${a.keyLines.length} key line(s), excerpt of ${a.excerpt ? a.excerpt.split('\n').length : 0} line(s) from ${a.totalLines} log lines`
        )
        return {
          ...base,
          logAvailable: true,
          unavailableReason: null,
          analysis: a,
          baseline: read.value.baseline
        }
      }
      const why =
        index >= MAX_LOGS
          ? `log-bugs reads at most ${MAX_LOGS} job logs per run, and ${context.failedJobs.length} jobs failed`
          : (unreadable(job) ?? read?.reason ?? 'no log was read')
      core.warning(`log-bugs: no log for job "${job.name}": ${why} (${job.url})`)
      return { ...base, logAvailable: false, unavailableReason: why, analysis: null }
    })
    writeState(dir, 'logs', logs)
    return { logs: logs.length, unavailable: logs.filter(l => !l.logAvailable).length }
  })
}

/**
 * How to get a failed job's green counterpart: the workflow's last green run is looked up once
 * (find-green-run.ts), then each of the first MAX_COMPARED failed jobs that it ran gets that
 * job's log read into a baseline, within the size and time caps. Everything here is an extra:
 * no green run, no permission, an expired log only cost a notice.
 */
async function comparisons(
  scope: StepScope,
  jobs: readonly FailedJob[]
): Promise<(job: FailedJob) => Promise<Comparison | null>> {
  const { github, core, inputs, dir } = scope
  const none = async () => null
  if (!inputs.compareWithGreen || jobs.length === 0) return none
  const context = readState(dir, 'context')
  const green = context.workflow.path
    ? await bestEffort<GreenRun | null>(
        () =>
          findGreenRun(github, {
            owner: context.owner,
            repo: context.repo,
            workflowPath: context.workflow.path,
            branch: context.branch,
            defaultBranch: context.defaultBranch
          }),
        error => {
          core.notice(`log-bugs: no green run to compare the logs with: ${describeError(error)}`)
          return null
        }
      )
    : null
  if (green === null) {
    core.info('log-bugs: no green run of this workflow to compare the failed logs with')
    return none
  }
  const deadline = scope.now().getTime() + inputs.greenLogMaxMs
  let compared = 0
  return async job => {
    const greenJob = green.jobs[job.name]
    if (greenJob === undefined || compared >= MAX_COMPARED || scope.now().getTime() > deadline)
      return null
    compared++
    const [read] = await readJobLogs(
      github,
      context,
      [greenJob],
      chunks =>
        readBaseline(chunks, {
          maxBytes: inputs.greenLogMaxBytes,
          shouldStop: () => scope.now().getTime() > deadline
        }),
      { retry: false }
    )
    if (!read?.available) {
      core.notice(
        `log-bugs: ${job.name}: not compared with run ${green.id}: ${read?.reason ?? 'no log'}`
      )
      return null
    }
    core.info(
      `log-bugs: ${job.name}: compared with run ${green.id} (${read.value.size} distinct lines${read.value.partial ? ', read in part' : ''})`
    )
    return { baseline: read.value, from: { runId: green.id, url: green.url } }
  }
}

/** Why a job's log cannot be read at all, before asking for it; null when it can. */
function unreadable(job: FailedJob): string | null {
  if (job.id === null) return 'the jobs API was unavailable, so the job id is unknown'
  // Reporting from inside the failing job: its log is only uploaded when the job ends.
  if (job.status !== 'completed')
    return 'the job was still running when log-bugs read it, so its log was not uploaded yet'
  return null
}
