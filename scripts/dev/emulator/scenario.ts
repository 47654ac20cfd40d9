/** The seed an emulator starts from: one repository and what is in it. */
export interface Scenario {
  owner: string
  repo: string
  /** Default 'main'. */
  defaultBranch?: string
  private?: boolean
  users?: SeedUser[]
  /**
   * Token value → what it may do. Default: `{ 'ghs_test-token': defaultToken }`, a GITHUB_TOKEN-like
   * installation token for github-actions[bot].
   */
  tokens?: Record<string, TokenSpec>
  labels?: SeedLabel[]
  /** Issues and pull requests share one number sequence, as on GitHub. */
  issues?: SeedIssue[]
  comments?: SeedComment[]
  /** Also listed by GET /repos/{o}/{r}/issues, with a `pull_request` key. */
  pulls?: SeedPull[]
  runs?: SeedRun[]
  /**
   * Commits that exist only in a fork. The base repository's commit lookup
   * (GET /repos/{o}/{r}/commits/{sha}/pulls) answers `[]` for them even while an open PR has one
   * as its head, as third-party reports saw on GitHub (TooTallNate/nx.js#410,
   * quarkusio/pt.quarkus.io#389).
   */
  forkOnlyCommits?: string[]
  /** The search index lags writes by this many ms of clock time (default 0). */
  searchLagMs?: number
  /** The web address of the server (default https://github.com; an Enterprise Server's host). */
  serverUrl?: string
}

export interface SeedUser {
  login: string
  type?: 'User' | 'Bot'
  /** Default true; false makes `assignees` on create/update fail with 422. */
  assignable?: boolean
}

export type Permission = 'actions' | 'contents' | 'issues' | 'pull_requests' | 'metadata'
export type Access = 'read' | 'write' | 'none'

export interface TokenSpec {
  login: string
  kind: 'installation' | 'user'
  permissions: Partial<Record<Permission, Access>>
  /** Core bucket; defaults to 1,000/hour for installation tokens and 5,000/hour for user tokens. */
  rateLimit?: { limit: number; remaining: number; reset: number }
}

export interface SeedLabel {
  name: string
  color?: string
  description?: string | null
}

export interface SeedIssue {
  number?: number
  title: string
  body?: string | null
  state?: 'open' | 'closed'
  state_reason?: string | null
  labels?: string[]
  user?: string
  assignees?: string[]
  created_at?: string
}

export interface SeedComment {
  issue_number: number
  body: string
  user: string
}

export interface SeedPull {
  number?: number
  title: string
  body?: string
  user: string
  state?: 'open' | 'closed'
  /** `repo` is the head repository's full_name; a different repository makes it a fork PR. */
  head: { ref: string; sha: string; repo?: string }
  base?: { ref: string }
}

export interface SeedRun {
  id: number
  run_attempt?: number
  name: string
  /** e.g. '.github/workflows/ci.yml' */
  path: string
  head_branch: string
  head_sha: string
  event: string
  status?: string
  conclusion?: string | null
  display_title?: string
  /** PR numbers. GitHub leaves this empty for fork PRs, so seed it the same way. */
  pull_requests?: number[]
  jobs: SeedJob[]
}

export interface SeedStep {
  name: string
  number: number
  status: string
  conclusion: string | null
  started_at?: string | null
  completed_at?: string | null
}

/** A log given as a function is streamed lazily, so a huge generated log never sits in memory. */
export type SeedLog = string | Buffer | (() => AsyncIterable<Uint8Array>) | { status: 404 | 410 }

export interface SeedJob {
  id: number
  name: string
  status?: 'queued' | 'in_progress' | 'completed'
  conclusion?: string | null
  run_attempt?: number
  started_at?: string
  completed_at?: string | null
  steps?: SeedStep[]
  log?: SeedLog
}

/** What GITHUB_TOKEN gets with `permissions: { actions: read, issues: write, pull-requests: write }`. */
export const defaultToken: TokenSpec = {
  login: 'github-actions[bot]',
  kind: 'installation',
  permissions: {
    actions: 'read',
    contents: 'read',
    issues: 'write',
    pull_requests: 'write',
    metadata: 'read'
  }
}

/** The token a `pull_request` run from a fork gets: read-only whatever the workflow asks for. */
export const forkPullRequestToken: TokenSpec = {
  login: 'github-actions[bot]',
  kind: 'installation',
  permissions: { actions: 'read', contents: 'read', issues: 'read', pull_requests: 'read' }
}
