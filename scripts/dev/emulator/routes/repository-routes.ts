import { GitHubError } from '../errors.js'
import { repositoryJson } from '../json/repository-json.js'
import { authenticatedUserJson } from '../json/user-json.js'
import { bucketFor, type RateLimitResource } from '../rate-limit.js'
import type { RouteHandler } from '../route-context.js'

export const getRepository: RouteHandler = ctx => ({ status: 200, body: repositoryJson(ctx) })

/**
 * GET /user with a GITHUB_TOKEN answers 403: an installation token is not a user, so clients
 * that look up "who am I" to find their own comments must use the login they know instead.
 */
export const getAuthenticatedUser: RouteHandler = ctx => {
  if (ctx.tokenSpec.kind === 'installation') {
    throw new GitHubError(403, 'Resource not accessible by integration')
  }
  return { status: 200, body: authenticatedUserJson(ctx, ctx.tokenSpec.login) }
}

/** GET /rate_limit doesn't count against the limit it reports. */
export const getRateLimit: RouteHandler = ctx => {
  const view = (resource: RateLimitResource): Record<string, number> => {
    const { limit, remaining, reset, used } = bucketFor(ctx.state, ctx.clock, ctx.token, resource)
    return { limit, remaining, reset, used }
  }
  const core = view('core')
  return {
    status: 200,
    body: {
      resources: {
        core,
        search: view('search'),
        graphql: { limit: 5000, remaining: 5000, reset: core.reset, used: 0 }
      },
      rate: core
    }
  }
}
