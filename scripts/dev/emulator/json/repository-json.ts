import { hash, nodeId } from '../ids.js'
import type { JsonContext } from './json-context.js'
import { webUrl } from './json-context.js'
import { userJson } from './user-json.js'

/**
 * A full repository object (GET /repos/{owner}/{repo}); also used where the spec wants the
 * smaller minimal-repository, which is a subset. `fullName` may name a fork.
 */
export function repositoryJson(
  ctx: JsonContext,
  fullName: string = ctx.state.fullName
): Record<string, unknown> {
  const { state } = ctx
  const own = fullName.toLowerCase() === state.fullName.toLowerCase()
  const [owner = '', name = ''] = fullName.split('/')
  const id = own ? state.repoId : 100_000_000 + (hash(fullName) % 800_000_000)
  const api = `${ctx.apiUrl}/repos/${fullName}`
  const html = `${webUrl(ctx)}/${fullName}`
  const openIssues = own ? state.issues.filter(i => i.state === 'open').length : 0
  const isPrivate = own && state.private
  return {
    id,
    node_id: nodeId('R', id),
    name,
    full_name: fullName,
    private: isPrivate,
    owner: userJson(ctx, owner),
    html_url: html,
    description: null,
    fork: !own,
    url: api,
    forks_url: `${api}/forks`,
    keys_url: `${api}/keys{/key_id}`,
    collaborators_url: `${api}/collaborators{/collaborator}`,
    teams_url: `${api}/teams`,
    hooks_url: `${api}/hooks`,
    issue_events_url: `${api}/issues/events{/number}`,
    events_url: `${api}/events`,
    assignees_url: `${api}/assignees{/user}`,
    branches_url: `${api}/branches{/branch}`,
    tags_url: `${api}/tags`,
    blobs_url: `${api}/git/blobs{/sha}`,
    git_tags_url: `${api}/git/tags{/sha}`,
    git_refs_url: `${api}/git/refs{/sha}`,
    trees_url: `${api}/git/trees{/sha}`,
    statuses_url: `${api}/statuses/{sha}`,
    languages_url: `${api}/languages`,
    stargazers_url: `${api}/stargazers`,
    contributors_url: `${api}/contributors`,
    subscribers_url: `${api}/subscribers`,
    subscription_url: `${api}/subscription`,
    commits_url: `${api}/commits{/sha}`,
    git_commits_url: `${api}/git/commits{/sha}`,
    comments_url: `${api}/comments{/number}`,
    issue_comment_url: `${api}/issues/comments{/number}`,
    contents_url: `${api}/contents/{+path}`,
    compare_url: `${api}/compare/{base}...{head}`,
    merges_url: `${api}/merges`,
    archive_url: `${api}/{archive_format}{/ref}`,
    downloads_url: `${api}/downloads`,
    issues_url: `${api}/issues{/number}`,
    pulls_url: `${api}/pulls{/number}`,
    milestones_url: `${api}/milestones{/number}`,
    notifications_url: `${api}/notifications{?since,all,participating}`,
    labels_url: `${api}/labels{/name}`,
    releases_url: `${api}/releases{/id}`,
    deployments_url: `${api}/deployments`,
    created_at: state.createdAt,
    updated_at: state.createdAt,
    pushed_at: state.createdAt,
    git_url: `git://github.com/${fullName}.git`,
    ssh_url: `git@github.com:${fullName}.git`,
    clone_url: `${html}.git`,
    svn_url: html,
    homepage: null,
    size: 100,
    stargazers_count: 0,
    watchers_count: 0,
    language: 'TypeScript',
    has_issues: true,
    has_projects: true,
    has_downloads: true,
    has_wiki: true,
    has_pages: false,
    has_discussions: false,
    forks_count: 0,
    mirror_url: null,
    archived: false,
    disabled: false,
    open_issues_count: openIssues,
    license: null,
    allow_forking: true,
    is_template: false,
    web_commit_signoff_required: false,
    topics: [],
    visibility: isPrivate ? 'private' : 'public',
    forks: 0,
    open_issues: openIssues,
    watchers: 0,
    default_branch: own ? state.defaultBranch : 'main',
    network_count: 0,
    subscribers_count: 0
  }
}
