/** One entry of a 422 `errors` array, as GitHub sends it. */
export interface ValidationErrorItem {
  resource?: string
  field?: string
  code: string
  message?: string
  value?: unknown
}

export interface GitHubErrorOptions {
  errors?: ValidationErrorItem[]
  /** Defaults to the route's docs page. */
  documentationUrl?: string
  headers?: Record<string, string>
}

/** Thrown by route handlers; the server turns it into GitHub's JSON error body. */
export class GitHubError extends Error {
  readonly status: number
  readonly options: GitHubErrorOptions
  constructor(status: number, message: string, options: GitHubErrorOptions = {}) {
    super(message)
    this.status = status
    this.options = options
  }
}

export const genericDocumentationUrl = 'https://docs.github.com/rest'

/** `{"message":"Not Found","documentation_url":"…","status":"404"}`: GitHub sends the status as a string. */
export function errorBody(
  status: number,
  message: string,
  documentationUrl: string = genericDocumentationUrl,
  errors?: ValidationErrorItem[]
): Record<string, unknown> {
  return {
    message,
    ...(errors && { errors }),
    documentation_url: documentationUrl,
    status: String(status)
  }
}

export function notFound(): GitHubError {
  return new GitHubError(404, 'Not Found')
}

/** 422 "Validation Failed" with GitHub's per-field `errors`. */
export function validationFailed(...errors: ValidationErrorItem[]): GitHubError {
  return new GitHubError(422, 'Validation Failed', { errors })
}

/** The messages GitHub uses for statuses a test injects without a body. */
export function defaultMessage(status: number, headers: Record<string, string> = {}): string {
  const lower = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]))
  if ((status === 403 || status === 429) && 'retry-after' in lower) {
    return 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID.'
  }
  if ((status === 403 || status === 429) && lower['x-ratelimit-remaining'] === '0') {
    return 'API rate limit exceeded for installation ID 1.'
  }
  const messages: Record<number, string> = {
    400: 'Bad Request',
    401: 'Bad credentials',
    403: 'Forbidden',
    404: 'Not Found',
    409: 'Conflict',
    410: 'Gone',
    422: 'Validation Failed',
    429: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
    503: 'Service Unavailable'
  }
  return messages[status] ?? (status >= 500 ? 'Server Error' : 'Error')
}
