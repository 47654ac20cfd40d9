/**
 * What the steps know about a failed run, in the order they learn it: the run and its failed
 * jobs (gather-context), each job's log (tail-log), the distinct failures and the issues
 * log-bugs already tracks (find-duplicate).
 */
import type { FailureCategory, JobStep, LogAnalysis } from '../log/types.js'

/** A failed job, as gather-context found it (from the jobs API, or only from `job-results`). */
export interface FailedJob {
  /** null when the jobs API was unavailable and the job is known only from `job-results` */
  id: number | null
  name: string
  status: string
  conclusion: string
  url: string
  runAttempt: number
  steps: JobStep[]
  failedStep: { name: string; number: number; url: string } | null
}

export interface PullRequestInfo {
  number: number
  url: string
  author: string | null
  title: string | null
  /** true when the head repository differs from the base: writes will be refused */
  fork: boolean
}

/** gather-context's result: everything later steps need to know about the run. */
export interface RunContext {
  owner: string
  repo: string
  serverUrl: string
  runId: number
  attempt: number
  runUrl: string
  event: string
  workflow: { name: string; path: string }
  branch: string
  /** the repository's default branch (from the event), null when unknown */
  defaultBranch: string | null
  sha: string
  pr: PullRequestInfo | null
  feature: { id: string; name: string }
  failedJobs: FailedJob[]
  /** where the failed jobs came from: the jobs API, or the caller's `job-results` alone */
  jobsSource: 'api' | 'job-results'
  /** upstream job results as given by the caller (`toJSON(needs)`), normalised */
  jobResults: Record<string, string>
  /** the results of earlier attempts of this run's jobs (re-runs), oldest first */
  earlierAttempts: EarlierAttempt[]
}

/** A job's result in an attempt before the newest one. */
export interface EarlierAttempt {
  job: string
  attempt: number
  conclusion: string | null
}

/** tail-log's result for one failed job. */
export interface JobLog {
  jobId: number | null
  jobName: string
  logAvailable: boolean
  /** why the log could not be read, for the issue body ("log unavailable: …") */
  unavailableReason: string | null
  analysis: LogAnalysis | null
  /** the green run's log this one was compared with, null when none was */
  baseline?: { runId: number; url: string } | null
}

/** One distinct failure: the failed jobs (matrix legs) that share a fingerprint. */
export interface Failure {
  fingerprint: string
  category: FailureCategory
  jobs: { name: string; id: number | null; url: string; step: string | null }[]
  /** the job whose log represents the failure in the issue */
  primary: { job: FailedJob; log: JobLog }
}

/**
 * How a failure relates to the pull request that saw it: `new` (this PR's to fix), `known` (seen
 * before on this PR or another branch), `broken-trunk` (failing on the default branch too),
 * `flaky` (failed and passed on one commit), `allowed` (its job may fail: continue-on-error).
 */
export type FailureClass = 'new' | 'known' | 'broken-trunk' | 'flaky' | 'allowed'

/** Where an issue is in its lifecycle after `open` (see README, "Lifecycle"). */
export type Lifecycle = 'fix-pending' | 'pending-merge'

/** The machine-readable block at the end of every issue log-bugs files. */
export interface IssueMetadata {
  version: 1
  fingerprint: string
  /** the workflow file (or name) that failed: a green run of it resolves the issue */
  workflow: string
  featureId: string
  branch: string
  pr: number | null
  /** the runs that saw the failure, oldest first, the newest kept (the count goes on) */
  runs: RunKey[]
  attemptCount: number
  firstSeen: string
  lastSeen: string
  /** the login that filed the issue, once known: then only its markers are trusted */
  writer?: string
  /** seen on the default branch or a merge queue: failures of PRs are then not theirs */
  trunk?: boolean
  /** how often it failed and then passed on the same commit */
  flakes?: number
  /** the green run and attempt that last counted a flake (`1234-2`), so it counts once */
  lastFlake?: string
  lifecycle?: Lifecycle | null
  /** the class of the failure when last seen */
  class?: FailureClass
  /** when log-bugs last notified the issue's watchers (a comment, or the issue itself) */
  notifiedAt?: string
}

/** A run and attempt: the unit an issue records once, with where it ran. */
export interface RunKey {
  id: number
  attempt: number
  sha?: string
  branch?: string
  pr?: number | null
  at?: string
}

/** An issue that log-bugs filed (its marker, written by the token's own account). */
export interface TrackedIssue {
  number: number
  url: string
  title: string
  body: string
  metadata: IssueMetadata | null
  labels: string[]
  /** who wrote it: recorded in the metadata (`writer`) at the next update */
  author?: string
  /** absent means open (the list asks for open issues only) */
  state?: 'open' | 'closed'
  closedAt?: string | null
  stateReason?: string | null
}

/** The issues log-bugs tracks, by fingerprint: listed once per run and handed on. */
export type TrackedIssues = Record<string, TrackedIssue>

/** What find-duplicate hands on: the open issues, and closed ones of this run's failures. */
export interface KnownIssues {
  open: TrackedIssues
  /** the newest closed issue of each failure of this run that has no open one */
  closed: TrackedIssues
}
