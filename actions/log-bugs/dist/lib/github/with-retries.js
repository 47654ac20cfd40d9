import { DryRunWriteError, RateLimitError, errorHeader, errorStatus, isSecondaryRateLimit } from '../step/errors.js';
const READS = new Set(['GET', 'HEAD']);
const installed = new WeakMap();
const defaultSleep = (ms) => new Promise(resolve => setTimeout(resolve, ms));
/** How much of its wait budget a client has left, in ms (0 for a client never wrapped). */
export function retryBudgetLeft(github) {
    return installed.get(github)?.budgetMs ?? 0;
}
/**
 * Waits `ms` out of the client's budget, for retries the request hook cannot see (a log that
 * answers 404 for a while after its job ends). Returns false, without waiting, when the wait
 * does not fit: then the caller gives up, so the whole action never waits longer than its budget.
 */
export async function waitWithinBudget(github, ms, why) {
    const state = installed.get(github);
    if (!state)
        return false;
    const maxWaitMs = state.options.maxWaitMs ?? 60_000;
    if (ms > maxWaitMs || ms > state.budgetMs)
        return false;
    state.budgetMs -= ms;
    state.options.log?.(`${why}; retrying in ${Math.round(ms / 1000)} s`);
    await (state.options.sleep ?? defaultSleep)(ms);
    return true;
}
/**
 * Adds retries and rate-limit handling to a client through Octokit's request hook, so it works
 * on github-script's injected client too (its plugins are fixed, and its own `retries` input
 * ignores Retry-After: docs/github-platform.md §1). Rules, after GitHub's REST best-practice guide:
 * - 5xx and network errors: retry with 1 s, 2 s, 4 s backoff;
 * - 403/429 with `retry-after` (secondary limit): wait as told, if it fits the budget;
 * - 403/429 with `x-ratelimit-remaining: 0` (primary limit): fail at once, naming the reset time;
 * - other 4xx: never retried (a validation error stays one).
 * Every wait comes out of one budget (`waitWithinBudget` too).
 */
export function withRetries(github, options = {}) {
    // One hook per client: a second call (the next step in the same process, as in tests and the
    // debug CLI) only swaps the options, so retries never multiply.
    const existing = installed.get(github);
    if (existing) {
        existing.options = options;
        existing.budgetMs = options.budgetMs ?? 120_000;
        return github;
    }
    const state = { options, budgetMs: options.budgetMs ?? 120_000 };
    installed.set(github, state);
    github.hook.wrap('request', async (request, parameters) => {
        const retries = state.options.retries ?? 3;
        const method = String(parameters.method ?? 'GET').toUpperCase();
        const route = `${method} ${String(parameters.url ?? '')}`;
        if (state.options.dryRun && !READS.has(method)) {
            throw new DryRunWriteError(`dry-run: refused to send ${route}`);
        }
        let serverErrors = 0;
        let rateLimitWaits = 0;
        for (;;) {
            try {
                return (await request(parameters));
            }
            catch (error) {
                const status = errorStatus(error);
                if (status === 403 || status === 429) {
                    if (errorHeader(error, 'x-ratelimit-remaining') === '0') {
                        const reset = Number(errorHeader(error, 'x-ratelimit-reset'));
                        const resetAt = Number.isFinite(reset) && reset > 0 ? new Date(reset * 1000) : null;
                        throw new RateLimitError(`GitHub API rate limit exhausted for this token (${route}); it resets at ${resetAt ? resetAt.toISOString() : 'an unknown time'}. Re-run the job after that.`, resetAt);
                    }
                    if (isSecondaryRateLimit(error) && rateLimitWaits < 2) {
                        // GitHub: without retry-after, wait at least a minute before trying again.
                        const retryAfter = Number(errorHeader(error, 'retry-after'));
                        const ms = Number.isFinite(retryAfter) ? retryAfter * 1000 : 60_000;
                        rateLimitWaits++;
                        if (await waitWithinBudget(github, ms, `secondary rate limit on ${route}`))
                            continue;
                    }
                    throw error;
                }
                const retryable = status === undefined || status >= 500;
                if (retryable && serverErrors < retries) {
                    const ms = 1000 * 2 ** serverErrors;
                    serverErrors++;
                    if (await waitWithinBudget(github, ms, `${status ?? 'network error'} on ${route}`))
                        continue;
                }
                throw error;
            }
        }
    });
    return github;
}
