import { cleanUntrusted } from './build-issue.js'
import type { ActionInputs } from '../step/read-inputs.js'
import type { RunKey } from '../github/record-occurrence.js'
import type { IssueMetadata, RunContext } from '../step/types.js'

/** What create-issue knows before it writes: the run, the inputs, who writes, which labels. */
export interface IssuePlan {
  context: RunContext
  inputs: ActionInputs
  botLogin: string
  labels: string[]
  now: string
  run: RunKey
}

/** What ties an issue to "its" workflow: the file path, which is stable, else the name. */
export const workflowKey = (context: RunContext): string =>
  context.workflow.path || context.workflow.name

/** The metadata block of an issue this run files. */
export function newMetadata(plan: IssuePlan, fingerprint: string): IssueMetadata {
  return {
    version: 1,
    fingerprint,
    workflow: workflowKey(plan.context),
    featureId: plan.context.feature.id,
    branch: cleanUntrusted(plan.context.branch),
    pr: plan.context.pr?.number ?? null,
    runs: [plan.run],
    attemptCount: 1,
    firstSeen: plan.now,
    lastSeen: plan.now
  }
}
