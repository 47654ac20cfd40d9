import { ensureUser } from '../state.js'
import type { JsonContext } from './json-context.js'
import { webUrl } from './json-context.js'

/** A simple-user object, as embedded in issues, comments and pull requests. */
export function userJson(ctx: JsonContext, login: string): Record<string, unknown> {
  const user = ensureUser(ctx.state, login)
  const api = `${ctx.apiUrl}/users/${encodeURIComponent(user.login)}`
  const bot = user.type === 'Bot'
  return {
    login: user.login,
    id: user.id,
    node_id: user.node_id,
    // Bots' avatars and profile pages live under the app, e.g. github.com/apps/github-actions.
    avatar_url: bot
      ? 'https://avatars.githubusercontent.com/in/15368?v=4'
      : `https://avatars.githubusercontent.com/u/${user.id}?v=4`,
    gravatar_id: '',
    url: api,
    html_url: bot
      ? `${webUrl(ctx)}/apps/${user.login.replace(/\[bot\]$/, '')}`
      : `${webUrl(ctx)}/${user.login}`,
    followers_url: `${api}/followers`,
    following_url: `${api}/following{/other_user}`,
    gists_url: `${api}/gists{/gist_id}`,
    starred_url: `${api}/starred{/owner}{/repo}`,
    subscriptions_url: `${api}/subscriptions`,
    organizations_url: `${api}/orgs`,
    repos_url: `${api}/repos`,
    events_url: `${api}/events{/privacy}`,
    received_events_url: `${api}/received_events`,
    type: user.type,
    user_view_type: 'public',
    site_admin: false
  }
}

/** GET /user: the private-user shape a user token sees for itself. */
export function authenticatedUserJson(ctx: JsonContext, login: string): Record<string, unknown> {
  return {
    ...userJson(ctx, login),
    name: null,
    company: null,
    blog: '',
    location: null,
    email: null,
    hireable: null,
    bio: null,
    twitter_username: null,
    notification_email: null,
    public_repos: 1,
    public_gists: 0,
    followers: 0,
    following: 0,
    created_at: ctx.state.createdAt,
    updated_at: ctx.state.createdAt,
    private_gists: 0,
    total_private_repos: 0,
    owned_private_repos: 0,
    disk_usage: 0,
    collaborators: 0,
    two_factor_authentication: true
  }
}

/** OWNER / COLLABORATOR / NONE: enough for clients that only trust maintainers' comments. */
export function authorAssociation(ctx: JsonContext, login: string): string {
  const user = ensureUser(ctx.state, login)
  if (user.login.toLowerCase() === ctx.state.owner.toLowerCase()) return 'OWNER'
  return user.assignable ? 'COLLABORATOR' : 'NONE'
}
