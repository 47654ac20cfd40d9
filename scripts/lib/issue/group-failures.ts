import { fingerprintFailure } from '../log/fingerprint-failure.js'
import { normalizeJobName } from '../log/normalize-job-name.js'
import { workflowKey } from './metadata.js'
import type { FailedJob, Failure, JobLog, RunContext } from './types.js'

/**
 * One Failure per fingerprint, in the order the jobs failed; matrix legs share one. A leg whose
 * log could not be read (expired, or over the per-run cap) joins an analysed leg of the same job
 * and step: it most likely failed the same way, and a vague second issue would help nobody.
 */
export function groupFailures(context: RunContext, logs: JobLog[]): Failure[] {
  const groups = new Map<string, Failure>()
  const unread: { job: FailedJob; log: JobLog; step: string | null }[] = []
  const workflow = workflowKey(context)
  const add = (fingerprint: string, job: FailedJob, log: JobLog, step: string | null) => {
    const entry = { name: job.name, id: job.id, url: job.failedStep?.url ?? job.url, step }
    const known = groups.get(fingerprint)
    if (known) known.jobs.push(entry)
    else {
      groups.set(fingerprint, {
        fingerprint,
        category: log.analysis?.category ?? 'unknown',
        jobs: [entry],
        primary: { job, log }
      })
    }
  }
  context.failedJobs.forEach((job, index) => {
    const log: JobLog = logs[index] ?? {
      jobId: job.id,
      jobName: job.name,
      logAvailable: false,
      unavailableReason: 'no log was read',
      analysis: null
    }
    const analysis = log.analysis
    const step = analysis?.failedStep?.name ?? job.failedStep?.name ?? null
    if (!analysis) {
      unread.push({ job, log, step })
      return
    }
    const fingerprint = fingerprintFailure({
      workflow,
      job: job.name,
      step,
      category: analysis.category,
      signature: analysis.signature,
      terminal: analysis.terminal,
      exitCode: analysis.exitCode
    })
    add(fingerprint, job, log, step)
  })
  for (const { job, log, step } of unread) {
    const sibling = [...groups.values()].find(
      group =>
        normalizeJobName(group.primary.job.name) === normalizeJobName(job.name) &&
        (group.jobs[0]?.step ?? null) === step
    )
    const fingerprint =
      sibling?.fingerprint ??
      fingerprintFailure({ workflow, job: job.name, step, category: 'unknown', signature: [] })
    add(fingerprint, job, log, step)
  }
  return [...groups.values()]
}
