import { errorStatus } from '../step/error-message.js'
import { rethrowIfFatal } from '../step/errors.js'
import type { GitHub } from '../step/types.js'

export type LogSource =
  | { available: true; chunks: AsyncIterable<Uint8Array | string> }
  | { available: false; status: number | null; reason: string }

/**
 * Opens a job's log as a stream. The API answers 302 to a signed URL that lives one minute
 * (github-platform.md §5); we take the Location ourselves and fetch it without our token:
 * the signed blob URL rejects a foreign Authorization header, and the token must not leak to
 * another host. If something in between already followed the redirect, the body is the log.
 */
export async function downloadJobLog(
  github: GitHub,
  target: { owner: string; repo: string; jobId: number },
  fetchLog: typeof fetch = fetch
): Promise<LogSource> {
  let location: string | undefined
  try {
    const response = await github.request<unknown>(
      'GET /repos/{owner}/{repo}/actions/jobs/{job_id}/logs',
      {
        owner: target.owner,
        repo: target.repo,
        job_id: target.jobId,
        request: { redirect: 'manual' }
      }
    )
    const header = response.headers.location
    if (response.status >= 300 && response.status < 400 && header) {
      location = new URL(String(header), response.url).toString()
    } else {
      return { available: true, chunks: once(response.data) }
    }
  } catch (error) {
    rethrowIfFatal(error)
    const status = errorStatus(error) ?? null
    return { available: false, status, reason: unavailableReason(status) }
  }
  const response = await fetchLog(location, { redirect: 'follow' })
  if (!response.ok || !response.body) {
    return {
      available: false,
      status: response.status,
      reason: `the log link answered HTTP ${response.status} (links expire after one minute)`
    }
  }
  return { available: true, chunks: response.body as unknown as AsyncIterable<Uint8Array> }
}

/** Why a log is missing, in the words the issue body uses. */
export function unavailableReason(status: number | null): string {
  switch (status) {
    case 410:
      return 'the log has expired or was deleted (HTTP 410)'
    case 404:
      return 'the log is not available (HTTP 404): the job may still be running, or its runner never uploaded it'
    case 403:
      return 'reading logs was refused (HTTP 403): grant `actions: read`'
    case null:
      return 'the log could not be downloaded (network error)'
    default:
      return `the log could not be downloaded (HTTP ${status})`
  }
}

async function* once(data: unknown): AsyncIterable<Uint8Array | string> {
  if (typeof data === 'string') yield data
  else if (data instanceof ArrayBuffer) yield new Uint8Array(data)
  else if (data instanceof Uint8Array) yield data
  else if (data !== undefined && data !== null) yield JSON.stringify(data)
}
