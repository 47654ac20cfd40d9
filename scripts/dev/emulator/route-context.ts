import type { Clock } from './clock.js'
import type { JsonContext } from './json/json-context.js'
import type { TokenSpec } from './scenario.js'
import type { ServedRoute } from './served-routes.js'

/** Everything a route handler sees. The body has already passed OpenAPI validation. */
export interface RouteContext extends JsonContext {
  clock: Clock
  route: ServedRoute
  params: Record<string, string>
  query: Record<string, string>
  /** The absolute request URL, for Link headers. */
  url: URL
  body: Record<string, unknown>
  token: string
  tokenSpec: TokenSpec
  /** A signed, expiring job-log URL on the separate log-storage origin. */
  signedLogUrl(jobId: number): string
}

export interface RouteResult {
  status: number
  body?: unknown
  headers?: Record<string, string>
}

export type RouteHandler = (ctx: RouteContext) => RouteResult
