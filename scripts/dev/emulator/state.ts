import { isoSeconds } from './clock.js'
import { hash, nodeId } from './ids.js'
import type { SeedLog, TokenSpec } from './scenario.js'
import type { OpenapiViolation } from './validate-request.js'

export interface UserModel {
  login: string
  id: number
  node_id: string
  type: 'User' | 'Bot' | 'Organization'
  assignable: boolean
}

export interface LabelModel {
  id: number
  node_id: string
  name: string
  color: string
  description: string | null
  default: boolean
}

export interface CommentModel {
  id: number
  node_id: string
  issue_number: number
  body: string
  /** Login of the author: for writes, the token's login. */
  user: string
  created_at: string
  updated_at: string
}

/** An issue, or the issue half of a pull request (`pull_request: true`). */
export interface IssueModel {
  id: number
  node_id: string
  number: number
  title: string
  body: string | null
  state: 'open' | 'closed'
  state_reason: string | null
  /** Label names, in the order they were added. */
  labels: string[]
  /** Assignee logins. */
  assignees: string[]
  /** Author login. */
  user: string
  /** Same objects as in `state.comments`, oldest first. */
  comments: CommentModel[]
  pull_request: boolean
  locked: boolean
  created_at: string
  updated_at: string
  closed_at: string | null
  closed_by: string | null
}

export interface PullModel {
  number: number
  id: number
  node_id: string
  user: string
  head: { ref: string; sha: string; repo: string }
  base: { ref: string; sha: string }
  /** True when head.repo is not this repository. */
  fork: boolean
}

export interface StepModel {
  name: string
  number: number
  status: string
  conclusion: string | null
  started_at: string | null
  completed_at: string | null
}

export interface JobModel {
  id: number
  node_id: string
  run_id: number
  run_attempt: number
  name: string
  status: 'queued' | 'in_progress' | 'completed'
  conclusion: string | null
  created_at: string
  started_at: string
  completed_at: string | null
  steps: StepModel[]
  log: SeedLog
}

export interface RunModel {
  id: number
  node_id: string
  run_number: number
  run_attempt: number
  name: string
  path: string
  workflow_id: number
  head_branch: string
  head_sha: string
  event: string
  status: string
  conclusion: string | null
  display_title: string
  pull_requests: number[]
  actor: string
  created_at: string
  updated_at: string
  run_started_at: string
  jobs: JobModel[]
}

export interface RateLimitBucket {
  limit: number
  remaining: number
  /** Epoch seconds. */
  reset: number
  used: number
  /** Bucket length in seconds, for refilling once `reset` passes. */
  windowSeconds: number
}

/** What the search index holds for an issue as of `at` (clock ms). */
export interface SearchVersion {
  at: number
  issue: IssueModel
}

export interface EmulatorState {
  owner: string
  repo: string
  fullName: string
  /** the web address links point at: https://github.com, or an Enterprise Server's */
  serverUrl: string
  repoId: number
  defaultBranch: string
  private: boolean
  createdAt: string
  users: UserModel[]
  tokens: Record<string, TokenSpec>
  labels: LabelModel[]
  /** Issues and pull requests, by number. */
  issues: IssueModel[]
  /** Every comment in creation order; each is also on its issue's `comments`. */
  comments: CommentModel[]
  pulls: PullModel[]
  runs: RunModel[]
  /** Lower-case shas the commit lookup answers `[]` for (Scenario.forkOnlyCommits). */
  forkOnlyCommits: string[]
  searchLagMs: number
  /** Requests the OpenAPI description would reject and responses it doesn't describe. */
  openapiViolations: OpenapiViolation[]
  /** Issue number → indexed versions, oldest first. */
  searchIndex: Map<number, SearchVersion[]>
  /** Token → buckets by resource ('core', 'search'). */
  rateLimits: Map<string, Record<'core' | 'search', RateLimitBucket>>
  sequences: { issueNumber: number; commentId: number; labelId: number }
}

// github-actions[bot] has this id on github.com; clients sometimes compare it.
const githubActionsBotId = 41898282

