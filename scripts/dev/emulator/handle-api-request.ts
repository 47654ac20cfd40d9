import { createHmac } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { EmulatorEnv } from './emulator-env.js'
import { defaultMessage, errorBody, genericDocumentationUrl, GitHubError } from './errors.js'
import { loadOpenapiSubset } from './openapi-subset.js'
import { acceptedPermissionsHeader, hasPermission, requiredPermissions } from './permissions.js'
import { bucketFor, rateLimitHeaders, type RateLimitResource } from './rate-limit.js'
import { readToken, type RecordedRequest } from './recorded-request.js'
import type { RouteContext, RouteResult } from './route-context.js'
import { matchRoute } from './router.js'
import { routeHandlers } from './routes/route-handlers.js'
import { ensureUser } from './state.js'
import { checkResponse, validateRequest } from './validate-request.js'

// Versions api.github.com accepts in X-GitHub-Api-Version; requests without it get the first.
const apiVersions = ['2022-11-28', '2026-03-10']

// Signed log links expire after one minute (docs/github-platform.md §5).
const logUrlLifetimeMs = 60_000

interface Reply {
  status: number
  body?: unknown
  headers: Record<string, string>
}

/**
 * The API origin's request pipeline, in GitHub's order as far as it shows from outside:
 * record → injected fault → authentication → rate limit → route → repository → permission →
 * request validation → handler, then the response is checked against the OpenAPI schema.
 */
export async function handleApiRequest(
  env: EmulatorEnv,
  req: IncomingMessage,
  res: ServerResponse
): Promise<void> {
  const url = new URL(req.url ?? '/', env.apiUrl)
  const method = (req.method ?? 'GET').toUpperCase()
  const match = matchRoute(method, url.pathname)
  const route = match?.route ?? 'UNKNOWN'
  const token = readToken(req.headers.authorization)
  const record: RecordedRequest = {
    method,
    path: url.pathname,
    query: Object.fromEntries(url.searchParams),
    route,
    status: 0,
    token,
    body: null,
    at: env.clock.now()
  }
  env.requests.push(record)

  const raw = await readBody(req)
  let body: unknown = undefined
  let badJson = false
  if (raw !== '') {
    try {
      body = JSON.parse(raw)
      record.body = body
    } catch {
      badJson = true
      record.body = raw
    }
  }

  const apiVersion = req.headers['x-github-api-version']
  const reply = decide(env, {
    url,
    method,
    route,
    match,
    token,
    body,
    badJson,
    hasBody: raw !== '',
    apiVersion: Array.isArray(apiVersion) ? apiVersion[0] : apiVersion
  })
  reply.headers['x-github-request-id'] = env.nextRequestId()
  record.status = reply.status
  send(res, reply)
}

interface Incoming {
  url: URL
  method: string
  route: string
  match: ReturnType<typeof matchRoute>
  token: string | null
  body: unknown
  badJson: boolean
  hasBody: boolean
  apiVersion: string | undefined
}

