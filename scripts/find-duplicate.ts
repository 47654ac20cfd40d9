import { dedupLabel } from './lib/issue/dedup-label.js'
import { rethrowIfFatal } from './lib/step/errors.js'
import { errorMessage } from './lib/step/error-message.js'
import { findBotLogin } from './lib/github/find-bot-login.js'
import { fingerprintFailure } from './lib/log/fingerprint-failure.js'
import { normalizeJobName } from './lib/log/normalize-job-name.js'
import { listTrackedIssues, searchTrackedIssues } from './lib/github/list-tracked-issues.js'
import { readInputs, type ActionInputs } from './lib/step/read-inputs.js'
import { runStep } from './lib/step/run-step.js'
import { readState, writeState } from './lib/step/state-store.js'
import type {
  ExistingIssue,
  FailedJob,
  Failure,
  JobLog,
  RunContext,
  StepDeps
} from './lib/step/types.js'

export interface FindDuplicateResult {
  failures: number
  known: number
  fingerprints: string[]
}

/**
 * Groups the failed jobs by fingerprint (matrix legs that failed the same way become one failure)
 * and finds the open issue log-bugs already filed for each. A lookup that fails is a warning:
 * a duplicate issue beats a lost report.
 */
export async function run(
  deps: StepDeps,
  inputs: ActionInputs = readInputs(process.env)
): Promise<FindDuplicateResult | undefined> {
  return runStep(deps, inputs, async (github, core) => {
    const context = readState<RunContext>(inputs.stateDir, 'context')
    const logs = readState<JobLog[]>(inputs.stateDir, 'logs')
    const failures = groupFailures(context, logs)

    const botLogin = await findBotLogin(github)
    let existing = new Map<string, ExistingIssue>()
    if (failures.length > 0) {
      try {
        existing = await listTrackedIssues(github, {
          owner: context.owner,
          repo: context.repo,
          label: dedupLabel(inputs.labels),
          botLogin
        })
      } catch (error) {
        rethrowIfFatal(error)
        core.warning(
          `log-bugs: cannot list open issues (${errorMessage(error)}); a duplicate issue may be filed`
        )
      }
      const missing = failures.map(f => f.fingerprint).filter(f => !existing.has(f))
      if (missing.length > 0) {
        try {
          const found = await searchTrackedIssues(
            github,
            { owner: context.owner, repo: context.repo, botLogin },
            missing
          )
          for (const [fingerprint, issue] of found) existing.set(fingerprint, issue)
        } catch (error) {
          rethrowIfFatal(error)
          core.debug(`log-bugs: search for unlabelled issues failed: ${errorMessage(error)}`)
        }
      }
    }
    for (const failure of failures) {
      failure.existing = existing.get(failure.fingerprint) ?? null
      core.info(
        `log-bugs: ${failure.fingerprint} (${failure.jobs.map(j => j.name).join(', ')}): ` +
          (failure.existing ? `known as #${failure.existing.number}` : 'new')
      )
    }
    writeState(inputs.stateDir, 'failures', failures)
    writeState(inputs.stateDir, 'identity', { botLogin })
    return {
      failures: failures.length,
      known: failures.filter(f => f.existing).length,
      fingerprints: failures.map(f => f.fingerprint)
    }
  })
}

/**
 * One Failure per fingerprint, in the order the jobs failed; matrix legs share one. A leg whose
 * log could not be read (expired, or over the per-run cap) joins an analysed leg of the same job
 * and step: it most likely failed the same way, and a vague second issue would help nobody.
 */
export function groupFailures(context: RunContext, logs: JobLog[]): Failure[] {
  const groups = new Map<string, Failure>()
  const unread: { job: FailedJob; log: JobLog; step: string | null }[] = []
  const workflow = context.workflow.path || context.workflow.name
  const add = (fingerprint: string, job: FailedJob, log: JobLog, step: string | null) => {
    const entry = { name: job.name, id: job.id, url: job.failedStep?.url ?? job.url, step }
    const known = groups.get(fingerprint)
    if (known) known.jobs.push(entry)
    else {
      groups.set(fingerprint, {
        fingerprint,
        category: log.analysis?.category ?? 'unknown',
        jobs: [entry],
        primary: { job, log },
        existing: null
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
