/** One request as the emulator saw it, in arrival order. */
export interface RecordedRequest {
  method: string
  /** Path without the query string. */
  path: string
  query: Record<string, string>
  /** OpenAPI template, e.g. 'POST /repos/{owner}/{repo}/issues', or 'UNKNOWN'. */
  route: string
  /** 0 until the response head is sent. */
  status: number
  /** The token from `Authorization: token X` / `Bearer X`, or null. */
  token: string | null
  /** Parsed JSON body; the raw text when it wasn't JSON; null when there was none. */
  body: unknown
  /** Clock time of arrival (ms). */
  at: number
}

/** Route of signed job-log downloads, which hit the separate log-storage origin. */
export const signedLogRoute = 'GET /_signed/job-logs/{job_id}'

/** `Authorization: token X` and `Bearer X` both work on GitHub. */
export function readToken(authorization: string | undefined): string | null {
  if (!authorization) return null
  const match = /^(?:token|bearer)\s+(\S+)\s*$/i.exec(authorization)
  return match?.[1] ?? null
}