export function findUser(state: EmulatorState, login: string): UserModel | undefined {
  const lower = login.toLowerCase()
  return state.users.find(u => u.login.toLowerCase() === lower)
}

/**
 * Returns the user, creating an unassignable one for logins the scenario didn't declare (issue
 * authors from outside, fork owners), since only collaborators can be assigned on GitHub.
 */
export function ensureUser(
  state: EmulatorState,
  login: string,
  options: { type?: UserModel['type']; assignable?: boolean } = {}
): UserModel {
  const existing = findUser(state, login)
  if (existing) {
    if (options.type) existing.type = options.type
    if (options.assignable !== undefined) existing.assignable = options.assignable
    return existing
  }
  const bot = login.endsWith('[bot]')
  const id =
    login === 'github-actions[bot]' ? githubActionsBotId : 1_000_000 + (hash(login) % 90_000_000)
  const user: UserModel = {
    login,
    id,
    node_id: nodeId(bot ? 'BOT' : 'U', id),
    type: options.type ?? (bot ? 'Bot' : 'User'),
    assignable: options.assignable ?? false
  }
  state.users.push(user)
  return user
}

export function findIssue(state: EmulatorState, number: number): IssueModel | undefined {
  return state.issues.find(i => i.number === number)
}

export function findPull(state: EmulatorState, number: number): PullModel | undefined {
  return state.pulls.find(p => p.number === number)
}

export function findLabel(state: EmulatorState, name: string): LabelModel | undefined {
  const lower = name.toLowerCase()
  return state.labels.find(l => l.name.toLowerCase() === lower)
}

export function addLabel(
  state: EmulatorState,
  name: string,
  color: string,
  description: string | null
): LabelModel {
  const id = ++state.sequences.labelId
  const label: LabelModel = {
    id,
    node_id: nodeId('LA', state.repoId, id),
    name,
    color: color.toLowerCase(),
    description,
    default: false
  }
  state.labels.push(label)
  return label
}

/**
 * The existing label matching case-insensitively, or a new one: GitHub creates labels named on
 * an issue on the fly, grey (`ededed`), with no description (github/docs#35718).
 */
export function resolveLabel(state: EmulatorState, name: string): LabelModel {
  return findLabel(state, name) ?? addLabel(state, name, 'ededed', null)
}

export function newIssue(
  state: EmulatorState,
  fields: {
    number: number
    title: string
    body: string | null
    user: string
    createdAt: string
    pull: boolean
  }
): IssueModel {
  const issue: IssueModel = {
    id: 3_000_000_000 + fields.number,
    node_id: nodeId(fields.pull ? 'PR' : 'I', state.repoId, fields.number),
    number: fields.number,
    title: fields.title,
    body: fields.body,
    state: 'open',
    state_reason: null,
    labels: [],
    assignees: [],
    user: ensureUser(state, fields.user).login,
    comments: [],
    pull_request: fields.pull,
    locked: false,
    created_at: fields.createdAt,
    updated_at: fields.createdAt,
    closed_at: null,
    closed_by: null
  }
  state.issues.push(issue)
  return issue
}

export function addComment(
  state: EmulatorState,
  issue: IssueModel,
  body: string,
  user: string,
  at: string
): CommentModel {
  const id = ++state.sequences.commentId
  const comment: CommentModel = {
    id,
    node_id: nodeId('IC', state.repoId, id),
    issue_number: issue.number,
    body,
    user: ensureUser(state, user).login,
    created_at: at,
    updated_at: at
  }
  issue.comments.push(comment)
  state.comments.push(comment)
  return comment
}

/** Records the issue's current content as the version search will see once the lag passes. */
export function indexIssue(state: EmulatorState, issue: IssueModel, at: number): void {
  const versions = state.searchIndex.get(issue.number) ?? []
  versions.push({ at, issue: structuredClone(issue) })
  state.searchIndex.set(issue.number, versions)
}

/** Bumps updated_at and re-indexes, as every write to an issue or its comments does. */
export function touchIssue(state: EmulatorState, issue: IssueModel, now: number): void {
  issue.updated_at = isoSeconds(now)
  indexIssue(state, issue, now)
}
