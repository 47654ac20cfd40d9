import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { Context } from '../lib/step/types.js'
import { fakeSha } from './emulator/ids.js'
import {
  defaultToken,
  forkPullRequestToken,
  type Scenario,
  type SeedJob,
  type SeedPull,
  type SeedRun
} from './emulator/index.js'
import { makeContext } from './make-context.js'
import { corpusCase, failedJobFrom, type CorpusCase } from './scenarios.js'

/**
 * GitHub's own webhook payloads (@octokit/webhooks-examples, api.github.com) turned into what a
 * run of log-bugs sees: github-script's `context` and an emulator scenario that agrees with the
 * payload (repository, default branch, PR number, author, head branch and sha, the run).
 *
 * The payloads are used as published. Where the package has no example of a case, the case is
 * derived from the nearest real payload by changing only the fields that make it that case, and
 * `derived` says which; the schedule event has no payload in the package at all.
 */
export type Payload = Record<string, unknown>

interface RepositoryPayload {
  name: string
  full_name: string
  private?: boolean
  default_branch?: string
  fork?: boolean
  owner: { login: string }
}

interface PullRequestPayload {
  number: number
  title: string
  state?: 'open' | 'closed'
  user: { login: string }
  head: {
    ref: string
    sha: string
    label?: string
    user?: { login: string }
    repo: RepositoryPayload | null
  }
  base: { ref: string; sha: string; repo: RepositoryPayload }
}

interface WorkflowRunPayload {
  id: number
  name: string | null
  path: string
  event: string
  conclusion: string | null
  display_title?: string
  head_branch: string
  head_sha: string
  run_attempt?: number
  actor: { login: string }
  repository: RepositoryPayload
  head_repository: RepositoryPayload
  pull_requests: { number: number; head: { ref: string; sha: string } }[]
}

interface ExampleSet {
  name: string
  examples: Payload[]
}

let exampleSets: ExampleSet[] | undefined

function readExamples(): ExampleSet[] {
  const require = createRequire(import.meta.url)
  exampleSets ??= JSON.parse(
    readFileSync(require.resolve('@octokit/webhooks-examples'), 'utf8')
  ) as ExampleSet[]
  return exampleSets
}

/** A copy of the first of GitHub's example payloads for `event` that `where` accepts. */
export function realPayload(
  event: string,
  where: (payload: Payload) => boolean = () => true
): Payload {
  const found = readExamples()
    .find(set => set.name === event)
    ?.examples.find(where)
  if (!found) throw new Error(`@octokit/webhooks-examples has no ${event} payload that matches`)
  return structuredClone(found)
}

/** The owner of the forks derived here (see `forkOf`). */
export const FORK_OWNER = 'octo-fork'
/** The number of the fork PR seeded under workflow_run: its payload names no PR at all. */
export const FORK_PR_NUMBER = 7
/** The id of the run log-bugs itself runs in: no payload carries it (it is GITHUB_RUN_ID). */
export const OWN_RUN_ID = 30_000_001

/**
 * A fork of `repository` owned by FORK_OWNER. Only what tells a fork apart changes (`full_name`,
 * `owner.login`, `fork`); the rest repeats the base repository's fields.
 */
function forkOf(repository: RepositoryPayload): RepositoryPayload {
  return {
    ...repository,
    full_name: `${FORK_OWNER}/${repository.name}`,
    owner: { ...repository.owner, login: FORK_OWNER },
    fork: true
  }
}

export type RealEventSpec =
  | { event: 'pull_request'; action: 'opened' | 'synchronize'; fork?: boolean }
  /** `branch` other than the default branch derives a push to it */
  | { event: 'push'; branch?: string }
  /** fork: a fork PR's run; withoutPullRequest: a same-repository run no PR is attached to */
  | {
      event: 'workflow_run'
      conclusion: 'success' | 'failure'
      fork?: boolean
      withoutPullRequest?: boolean
    }
  | { event: 'merge_group' }
  | { event: 'schedule' }
  | { event: 'workflow_dispatch' }

/** The reported run's jobs: failed ones with real corpus logs, and passing ones. */
export interface RealJobs {
  /** [job name, corpus case]; default one failed `test` job (none for a successful run) */
  failed?: [string, CorpusCase][]
  passed?: string[]
}

export interface RealEvent {
  eventName: string
  payload: Payload
  /** what was changed from the real payload, and why; empty when it is used as published */
  derived: string[]
  /** the emulator's seed, agreeing with the payload */
  scenario: Scenario
  /** the run log-bugs reports */
  runId: number
  /** inputs the workflow passes: `run-id` under workflow_run, as the README's recipe does */
  inputs: Record<string, string>
  /** env of the job (GITHUB_RUN_ATTEMPT, GITHUB_HEAD_REF…) */
  env: Record<string, string>
  context(apiUrl: string): Context
}

