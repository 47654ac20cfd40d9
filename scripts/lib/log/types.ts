/** What the log analysis reads from the jobs API and what it finds in a job's log. */

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

/** A line of the log with its 1-based number. */
export type NumberedLine = readonly [line: number, text: string]
