import { errorMessage, errorStatus, isSecondaryRateLimit } from '../step/errors.js'
import type { RunContext } from './types.js'

/** Why GitHub refused to file the issue and how to fix it, in one line. */
export function cannotFile(error: unknown, context: RunContext): string {
  const status = errorStatus(error)
  const fork = context.pr?.fork
    ? ' This looks like a pull request from a fork, whose token is read-only: use the workflow_run recipe in the log-bugs README.'
    : ''
  switch (status) {
    case 401:
      return 'cannot file the issue: the token was rejected (HTTP 401). Pass a valid github-token.'
    case 403:
    case 429:
      if (isSecondaryRateLimit(error)) {
        return `cannot file the issue: GitHub's secondary rate limit asked to wait longer than log-bugs may (HTTP ${status}). Re-run the job in a few minutes.`
      }
      if (status === 429)
        return `cannot file the issue: GitHub answered HTTP 429 (${errorMessage(error)}). Re-run the job later.`
      return `cannot file the issue: the token lacks \`issues: write\` (HTTP 403: ${errorMessage(error)}). Add \`permissions: { issues: write }\` to the job.${fork}`
    case 404:
      return `cannot file the issue: ${context.owner}/${context.repo} was not found with this token (HTTP 404). Check the github-token input.`
    case 410:
      return `cannot file the issue: issues are disabled in ${context.owner}/${context.repo} (HTTP 410). Enable them in the repository settings.`
    case 422:
      return `cannot file the issue: GitHub refused it as invalid (HTTP 422: ${errorMessage(error)}).`
    default:
      return `cannot file the issue (${status ? `HTTP ${status}` : 'network error'}: ${errorMessage(error)}).`
  }
}
