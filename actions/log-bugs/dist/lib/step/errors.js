/**
 * Every error the steps raise on purpose, and the one policy for what a failure costs.
 *
 * Branch on these classes and on Octokit's structured fields (`status`, GitHub's `errors[]`),
 * never on message text (after @changesets/errors). The step fails on its own
 * account only for essentials; every extra goes through `bestEffort`.
 */
/** A bad input or a malformed hand-over between steps: names the input and what was wrong. */
export class ConfigError extends Error {
    name = 'ConfigError';
}
/**
 * The action cannot do its essential job (file the issue). The message is one line naming the
 * cause and the fix; the step fails with exactly that line and no stack trace.
 */
export class FatalError extends Error {
    name = 'FatalError';
}
/** Filing was refused: carries the would-be issue for the job summary. */
export class CannotFileError extends FatalError {
    wouldBe;
    name = 'CannotFileError';
    /** what the run did before the refusal (other issues filed meanwhile), for the outputs */
    done = [];
    constructor(message, wouldBe) {
        super(message);
        this.wouldBe = wouldBe;
    }
    withDone(done) {
        this.done = done;
        return this;
    }
}
/** The primary rate limit is spent: waiting for the reset would outlive the job. */
export class RateLimitError extends Error {
    resetAt;
    name = 'RateLimitError';
    constructor(message, resetAt) {
        super(message);
        this.resetAt = resetAt;
    }
}
/** A write was attempted in dry-run mode: a bug, since every write path checks dry-run first. */
export class DryRunWriteError extends Error {
    name = 'DryRunWriteError';
}
/**
 * Errors that doom every later call too (a spent rate limit, a write in dry-run): they end the
 * step even inside a best-effort call, or it would carry on and leave half-done state behind.
 */
export function isFatal(error) {
    return error instanceof RateLimitError || error instanceof DryRunWriteError;
}
/** Errors whose message is already the one line a user needs (no stack trace, no prefix). */
export function isExpected(error) {
    return error instanceof FatalError || error instanceof ConfigError || isFatal(error);
}
/**
 * Runs an extra that may fail: a failure costs only what `onFailure` returns (it warns or logs
 * the reason), never the step, unless the error is fatal for every later call (`isFatal`).
 */
export async function bestEffort(work, onFailure) {
    try {
        return await work();
    }
    catch (error) {
        if (isFatal(error))
            throw error;
        return onFailure(error);
    }
}
/** The message of anything thrown, without assuming it is an Error. */
export function errorMessage(error) {
    if (error instanceof Error)
        return error.message;
    if (typeof error === 'string')
        return error;
    try {
        return JSON.stringify(error);
    }
    catch {
        return String(error);
    }
}
/** The HTTP status of an Octokit RequestError (or anything shaped like one), else undefined. */
export function errorStatus(error) {
    if (typeof error === 'object' && error !== null && 'status' in error) {
        const status = error.status;
        return typeof status === 'number' ? status : undefined;
    }
    return undefined;
}
/** The `errors[]` of GitHub's error body (validation failures), empty when there are none. */
export function errorFields(error) {
    const data = typeof error === 'object' && error !== null && 'response' in error
        ? error.response?.data
        : undefined;
    const errors = typeof data === 'object' && data !== null ? data.errors : undefined;
    return Array.isArray(errors)
        ? errors.filter((e) => typeof e === 'object' && e !== null)
        : [];
}
/** A response header of a failed request, as a string. */
export function errorHeader(error, name) {
    const headers = typeof error === 'object' && error !== null && 'response' in error
        ? error.response?.headers
        : undefined;
    const value = headers?.[name];
    return value === undefined || value === null ? undefined : String(value);
}
/**
 * Whether a 403/429 is GitHub's secondary rate limit. GitHub marks it with `retry-after` when it
 * can; without that header only its documented message says so (GitHub's rate-limit guide), so
 * this is the one place that reads message text.
 */
export function isSecondaryRateLimit(error) {
    const status = errorStatus(error);
    if (status !== 403 && status !== 429)
        return false;
    if (errorHeader(error, 'x-ratelimit-remaining') === '0')
        return false; // the primary limit
    if (errorHeader(error, 'retry-after') !== undefined)
        return true;
    const data = typeof error === 'object' && error !== null && 'response' in error
        ? error.response?.data
        : undefined;
    return /secondary rate limit/i.test(String(data?.message ?? ''));
}
/** `HTTP 403: Resource not accessible by integration`, or the message of a non-HTTP error. */
export function describeError(error) {
    const status = errorStatus(error);
    return status ? `HTTP ${status}: ${errorMessage(error)}` : errorMessage(error);
}
