/**
 * Errors the steps raise on purpose. Branch on these classes and on `status`, never on message
 * text (the style guide's rule, after @changesets/errors).
 */
/** A bad input or malformed hand-over between steps: names the input and what was wrong. */
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
/** A write was attempted in dry-run mode: a bug, since every write path checks dry-run first. */
export class DryRunWriteError extends Error {
    name = 'DryRunWriteError';
}
/**
 * For catch blocks that downgrade a failed call to a warning: errors that doom every later call
 * too (spent rate limit, a write in dry-run) must still end the step, or it would carry on and
 * leave half-done state behind.
 */
export function rethrowIfFatal(error) {
    if (error instanceof DryRunWriteError)
        throw error;
    if (error instanceof Error && error.name === 'RateLimitError')
        throw error;
}