interface Parts {
  payload: Payload
  derived: string[]
  repository: { owner: string; repo: string; defaultBranch: string; private: boolean }
  run: Omit<SeedRun, 'jobs' | 'name' | 'path'> & { name?: string; path?: string }
  pulls?: SeedPull[]
  users?: string[]
  forkOnlyCommits?: string[]
  forkToken?: boolean
  context: { eventName: string; sha: string; ref: string; runId: number; actor: string }
  inputs?: Record<string, string>
  env?: Record<string, string>
}

/** A real event: its payload, github-script's context for it and an emulator scenario to match. */
export function realEvent(spec: RealEventSpec, jobs: RealJobs = {}): RealEvent {
  const parts = partsOf(spec)
  const green = parts.run.conclusion === 'success'
  const failed: [string, CorpusCase][] =
    jobs.failed ?? (green ? [] : [['test', corpusCase({ tool: 'vitest' })]])
  // A completed run's jobs must agree with the conclusion its payload states.
  if (parts.run.status === 'completed' && green !== (failed.length === 0))
    throw new Error(`a ${parts.run.conclusion} run needs ${green ? 'no' : 'a'} failed job`)
  let next = parts.run.id * 100
  const seededJobs: SeedJob[] = [
    ...(jobs.passed ?? ['lint']).map(name => ({ id: next++, name, conclusion: 'success' })),
    ...failed.map(([name, entry]) => failedJobFrom(entry, next++, name))
  ]
  const { owner, repo } = parts.repository
  const scenario: Scenario = {
    owner,
    repo,
    defaultBranch: parts.repository.defaultBranch,
    private: parts.repository.private,
    users: [...new Set(parts.users ?? [])].map(login => ({ login, assignable: true })),
    labels: [{ name: 'bug', color: 'd73a4a' }],
    pulls: parts.pulls ?? [],
    runs: [
      {
        name: 'CI',
        path: '.github/workflows/ci.yml',
        ...parts.run,
        jobs: seededJobs
      }
    ],
    forkOnlyCommits: parts.forkOnlyCommits,
    tokens: { 'ghs_test-token': parts.forkToken ? forkPullRequestToken : defaultToken }
  }
  return {
    eventName: parts.context.eventName,
    payload: parts.payload,
    derived: parts.derived,
    scenario,
    runId: parts.run.id,
    inputs: parts.inputs ?? {},
    env: { GITHUB_RUN_ATTEMPT: String(parts.run.run_attempt ?? 1), ...parts.env },
    context: apiUrl =>
      makeContext({
        owner,
        repo,
        eventName: parts.context.eventName,
        payload: parts.payload,
        sha: parts.context.sha,
        ref: parts.context.ref,
        runId: parts.context.runId,
        actor: parts.context.actor,
        apiUrl
      })
  }
}

function repositoryOf(repository: RepositoryPayload): Parts['repository'] {
  return {
    owner: repository.owner.login,
    repo: repository.name,
    defaultBranch: repository.default_branch ?? 'main',
    private: repository.private ?? false
  }
}

/** The tip of a branch, where GitHub's docs say GITHUB_SHA is "the last commit" on it and no
 * payload names that commit: the emulator's own sha for the ref, so both agree. */
function tipOf(repository: Parts['repository'], branch: string): string {
  return fakeSha(`${repository.owner}/${repository.repo}@${branch}`)
}

/** log-bugs' own run, reporting from its last job: the run is still in progress. */
const inProgress = { id: OWN_RUN_ID, status: 'in_progress', conclusion: null }

const senderOf = (payload: Payload): string =>
  (payload.sender as { login?: string } | undefined)?.login ?? 'octocat'

// GITHUB_SHA and GITHUB_REF per event: docs.github.com/actions/reference/events-that-trigger-workflows
function partsOf(spec: RealEventSpec): Parts {
  switch (spec.event) {
    case 'pull_request':
      return pullRequestParts(spec)
    case 'push':
      return pushParts(spec)
    case 'workflow_run':
      return workflowRunParts(spec)
    case 'merge_group':
      return mergeGroupParts()
    case 'workflow_dispatch':
      return workflowDispatchParts()
    case 'schedule':
      return scheduleParts()
  }
}

