import { errorMessage } from './error-message.js'
import { ConfigError, DryRunWriteError, FatalError } from './errors.js'
import type { ActionInputs } from './read-inputs.js'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Core, GitHub, StepDeps } from './types.js'
import { RateLimitError, retryBudgetLeft, withRetries } from '../github/with-retries.js'

/**
 * What all steps together may spend waiting on rate limits and retries: the reporter job gets 5
 * minutes (bug-logger.yml), and the action must report, not run out the clock. Each step is its
 * own process, so the time already spent travels in the state folder.
 */
export const WAIT_BUDGET_MS = 150_000

function waited(dir: string): number {
  const file = join(dir, 'waited.json')
  if (!dir || !existsSync(file)) return 0
  try {
    return Number(JSON.parse(readFileSync(file, 'utf8'))) || 0
  } catch {
    return 0
  }
}

/**
 * Runs a step body with the retrying client, and turns the errors we expect into one
 * `core.setFailed` line. Throwing out of a github-script step would print a stack trace
 * (github-script's handleError calls console.error(err)); users need the cause and the fix.
 */
export async function runStep<T>(
  deps: StepDeps,
  inputs: Pick<ActionInputs, 'dryRun' | 'stateDir'>,
  body: (github: GitHub, core: Core) => Promise<T>
): Promise<T | undefined> {
  const { core } = deps
  const before = waited(inputs.stateDir)
  const budgetMs = Math.max(0, WAIT_BUDGET_MS - before)
  const github = withRetries(deps.github, {
    sleep: deps.sleep,
    dryRun: inputs.dryRun,
    budgetMs,
    log: message => core.info(`log-bugs: ${message}`)
  })
  let result: T | undefined
  try {
    result = await body(github, core)
    return result
  } catch (error) {
    if (
      error instanceof FatalError ||
      error instanceof ConfigError ||
      error instanceof RateLimitError ||
      error instanceof DryRunWriteError
    ) {
      core.setFailed(`log-bugs: ${error.message}`)
    } else {
      core.debug(error instanceof Error && error.stack ? error.stack : errorMessage(error))
      core.setFailed(`log-bugs: unexpected error: ${errorMessage(error)}`)
    }
    return undefined
  } finally {
    // gather-context creates the state folder, so it learns where to write only from its result.
    const dir = inputs.stateDir || (result as { stateDir?: string } | undefined)?.stateDir || ''
    const spent = budgetMs - retryBudgetLeft(github)
    if (dir && spent > 0) writeFileSync(join(dir, 'waited.json'), String(before + spent))
  }
}
