import type { Context } from '../lib/step/types.js'

export interface ContextSpec {
  owner: string
  repo: string
  eventName: string
  payload?: Record<string, unknown>
  sha: string
  ref: string
  runId: number
  runNumber?: number
  workflow?: string
  job?: string
  actor?: string
  apiUrl: string
}

/** github-script's `context`: @actions/github's Context, reduced to what the steps read. */
export function makeContext(spec: ContextSpec): Context {
  return {
    eventName: spec.eventName,
    sha: spec.sha,
    ref: spec.ref,
    workflow: spec.workflow ?? 'CI',
    job: spec.job ?? 'log-bugs',
    runId: spec.runId,
    runNumber: spec.runNumber ?? 1,
    actor: spec.actor ?? 'octocat',
    serverUrl: 'https://github.com',
    apiUrl: spec.apiUrl,
    payload: spec.payload ?? {},
    repo: { owner: spec.owner, repo: spec.repo }
  }
}