function pullRequestParts(spec: { action: 'opened' | 'synchronize'; fork?: boolean }): Parts {
  const payload = realPayload('pull_request', p => p.action === spec.action)
  const pr = payload.pull_request as PullRequestPayload
  const derived: string[] = []
  if (spec.fork) {
    // Every pull_request example in the package comes from the base repository itself.
    pr.head.repo = forkOf(pr.base.repo)
    pr.head.label = `${FORK_OWNER}:${pr.head.ref}`
    pr.head.user = { ...pr.head.user, login: FORK_OWNER }
    derived.push(
      'pull_request.head.repo, head.label, head.user: a fork (the package has no fork PR)'
    )
  }
  const repository = repositoryOf(payload.repository as RepositoryPayload)
  const fork = Boolean(spec.fork)
  return {
    payload,
    derived,
    repository,
    // GitHub leaves a fork PR's run.pull_requests empty (actions/runner#3444).
    run: {
      ...inProgress,
      head_branch: pr.head.ref,
      head_sha: pr.head.sha,
      event: 'pull_request',
      pull_requests: fork ? [] : [pr.number]
    },
    pulls: [
      {
        number: pr.number,
        title: pr.title,
        user: pr.user.login,
        state: pr.state,
        head: { ref: pr.head.ref, sha: pr.head.sha, repo: pr.head.repo?.full_name },
        base: { ref: pr.base.ref }
      }
    ],
    users: [pr.user.login],
    forkToken: fork,
    // GITHUB_SHA is the merge commit of refs/pull/N/merge; the payload's merge_commit_sha is null
    // until GitHub has computed it, so the emulator's sha for that ref stands in.
    context: {
      eventName: 'pull_request',
      sha: tipOf(repository, `refs/pull/${pr.number}/merge`),
      ref: `refs/pull/${pr.number}/merge`,
      runId: OWN_RUN_ID,
      actor: senderOf(payload)
    },
    env: { GITHUB_HEAD_REF: pr.head.ref, GITHUB_BASE_REF: pr.base.ref }
  }
}

