/**
 * Every error the steps raise on purpose, and the one policy for what a failure costs.
 *
 * Branch on these classes and on Octokit's structured fields (`status`, GitHub's `errors[]`),
 * never on message text (after @changesets/errors). The step fails on its own
 * account only for essentials; every extra goes through `bestEffort`.
 */

import type { Outcome } from '../issue/outcome.js'

/** A bad input or a malformed hand-over between steps: names the input and what was wrong. */
export class ConfigError extends Error {
  override name = 'ConfigError'
}

/**
 * The action cannot do its essential job (file the issue). The message is one line naming the
 * cause and the fix; the step fails with exactly that line and no stack trace.
 */
export class FatalError extends Error {
  override name = 'FatalError'
}

/** Filing was refused: carries the would-be issue for the job summary. */
export class CannotFileError extends FatalError {
  override name = 'CannotFileError'
  /** what the run did before the refusal (other issues filed meanwhile), for the outputs */
  done: Outcome[] = []
  constructor(
    message: string,
    readonly wouldBe: { title: string; body: string }
  ) {
    super(message)
  }

  withDone(done: Outcome[]): this {
    this.done = done
    return this
  }
}

/** The primary rate limit is spent: waiting for the reset would outlive the job. */
export class RateLimitError extends Error {
  override name = 'RateLimitError'
  constructor(
    message: string,
    readonly resetAt: Date | null
  ) {
    super(message)
  }
}

/** A write was attempted in dry-run mode: a bug, since every write path checks dry-run first. */
export class DryRunWriteError extends Error {
  override name = 'DryRunWriteError'
}

/**
 * Errors that doom every later call too (a spent rate limit, a write in dry-run): they end the
 * step even inside a best-effort call, or it would carry on and leave half-done state behind.
 */
export function isFatal(error: unknown): boolean {
  return error instanceof RateLimitError || error instanceof DryRunWriteError
}

/** Errors whose message is already the one line a user needs (no stack trace, no prefix). */
export function isExpected(error: unknown): boolean {
  return error instanceof FatalError || error instanceof ConfigError || isFatal(error)
}

/**
 * Runs an extra that may fail: a failure costs only what `onFailure` returns (it warns or logs
 * the reason), never the step, unless the error is fatal for every later call (`isFatal`).
 */
export async function bestEffort<T>(
  work: () => Promise<T>,
  onFailure: (error: unknown) => T
): Promise<T> {
  try {
    return await work()
  } catch (error) {
    if (isFatal(error)) throw error
    return onFailure(error)
  }
}

/** The message of anything thrown, without assuming it is an Error. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message
  if (typeof error === 'string') return error
  try {
    return JSON.stringify(error)
  } catch {
    return String(error)
  }
}

/** The HTTP status of an Octokit RequestError (or anything shaped like one), else undefined. */
export function errorStatus(error: unknown): number | undefined {
  if (typeof error === 'object' && error !== null && 'status' in error) {
    const status = (error as { status: unknown }).status
    return typeof status === 'number' ? status : undefined
  }
  return undefined
}

/** One entry of GitHub's 422 `errors` array: `{resource: 'Issue', field: 'assignees', code: 'invalid'}`. */
export interface FieldError {
  resource?: string
  field?: string
  code?: string
}

/** The `errors[]` of GitHub's error body (validation failures), empty when there are none. */
export function errorFields(error: unknown): FieldError[] {
  const data =
    typeof error === 'object' && error !== null && 'response' in error
      ? (error as { response?: { data?: unknown } }).response?.data
      : undefined
  const errors =
    typeof data === 'object' && data !== null ? (data as { errors?: unknown }).errors : undefined
  return Array.isArray(errors)
    ? errors.filter((e): e is FieldError => typeof e === 'object' && e !== null)
    : []
}

/** A response header of a failed request, as a string. */
export function errorHeader(error: unknown, name: string): string | undefined {
  const headers =
    typeof error === 'object' && error !== null && 'response' in error
      ? (error as { response?: { headers?: Record<string, unknown> } }).response?.headers
      : undefined
  const value = headers?.[name]
  return value === undefined || value === null ? undefined : String(value)
}

/**
 * Whether a 403/429 is GitHub's secondary rate limit. GitHub marks it with `retry-after` when it
 * can; without that header only its documented message says so (GitHub's rate-limit guide), so
 * this is the one place that reads message text.
 */
export function isSecondaryRateLimit(error: unknown): boolean {
  const status = errorStatus(error)
  if (status !== 403 && status !== 429) return false
  if (errorHeader(error, 'x-ratelimit-remaining') === '0') return false // the primary limit
  if (errorHeader(error, 'retry-after') !== undefined) return true
  const data =
    typeof error === 'object' && error !== null && 'response' in error
      ? (error as { response?: { data?: { message?: unknown } } }).response?.data
      : undefined
  return /secondary rate limit/i.test(String(data?.message ?? ''))
}

/** `HTTP 403: Resource not accessible by integration`, or the message of a non-HTTP error. */
export function describeError(error: unknown): string {
  const status = errorStatus(error)
  return status ? `HTTP ${status}: ${errorMessage(error)}` : errorMessage(error)
}
