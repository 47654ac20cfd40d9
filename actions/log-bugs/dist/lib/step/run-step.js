import { retryBudgetLeft, withRetries } from '../github/with-retries.js';
import { errorMessage, isExpected } from './errors.js';
import { readInputsEnv } from './inputs.js';
import { createStateDir, readState, readStateOr, stateDir, writeState } from './state.js';
/**
 * What all steps together may spend waiting on rate limits and retries: the reporter job gets 5
 * minutes (bug-logger.yml), and the action must report, not run out the clock. Each step is its
 * own process, so the time already spent travels in the state folder.
 */
export const WAIT_BUDGET_MS = 150_000;
/**
 * Runs a step body with the retrying client and turns the errors we expect into one
 * `core.setFailed` line. Throwing out of a github-script step would print a stack trace
 * (github-script's handleError calls console.error(err)); users need the cause and the fix.
 * The first step validates the inputs and starts a fresh state folder; the others read both.
 */
export async function runStep(deps, env, body, options = {}) {
    const { core } = deps;
    const dir = stateDir(env);
    let before = 0;
    let github = null;
    let budgetMs = 0;
    try {
        let inputs;
        if (options.first) {
            inputs = readInputsEnv(env);
            createStateDir(dir);
            writeState(dir, 'inputs', inputs);
        }
        else {
            inputs = readState(dir, 'inputs');
            before = readStateOr(dir, 'waited', 0);
        }
        budgetMs = Math.max(0, WAIT_BUDGET_MS - before);
        github = withRetries(deps.github, {
            sleep: deps.sleep,
            dryRun: inputs.dryRun,
            budgetMs,
            log: message => core.info(`log-bugs: ${message}`)
        });
        return await body({
            github,
            context: deps.context,
            core,
            inputs,
            dir,
            now: deps.now ?? (() => new Date()),
            sleep: deps.sleep ?? (ms => new Promise(resolve => setTimeout(resolve, ms)))
        });
    }
    catch (error) {
        if (isExpected(error)) {
            core.setFailed(`log-bugs: ${errorMessage(error)}`);
        }
        else {
            core.debug(error instanceof Error && error.stack ? error.stack : errorMessage(error));
            core.setFailed(`log-bugs: unexpected error: ${errorMessage(error)}`);
        }
        return undefined;
    }
    finally {
        const spent = github ? budgetMs - retryBudgetLeft(github) : 0;
        if (spent > 0)
            writeState(dir, 'waited', before + spent);
    }
}
