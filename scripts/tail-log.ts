import { readJobLogs, type LogRead } from './lib/github/read-job-logs.js'
import type { FailedJob, JobLog } from './lib/issue/types.js'
import { analyzeLog } from './lib/log/analyze-log.js'
import type { LogAnalysis } from './lib/log/types.js'
import { runStep } from './lib/step/run-step.js'
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
  return runStep(deps, env, async ({ github, core, inputs, dir }) => {
    const context = readState(dir, 'context')
    const readable = context.failedJobs.slice(0, MAX_LOGS).filter(job => unreadable(job) === null)
    const reads = await readJobLogs(
      github,
      context,
      readable.map(job => job.id as number),
      async (chunks, index) => {
        const job = readable[index] as FailedJob
        return redactAnalysis(
          await analyzeLog(chunks, {
            steps: job.steps,
            failedStep: job.failedStep
              ? { name: job.failedStep.name, number: job.failedStep.number }
              : null,
            maxLines: inputs.logLines
          })
        )
      }
    )
    const readOf = new Map<FailedJob, LogRead<LogAnalysis>>()
    readable.forEach((job, index) => readOf.set(job, reads[index] as LogRead<LogAnalysis>))

    const logs: JobLog[] = context.failedJobs.map((job, index) => {
      const base = { jobId: job.id, jobName: job.name }
      const read = readOf.get(job)
      if (read?.available) {
        const a = read.value
        core.info(
          `log-bugs: ${job.name}: step "${a.failedStep?.name ?? '?'}", ${a.category}, ` +
            `${a.keyLines.length} key line(s), excerpt of ${a.excerpt ? a.excerpt.split('\n').length : 0} line(s) from ${a.totalLines} log lines`
        )
        return { ...base, logAvailable: true, unavailableReason: null, analysis: a }
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

/** Why a job's log cannot be read at all, before asking for it; null when it can. */
function unreadable(job: FailedJob): string | null {
  if (job.id === null) return 'the jobs API was unavailable, so the job id is unknown'
  // Reporting from inside the failing job: its log is only uploaded when the job ends.
  if (job.status !== 'completed')
    return 'the job was still running when log-bugs read it, so its log was not uploaded yet'
  return null
}
