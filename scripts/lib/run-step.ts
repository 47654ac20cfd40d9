import { errorMessage } from './error-message.js'
import { ConfigError, DryRunWriteError, FatalError } from './errors.js'
import type { ActionInputs } from './read-inputs.js'
import type { Core, GitHub, StepDeps } from './types.js'
import { RateLimitError, withRetries } from './with-retries.js'

/**
 * Runs a step body with the retrying client, and turns the errors we expect into one
 * `core.setFailed` line. Throwing out of a github-script step would print a stack trace
 * (github-script's handleError calls console.error(err)); users need the cause and the fix.
 */
export async function runStep<T>(
  deps: StepDeps,
  inputs: Pick<ActionInputs, 'dryRun'>,
  body: (github: GitHub, core: Core) => Promise<T>
): Promise<T | undefined> {
  const { core } = deps
  const github = withRetries(deps.github, {
    sleep: deps.sleep,
    dryRun: inputs.dryRun,
    log: message => core.info(`log-bugs: ${message}`)
  })
  try {
    return await body(github, core)
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
  }
}
