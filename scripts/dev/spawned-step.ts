/**
 * One github-script step in a `node` process of its own, as the GitHub runner runs every step of
 * a composite action: request-figures.ts compiles this file to plain JavaScript (with no loader
 * each step's process starts as cheaply as github-script's; see compileSpawnedStep) and spawns it
 * once per step, with the step's env already evaluated, then reads back what the step set:
 *
 *   node spawned-step.js <spec.json> <result.json>
 *
 * spec.json holds the script (`with: script:`), the token, the API URL and the github-script
 * `context`; the result file gets the step's outputs, messages, summary and failure.
 *
 * This file loads as little as github-script does before the script runs: an Octokit and a
 * recording core. It does not import run-action.ts (its expression evaluator and YAML parser
 * would be loaded by every step, which a runner's github-script never pays for, and so would
 * flatter the ratio to empty steps); what both mimic of github-script is in
 * github-script-call.ts, which imports only node: modules.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { pathToFileURL } from 'node:url'
import { Octokit } from '@octokit/rest'
import type { Context } from '../lib/step/types.js'
import { SCRIPT_ARGUMENTS, scriptValues, unhandled } from './github-script-call.js'
import { RecordingCore, type CoreMessage } from './recording-core.js'

export interface SpawnedStepSpec {
  script: string
  token: string
  apiUrl: string
  context: Context
}

export interface SpawnedStepResult {
  outputs: Record<string, string>
  messages: CoreMessage[]
  secrets: string[]
  failed: string | null
  summaryText: string
}

type AsyncScript = (...values: unknown[]) => Promise<unknown>
// github-script builds the script with the AsyncFunction constructor; in a process of its own
// (unlike under vitest, see run-action.ts) `import()` in its body works as on a runner.
const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (
  ...source: string[]
) => AsyncScript

async function main([specFile, resultFile]: string[]): Promise<void> {
  if (!specFile || !resultFile) throw new Error('usage: spawned-step.ts <spec.json> <result.json>')
  const spec = JSON.parse(readFileSync(specFile, 'utf8')) as SpawnedStepSpec
  const core = new RecordingCore()
  const client = new Octokit({
    auth: spec.token,
    baseUrl: spec.apiUrl,
    userAgent: 'actions/github-script',
    log: { debug() {}, info() {}, warn() {}, error() {} }
  })
  try {
    const fn = new AsyncFunction(...SCRIPT_ARGUMENTS, spec.script)
    const result = await fn(...scriptValues(client, spec.context, core))
    core.setOutput('result', result === undefined ? '' : JSON.stringify(result))
  } catch (error) {
    core.setFailed(unhandled(error))
  }
  const result: SpawnedStepResult = {
    outputs: core.outputs,
    messages: core.messages,
    secrets: core.secrets,
    failed: core.failed,
    summaryText: core.summaryText
  }
  writeFileSync(resultFile, JSON.stringify(result))
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href)
  main(process.argv.slice(2)).catch((error: unknown) => {
    process.stderr.write(`spawned-step: ${error instanceof Error ? error.stack : String(error)}\n`)
    process.exitCode = 1
  })
