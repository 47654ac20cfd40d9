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

/** The machine-readable block at the end of every issue log-bugs files. */
export interface IssueMetadata {
  version: 1
  fingerprint: string
  /** the workflow file (or name) that failed: a green run of it resolves the issue */
  workflow: string
  featureId: string
  branch: string
  pr: number | null
  runs: RunKey[]
  attemptCount: number
  firstSeen: string
  lastSeen: string
}

/** A run and attempt: the unit an issue records once. */
export interface RunKey {
  id: number
  attempt: number
}

/** An open issue that log-bugs filed (its marker, written by the token's own account). */
export interface TrackedIssue {
  number: number
  url: string
  title: string
  body: string
  metadata: IssueMetadata | null
}

/** The issues log-bugs tracks, by fingerprint: listed once per run and handed on. */
export type TrackedIssues = Record<string, TrackedIssue>
