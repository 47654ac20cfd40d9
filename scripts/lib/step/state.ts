import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Failure, JobLog, RunContext, TrackedIssues } from '../issue/types.js'
import type { Outcome } from '../issue/outcome.js'
import { ConfigError } from './errors.js'
import type { ActionInputs } from './inputs.js'

/**
 * The state folder: the JSON files the steps hand each other, by name, with the step that
 * writes each. Step outputs cap at 1 MB and env values at 128 KiB (docs/github-platform.md §6),
 * and excerpts can be large, so the steps pass files, not outputs.
 */
export interface StateFiles {
  /** gather-context: the validated inputs, without the token */
  inputs: ActionInputs
  /** gather-context: the run, its failed jobs and its pull request */
  context: RunContext
  /** tail-log: one entry per failed job, in the order of `context.failedJobs` */
  logs: JobLog[]
  /** find-duplicate: the distinct failures */
  failures: Failure[]
  /** find-duplicate: the open issues log-bugs tracks, listed once for the whole run */
  tracked: TrackedIssues
  /** find-duplicate: the newest closed issue of failures that have no open one */
  closed: TrackedIssues
  /** find-duplicate: the account the token writes as */
  identity: { botLogin: string | null }
  /** create-issue: what became of each failure */
  outcomes: Outcome[]
  /** every step: the wait budget already spent, in ms */
  waited: number
}

export type StateName = keyof StateFiles

/**
 * The folder of this invocation: `$RUNNER_TEMP/log-bugs`. The steps of a job run one after
 * another and RUNNER_TEMP is the job's own (emptied at its start and end), so a fixed name is
 * safe, and no step needs it passed through `env:`.
 */
export function stateDir(env: Record<string, string | undefined>): string {
  return join(env.RUNNER_TEMP || tmpdir(), 'log-bugs')
}

/** Empties the state folder for a new invocation (gather-context, the first step). */
export function createStateDir(dir: string): string {
  rmSync(dir, { recursive: true, force: true })
  mkdirSync(dir, { recursive: true })
  return dir
}

export function writeState<K extends StateName>(dir: string, name: K, value: StateFiles[K]): void {
  writeFileSync(join(dir, `${name}.json`), JSON.stringify(value, null, 1))
}

export function readState<K extends StateName>(dir: string, name: K): StateFiles[K] {
  const file = join(dir, `${name}.json`)
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch {
    throw new ConfigError(
      `${file} is missing: the step that writes ${name} did not run (run the steps through actions/log-bugs)`
    )
  }
  try {
    return JSON.parse(text) as StateFiles[K]
  } catch {
    throw new ConfigError(`${file} is not valid JSON`)
  }
}

/** A state file that may not exist yet, or its fallback. */
export function readStateOr<K extends StateName>(
  dir: string,
  name: K,
  fallback: StateFiles[K]
): StateFiles[K] {
  try {
    return JSON.parse(readFileSync(join(dir, `${name}.json`), 'utf8')) as StateFiles[K]
  } catch {
    return fallback
  }
}
