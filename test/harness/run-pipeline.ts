import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Octokit } from '@octokit/rest'
import * as commentOnPr from '../../scripts/comment-on-pr.js'
import * as createIssue from '../../scripts/create-issue.js'
import * as findDuplicate from '../../scripts/find-duplicate.js'
import * as gatherContext from '../../scripts/gather-context.js'
import { INPUTS_ENV } from '../../scripts/lib/step/inputs.js'
import {
  readState,
  stateDir,
  type StateFiles,
  type StateName
} from '../../scripts/lib/step/state.js'
import type { StepName } from '../../scripts/lib/step/steps.js'
import type { Context, StepDeps } from '../../scripts/lib/step/types.js'
import * as tailLog from '../../scripts/tail-log.js'
import type { Emulator } from '../../scripts/dev/emulator/index.js'
import { readActionYaml, runnerEnv } from '../../scripts/dev/run-action.js'
import { RecordingCore } from '../../scripts/dev/recording-core.js'

/** The step modules in action.yml's order; a test checks the order matches the YAML. */
export const PIPELINE = [
  ['gather-context', gatherContext],
  ['tail-log', tailLog],
  ['find-duplicate', findDuplicate],
  ['create-issue', createIssue],
  ['comment-on-pr', commentOnPr]
] as const

export interface PipelineRun {
  core: RecordingCore
  failed: string | null
  /** every wait a retry asked for, in ms; no test really sleeps */
  waits: number[]
  outputs: Record<string, string>
  summary: string
  /** the RUNNER_TEMP the steps shared: pass it on to run later steps on the same state */
  runnerTemp: string
  /** a state file the steps wrote */
  state<K extends StateName>(name: K): StateFiles[K]
}

export interface PipelineOptions {
  emulator: Emulator
  context: Context
  token?: string
  /** the action's inputs by their action.yml names, as `toJSON(inputs)` hands them over */
  inputs?: Record<string, string>
  /** more environment for the steps (GITHUB_RUN_ATTEMPT, GITHUB_WORKSPACE…) */
  env?: Record<string, string>
  /** run only the steps from `from` to `until` (default: all five) */
  from?: StepName
  until?: StepName
  /** the RUNNER_TEMP of an earlier partial run, whose state folder the steps continue */
  runnerTemp?: string
}

/**
 * Runs the five steps in process, the way action.yml chains them, but with explicit inputs and
 * env instead of process.env (so many pipelines can run at once) and with a sleep that advances
 * the emulator's clock instead of waiting. Every step gets its own client, as on a runner.
 */
export async function runPipeline(options: PipelineOptions): Promise<PipelineRun> {
  const core = new RecordingCore()
  const waits: number[] = []
  const sleep = async (ms: number) => {
    waits.push(ms)
    options.emulator.clock.advance(ms)
  }
  const env: Record<string, string | undefined> = {
    RUNNER_TEMP: options.runnerTemp ?? mkdtempSync(join(tmpdir(), 'log-bugs-pipeline-')),
    GITHUB_RUN_ATTEMPT: '1',
    ...runnerEnv(options.context),
    [INPUTS_ENV]: JSON.stringify(options.inputs ?? {}),
    ...options.env
  }
  const names = PIPELINE.map(([name]) => name as StepName)
  const first = names.indexOf(options.from ?? 'gather-context')
  const last = names.indexOf(options.until ?? 'comment-on-pr')
  for (const [, step] of PIPELINE.slice(first, last + 1)) {
    const github = new Octokit({
      auth: options.token ?? 'ghs_test-token',
      baseUrl: options.emulator.url,
      log: { debug() {}, info() {}, warn() {}, error() {} }
    })
    const deps: StepDeps = { github, context: options.context, core, sleep }
    await step.run(deps, env)
    if (core.failed !== null) break
  }
  const runnerTemp = env.RUNNER_TEMP as string
  return {
    core,
    failed: core.failed,
    waits,
    outputs: core.outputs,
    summary: core.summaryText,
    runnerTemp,
    state: name => readState(stateDir(env), name)
  }
}

/** The step ids of action.yml, for the test that keeps PIPELINE in step with it. */
export const actionStepIds = (): string[] => readActionYaml().runs.steps.map(step => step.id)