function pushParts(spec: { branch?: string }): Parts {
  const payload = realPayload('push', p => {
    const repository = p.repository as RepositoryPayload
    return p.ref === `refs/heads/${repository.default_branch}` && !p.deleted
  })
  const repository = repositoryOf(payload.repository as RepositoryPayload)
  const derived: string[] = []
  if (spec.branch !== undefined && spec.branch !== repository.defaultBranch) {
    // The package's pushes are all to the default branch or to a tag.
    payload.ref = `refs/heads/${spec.branch}`
    derived.push('ref: a feature branch (the package only pushes to master and tags)')
  }
  const branch = String(payload.ref).replace(/^refs\/heads\//, '')
  const sha = String(payload.after)
  return {
    payload,
    derived,
    repository,
    run: { ...inProgress, head_branch: branch, head_sha: sha, event: 'push', pull_requests: [] },
    context: {
      eventName: 'push',
      sha,
      ref: String(payload.ref),
      runId: OWN_RUN_ID,
      actor: senderOf(payload)
    }
  }
}

/**
 * The workflow_run recipe: log-bugs runs in a workflow of the default branch and reports the
 * triggering run, whose id the workflow passes as `run-id`. Same-repository: the package's
 * completed run whose pull_requests names PR #2 (or, withoutPullRequest, its completed run with
 * none); fork: that run with none, made a fork's.
 */
function workflowRunParts(spec: {
  conclusion: 'success' | 'failure'
  fork?: boolean
  withoutPullRequest?: boolean
}): Parts {
  const payload = realPayload('workflow_run', p => {
    const run = p.workflow_run as WorkflowRunPayload
    return (
      p.action === 'completed' &&
      run.conclusion === 'success' &&
      run.pull_requests.length === (spec.fork || spec.withoutPullRequest ? 0 : 1)
    )
  })
  const run = payload.workflow_run as WorkflowRunPayload
  const derived: string[] = []
  if (spec.conclusion === 'failure') {
    // The package's completed runs all succeeded (or await approval).
    run.conclusion = 'failure'
    derived.push('workflow_run.conclusion: failure (the package has no failed run)')
  }
  const repository = repositoryOf(payload.repository as RepositoryPayload)
  const pulls: SeedPull[] = []
  const users = [run.actor.login]
  const forkOnlyCommits: string[] = []
  if (spec.fork) {
    // A run of a fork's PR: its head repository is the fork and its event pull_request.
    run.head_repository = forkOf(run.repository)
    run.event = 'pull_request'
    derived.push(
      'workflow_run.head_repository, event: a fork PR run (the package has none from a fork)'
    )
    // The payload names no PR (pull_requests is empty for forks), so the PR is the scenario's:
    // open from the fork's branch at the run's commit, which the base repository's commit
    // lookup does not associate with it.
    pulls.push({
      number: FORK_PR_NUMBER,
      title: run.display_title ?? 'Fork change',
      user: FORK_OWNER,
      head: { ref: run.head_branch, sha: run.head_sha, repo: run.head_repository.full_name },
      base: { ref: repository.defaultBranch }
    })
    users.push(FORK_OWNER)
    forkOnlyCommits.push(run.head_sha)
  } else {
    // pull_requests carries only number, head and base: the title and author are not in the
    // payload, so the run's title and actor stand in.
    for (const pr of run.pull_requests)
      pulls.push({
        number: pr.number,
        title: run.display_title ?? 'Change',
        user: run.actor.login,
        head: { ref: pr.head.ref, sha: pr.head.sha },
        base: { ref: repository.defaultBranch }
      })
  }
  return {
    payload,
    derived,
    repository,
    run: {
      id: run.id,
      run_attempt: run.run_attempt ?? 1,
      ...(run.name ? { name: run.name } : {}),
      path: run.path,
      head_branch: run.head_branch,
      head_sha: run.head_sha,
      event: run.event,
      status: 'completed',
      conclusion: run.conclusion,
      display_title: run.display_title,
      pull_requests: run.pull_requests.map(pr => pr.number)
    },
    pulls,
    users,
    forkOnlyCommits,
    context: {
      eventName: 'workflow_run',
      sha: tipOf(repository, repository.defaultBranch),
      ref: `refs/heads/${repository.defaultBranch}`,
      runId: OWN_RUN_ID,
      actor: senderOf(payload)
    },
    inputs: { 'run-id': String(run.id) }
  }
}

/** A merge queue's check of its temporary branch: GITHUB_SHA and GITHUB_REF are its head. */
function mergeGroupParts(): Parts {
  const payload = realPayload('merge_group', p => p.action === 'checks_requested')
  const group = payload.merge_group as { head_sha: string; head_ref: string }
  const repository = repositoryOf(payload.repository as RepositoryPayload)
  return {
    payload,
    derived: [],
    repository,
    run: {
      ...inProgress,
      head_branch: group.head_ref.replace(/^refs\/heads\//, ''),
      head_sha: group.head_sha,
      event: 'merge_group',
      pull_requests: []
    },
    context: {
      eventName: 'merge_group',
      sha: group.head_sha,
      ref: group.head_ref,
      runId: OWN_RUN_ID,
      actor: senderOf(payload)
    }
  }
}

/** GITHUB_REF is the dispatched ref; GITHUB_SHA its last commit, which the payload omits. */
function workflowDispatchParts(): Parts {
  const payload = realPayload('workflow_dispatch')
  const repository = repositoryOf(payload.repository as RepositoryPayload)
  const ref = String(payload.ref)
  const branch = ref.replace(/^refs\/heads\//, '')
  const sha = tipOf(repository, branch)
  return {
    payload,
    derived: [],
    repository,
    run: {
      ...inProgress,
      head_branch: branch,
      head_sha: sha,
      event: 'workflow_dispatch',
      pull_requests: []
    },
    context: {
      eventName: 'workflow_dispatch',
      sha,
      ref,
      runId: OWN_RUN_ID,
      actor: senderOf(payload)
    }
  }
}

/** The cron of the schedule event below: GitHub's docs example. */
export const SCHEDULE_CRON = '30 5,17 * * *'

/**
 * The package has no schedule payload: GitHub's docs list it as "not applicable", and the event
 * carries only the cron that fired (`github.event.schedule`). So the payload is `{ schedule }`
 * and names no repository; the repository is the push example's (GITHUB_REPOSITORY comes from
 * the runner, not the payload). GITHUB_SHA and GITHUB_REF are the default branch's.
 */
function scheduleParts(): Parts {
  const borrowed = realPayload('push', p => !p.deleted).repository as RepositoryPayload
  const repository = repositoryOf(borrowed)
  const branch = repository.defaultBranch
  const sha = tipOf(repository, branch)
  return {
    payload: { schedule: SCHEDULE_CRON },
    derived: ['the whole payload: { schedule } (the package has no schedule event)'],
    repository,
    run: {
      ...inProgress,
      head_branch: branch,
      head_sha: sha,
      event: 'schedule',
      pull_requests: []
    },
    context: {
      eventName: 'schedule',
      sha,
      ref: `refs/heads/${branch}`,
      runId: OWN_RUN_ID,
      actor: repository.owner
    }
  }
}
