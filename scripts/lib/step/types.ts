/**
 * Narrow types for what github-script injects and for the state the steps hand each other.
 *
 * `@actions/github-script` is not on npm, so its `{github, context, core}` are typed here by the
 * few members we use. `@octokit/rest`'s Octokit satisfies `GitHub`, which is how the same step
 * runs under github-script, the debug CLI and the tests.
 */

export interface OctokitResponse<T = unknown> {
  status: number
  url: string
  headers: Record<string, string | number | undefined>
  data: T
}

export type RequestParameters = Record<string, unknown>

// Octokit types its hooks generically per hook name; `any` here is what lets both
// @octokit/rest and github-script's older client satisfy this interface.
/* eslint-disable @typescript-eslint/no-explicit-any */
export type RequestHook = (
  request: (options: any) => OctokitResponse<any> | Promise<OctokitResponse<any>>,
  options: any
) => Promise<OctokitResponse<any>>
/* eslint-enable @typescript-eslint/no-explicit-any */

export interface GitHub {
  request<T = unknown>(route: string, parameters?: RequestParameters): Promise<OctokitResponse<T>>
  paginate<T = unknown>(route: string, parameters?: RequestParameters): Promise<T[]>
  hook: {
    wrap(name: 'request', hook: RequestHook): void
  }
}

/** The fields of @actions/github's Context that the steps read. */
export interface Context {
  eventName: string
  sha: string
  ref: string
  workflow: string
  job: string
  runId: number
  runNumber: number
  actor: string
  serverUrl: string
  apiUrl: string
  payload: Record<string, unknown>
  repo: { owner: string; repo: string }
}

export interface Summary {
  addRaw(text: string, addEOL?: boolean): Summary
  write(options?: { overwrite?: boolean }): Promise<Summary>
}

/** The @actions/core functions the steps call. */
export interface Core {
  debug(message: string): void
  info(message: string): void
  notice(message: string): void
  warning(message: string): void
  error(message: string): void
  setOutput(name: string, value: unknown): void
  setFailed(message: string): void
  setSecret(secret: string): void
  summary: Summary
}

export interface StepDeps {
  github: GitHub
  context: Context
  core: Core
  /** how retries wait; tests pass one that advances the emulator's clock instead of sleeping */
  sleep?: (ms: number) => Promise<void>
  /** the clock for first/last-seen times; tests fix it */
  now?: () => Date
}

export type FailureCategory =
  | 'lint'
  | 'format'
  | 'type-check'
  | 'test'
  | 'build'
  | 'dependency'
  | 'security'
  | 'infrastructure'
  | 'unknown'

/** A step of a job as the jobs API reports it. */
export interface JobStep {
  name: string
  number: number
  status: string
  conclusion: string | null
  started_at?: string | null
  completed_at?: string | null
}

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
  sha: string
  pr: PullRequestInfo | null
  feature: { id: string; name: string }
  failedJobs: FailedJob[]
  /** where the failed jobs came from: the jobs API, or the caller's `job-results` alone */
  jobsSource: 'api' | 'job-results'
  /** upstream job results as given by the caller (`toJSON(needs)`), normalised */
  jobResults: Record<string, string>
}

/** What the log analysis found in one failed job's log. */
export interface LogAnalysis {
  failedStep: { name: string; number: number | null } | null
  category: FailureCategory
  terminal: 'timeout' | 'cancelled' | 'shutdown' | null
  keyLines: string[]
  excerpt: string
  excerptLines: { first: number; last: number } | null
  exitCode: number | null
  signature: string[]
  totalLines: number
  bytes: number
}

/** tail-log's result for one failed job. */
export interface JobLog {
  jobId: number | null
  jobName: string
  logAvailable: boolean
  /** why the log could not be read, for the issue body ("log unavailable: …") */
  unavailableReason: string | null
  analysis: LogAnalysis | null
}

/** One distinct failure: the failed jobs (matrix legs) that share a fingerprint. */
export interface Failure {
  fingerprint: string
  category: FailureCategory
  jobs: { name: string; id: number | null; url: string; step: string | null }[]
  /** the job whose log represents the failure in the issue */
  primary: { job: FailedJob; log: JobLog }
  existing: ExistingIssue | null
}

export interface ExistingIssue {
  number: number
  url: string
  title: string
  body: string
  metadata: IssueMetadata | null
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
  runs: { id: number; attempt: number }[]
  attemptCount: number
  firstSeen: string
  lastSeen: string
}

/** create-issue's result for one failure. */
export interface FiledIssue {
  fingerprint: string
  number: number | null
  url: string | null
  title: string
  created: boolean
  isRetry: boolean
  attemptCount: number
  jobs: string[]
  /** closed because the branch went green (no failure in this run) */
  resolved?: boolean
  /** set in dry-run or when writing was refused: the body that would have been posted */
  wouldBe?: { title: string; body: string }
  error?: string
}