function decide(env: EmulatorEnv, incoming: Incoming): Reply {
  const { state, clock } = env
  const { route, match, token } = incoming
  const op = match ? loadOpenapiSubset().operations[match.route] : undefined
  const docs = op?.documentationUrl ?? genericDocumentationUrl
  const headers: Record<string, string> = {
    'x-github-api-version-selected': apiVersions[0] ?? '',
    'x-github-media-type': 'github.v3; format=json'
  }
  const tokenSpec = token === null ? undefined : state.tokens[token]
  const resource: RateLimitResource = route === 'GET /search/issues' ? 'search' : 'core'

  // A fault answers before anything else happens, so it changes no state (not even the limit).
  const fault = env.faults.take(incoming.method, route)
  if (fault) {
    const known = token !== null && tokenSpec !== undefined
    const bucket = bucketFor(state, clock, known ? token : '', known ? resource : 'core')
    Object.assign(headers, rateLimitHeaders(bucket, known ? resource : 'core'))
    Object.assign(headers, fault.headers ?? {})
    return {
      status: fault.status,
      body:
        fault.body !== undefined
          ? fault.body
          : errorBody(fault.status, defaultMessage(fault.status, fault.headers), docs),
      headers
    }
  }

  if (token === null || !tokenSpec) {
    // Unauthenticated callers share a 60/hour bucket; report it like GitHub does.
    Object.assign(headers, rateLimitHeaders(bucketFor(state, clock, '', 'core'), 'core'))
    const message = token === null ? 'Requires authentication' : 'Bad credentials'
    return { status: 401, body: errorBody(401, message, 'https://docs.github.com/rest'), headers }
  }
  ensureUser(state, tokenSpec.login)

  const bucket = bucketFor(state, clock, token, resource)
  if (route !== 'GET /rate_limit') {
    if (bucket.remaining <= 0) {
      Object.assign(headers, rateLimitHeaders(bucket, resource))
      const who =
        tokenSpec.kind === 'installation'
          ? 'installation ID 1'
          : `user ID ${ensureUser(state, tokenSpec.login).id}`
      return {
        status: 403,
        body: errorBody(
          403,
          `API rate limit exceeded for ${who}. If you reach out to GitHub Support for help, please include the request ID.`,
          'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api'
        ),
        headers
      }
    }
    bucket.remaining--
    bucket.used++
  }
  Object.assign(headers, rateLimitHeaders(bucket, resource))

  const version = incoming.apiVersion
  if (version !== undefined && !apiVersions.includes(version)) {
    return {
      status: 400,
      body: errorBody(400, `API version ${version} is not supported.`, docs),
      headers
    }
  }

  if (!match) {
    const message = `Not Found: emulator has no route ${incoming.method} ${incoming.url.pathname}`
    state.openapiViolations.push({ route: 'UNKNOWN', kind: 'route', message })
    return { status: 404, body: errorBody(404, message, docs), headers }
  }
  const { params } = match
  if (
    params.owner !== undefined &&
    (params.owner.toLowerCase() !== state.owner.toLowerCase() ||
      (params.repo ?? '').toLowerCase() !== state.repo.toLowerCase())
  ) {
    return { status: 404, body: errorBody(404, 'Not Found', docs), headers }
  }

  if (incoming.badJson) {
    return { status: 400, body: errorBody(400, 'Problems parsing JSON', docs), headers }
  }

  const sets = requiredPermissions(match.route, params, state)
  if (sets.length > 0) headers['x-accepted-github-permissions'] = acceptedPermissionsHeader(sets)
  if (!hasPermission(tokenSpec, sets)) {
    const actor = tokenSpec.kind === 'installation' ? 'integration' : 'personal access token'
    return {
      status: 403,
      body: errorBody(403, `Resource not accessible by ${actor}`, docs),
      headers
    }
  }

  const query = Object.fromEntries(incoming.url.searchParams)
  const rejection = validateRequest(match.route, query, incoming.body, incoming.hasBody)
  if (rejection) {
    state.openapiViolations.push(rejection.violation)
    return {
      status: rejection.status,
      body: errorBody(rejection.status, rejection.message, docs),
      headers
    }
  }

  const ctx: RouteContext = {
    state,
    apiUrl: env.apiUrl,
    clock,
    route: match.route,
    params,
    query,
    url: incoming.url,
    body: (incoming.body ?? {}) as Record<string, unknown>,
    token,
    tokenSpec,
    signedLogUrl: jobId => signLogUrl(env, jobId)
  }
  let result: RouteResult
  try {
    result = routeHandlers[match.route](ctx)
  } catch (error) {
    if (!(error instanceof GitHubError)) {
      const message = error instanceof Error ? (error.stack ?? error.message) : String(error)
      return { status: 500, body: errorBody(500, `Emulator bug: ${message}`, docs), headers }
    }
    Object.assign(headers, error.options.headers ?? {})
    result = {
      status: error.status,
      body: errorBody(
        error.status,
        error.message,
        error.options.documentationUrl ?? docs,
        error.options.errors
      )
    }
  }
  const violation = checkResponse(match.route, result.status, result.body)
  if (violation) state.openapiViolations.push(violation)
  return { status: result.status, body: result.body, headers: { ...headers, ...result.headers } }
}

/** `{logsUrl}/_signed/job-logs/{id}?expires=…&sig=…`, valid for one minute of clock time. */
function signLogUrl(env: EmulatorEnv, jobId: number): string {
  const expires = env.clock.now() + logUrlLifetimeMs
  return `${env.logsUrl}/_signed/job-logs/${jobId}?expires=${expires}&sig=${logSignature(env, jobId, expires)}`
}

export function logSignature(
  env: EmulatorEnv,
  jobId: number | string,
  expires: number | string
): string {
  return createHmac('sha256', env.secret).update(`${jobId}:${expires}`).digest('base64url')
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}

function send(res: ServerResponse, reply: Reply): void {
  const headers: Record<string, string> = { ...reply.headers }
  if (reply.body === undefined || reply.status === 204 || reply.status === 302) {
    res.writeHead(reply.status, { ...headers, 'content-length': '0' })
    res.end()
    return
  }
  const text = typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body)
  res.writeHead(reply.status, {
    'content-type': 'application/json; charset=utf-8',
    ...headers,
    'content-length': String(Buffer.byteLength(text))
  })
  res.end(text)
}
