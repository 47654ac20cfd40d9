import { findBotLogin } from './lib/github/find-bot-login.js'
import { listTrackedIssues, searchTrackedIssues } from './lib/github/list-tracked-issues.js'
import { groupFailures } from './lib/issue/group-failures.js'
import { dedupLabel } from './lib/issue/labels.js'
import { ranGreen } from './lib/issue/plan-issues.js'
import type { KnownIssues, TrackedIssues } from './lib/issue/types.js'
import { bestEffort, errorMessage } from './lib/step/errors.js'
import { runStep } from './lib/step/run-step.js'
import { readState, writeState } from './lib/step/state.js'
import type { StepDeps } from './lib/step/types.js'

export interface FindDuplicateResult {
  failures: number
  known: number
  fingerprints: string[]
}

/**
 * Groups the failed jobs by fingerprint (matrix legs that failed the same way become one
 * failure), learns who the token writes as, and lists once the open issues log-bugs tracks
 * (search, only for failures the list does not know, fills in issues whose label was removed
 * and the closed issues a comeback may reopen). A lookup that fails is a warning: a duplicate
 * issue beats a lost report. Writes `failures.json`, `tracked.json`, `closed.json`,
 * `identity.json`; sets the `fingerprints` output.
 */
export async function run(
  deps: StepDeps,
  env: Record<string, string | undefined> = process.env
): Promise<FindDuplicateResult | undefined> {
  return runStep(deps, env, async ({ github, core, inputs, dir }) => {
    const context = readState(dir, 'context')
    const failures = groupFailures(context, readState(dir, 'logs'))
    const botLogin = await findBotLogin(github)
    const target = { owner: context.owner, repo: context.repo, botLogin }

    let tracked: TrackedIssues = {}
    if (failures.length > 0 || (inputs.closeOnSuccess && ranGreen(context))) {
      tracked = await bestEffort(
        () => listTrackedIssues(github, { ...target, label: dedupLabel(inputs.labels) }),
        error => {
          core.warning(
            `log-bugs: cannot list open issues (${errorMessage(error)}); a duplicate issue may be filed`
          )
          return {}
        }
      )
    }
    const missing = failures.map(f => f.fingerprint).filter(f => !tracked[f])
    let closed: TrackedIssues = {}
    if (missing.length > 0) {
      const found = await bestEffort(
        () => searchTrackedIssues(github, target, missing),
        (error): KnownIssues => {
          core.debug(
            `log-bugs: search for unlabelled and closed issues failed: ${errorMessage(error)}`
          )
          return { open: {}, closed: {} }
        }
      )
      tracked = { ...tracked, ...found.open }
      closed = found.closed
    }
    for (const failure of failures) {
      const known = tracked[failure.fingerprint]
      core.info(
        `log-bugs: ${failure.fingerprint} (${failure.jobs.map(j => j.name).join(', ')}): ` +
          (known
            ? `known as #${known.number}`
            : closed[failure.fingerprint]
              ? `closed as #${closed[failure.fingerprint]?.number}`
              : 'new')
      )
    }
    writeState(dir, 'failures', failures)
    writeState(dir, 'tracked', tracked)
    writeState(dir, 'closed', closed)
    writeState(dir, 'identity', { botLogin })
    const fingerprints = failures.map(f => f.fingerprint)
    core.setOutput('fingerprints', fingerprints.join(','))
    return {
      failures: failures.length,
      known: failures.filter(f => tracked[f.fingerprint]).length,
      fingerprints
    }
  })
}
