import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import vm from 'node:vm'
import { data, Evaluator, Lexer, Parser } from '@actions/expressions'
import { Octokit } from '@octokit/rest'
import { parse } from 'yaml'
import type { Context } from '../lib/step/types.js'
import { SCRIPT_ARGUMENTS, scriptValues, unhandled } from './github-script-call.js'
import { RecordingCore } from './recording-core.js'

export const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const ACTION_DIR = join(ROOT, 'actions/log-bugs')

interface ActionStep {
  id: string
  name?: string
  uses?: string
  if?: string
  env?: Record<string, string>
  with?: Record<string, string>
}

interface ActionYaml {
  inputs: Record<string, { description: string; default?: string }>
  outputs: Record<string, { value: string }>
  runs: { using: string; steps: ActionStep[] }
}

export interface StepRun {
  id: string
  outcome: 'success' | 'failure' | 'skipped'
  outputs: Record<string, string>
  core: RecordingCore
}

export interface ActionRun {
  outputs: Record<string, string>
  steps: StepRun[]
  /** every step's messages, in order */
  log: string
  summary: string
  warnings: string[]
  failed: string | null
  /** the job's RUNNER_TEMP, which holds the state folder (log-bugs/) */
  runnerTemp: string
}

export interface RunActionOptions {
  apiUrl: string
  token?: string
  inputs?: Record<string, string>
  context: Context
  /** extra env for the steps (GITHUB_RUN_ATTEMPT, GITHUB_HEAD_REF…) */
  env?: Record<string, string>
  /** absolute path of the folder holding the action.yml to run; default actions/log-bugs */
  actionDir?: string
}

const EXPRESSION = /\$\{\{\s*(.*?)\s*\}\}/g
// vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER warns that it is experimental on every use; that
// one warning says nothing about log-bugs, so it is dropped, and every other warning still shows.
const emitWarning = process.emitWarning.bind(process)
process.emitWarning = ((warning: string | Error, ...rest: unknown[]) => {
  if (String(warning).includes('USE_MAIN_CONTEXT_DEFAULT_LOADER')) return
  return (emitWarning as (...args: unknown[]) => void)(warning, ...rest)
}) as typeof process.emitWarning

/**
 * github-script runs the script as the body of an AsyncFunction. Under vitest a function built
 * with the Function constructor has no dynamic-import callback, so we compile the same body with
 * vm.compileFunction and Node's main-context loader, which is what `import()` uses on a runner.
 */
function compileScript(script: string): (...values: unknown[]) => Promise<unknown> {
  const fn = vm.compileFunction(`return (async () => {\n${script}\n})()`, SCRIPT_ARGUMENTS, {
    importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER
  } as vm.CompileFunctionOptions)
  return fn as (...values: unknown[]) => Promise<unknown>
}

export function readActionYaml(actionDir = ACTION_DIR): ActionYaml {
  return parse(readFileSync(join(actionDir, 'action.yml'), 'utf8')) as ActionYaml
}

/**
 * Evaluates the `${{ }}` expressions in a value with GitHub's own expression evaluator
 * (@actions/expressions), against the contexts a composite step sees. An expression that names
 * a context not given, or that does not parse, throws: action.yml cannot start relying on
 * something this harness would get wrong.
 */
function evaluate(template: string, contexts: Record<string, unknown>): string {
  const value = JSON.parse(JSON.stringify(contexts), data.reviver) as data.Dictionary
  return template.replace(EXPRESSION, (_, expression: string) => {
    const lexed = new Lexer(expression).lex()
    const parsed = new Parser(lexed.tokens, Object.keys(contexts), []).parse()
    return new Evaluator(parsed, value).evaluate().coerceString()
  })
}

/** One github-script step, its `with:` and `env:` evaluated: what a step executor runs. */
export interface ScriptStep {
  id: string
  script: string
  token: string
  /** the job's env and the step's own, as the runner hands them to the step's process */
  env: Record<string, string>
  apiUrl: string
  context: Context
}

/** Runs one step and returns what it reported; in this process, or in one of its own. */
export type StepExecutor = (step: ScriptStep) => Promise<RecordingCore>

/**
 * Runs actions/log-bugs/action.yml's steps in order, the way the runner runs a composite action
 * of github-script steps: input defaults, `${{ }}` in env and with, each script as the body of an
 * async function given `{github, context, core, require, …}`, its return value as the `result`
 * output, `core.setOutput` as step outputs, and later steps skipped once one fails. With
 * `actionDir`, another action.yml (the repository root's) runs, with GITHUB_ACTION_PATH there.
 * `execute` runs each step: here by default (runInProcess), or in a process per step.
 */
export async function runAction(
  options: RunActionOptions,
  execute: StepExecutor = runInProcess
): Promise<ActionRun> {
  const actionDir = options.actionDir ?? ACTION_DIR
  const action = readActionYaml(actionDir)
  const token = options.token ?? 'ghs_test-token'
  const runnerTemp = mkdtempSync(join(tmpdir(), 'log-bugs-runner-'))
  const github = { token, action_path: actionDir }
  const inputs: Record<string, string> = {}
  for (const [name, spec] of Object.entries(action.inputs)) {
    inputs[name] = options.inputs?.[name] ?? evaluate(spec.default ?? '', { github })
  }
  for (const name of Object.keys(options.inputs ?? {})) {
    if (!(name in action.inputs)) throw new Error(`harness: action.yml has no input ${name}`)
  }
  const steps: Record<string, { outputs: Record<string, string>; outcome: string }> = {}
  const runs: StepRun[] = []
  let failed = false

  for (const step of action.runs.steps) {
    // Every step runs under the implicit success(); action.yml uses no other condition.
    if (step.if)
      throw new Error(`harness: step ${step.id} has an if: this harness does not evaluate`)
    if (failed) {
      steps[step.id] = { outputs: {}, outcome: 'skipped' }
      runs.push({ id: step.id, outcome: 'skipped', outputs: {}, core: new RecordingCore() })
      continue
    }
    if (!step.uses?.startsWith('actions/github-script@'))
      throw new Error(`harness: step ${step.id} is not github-script`)
    const contexts = { inputs, steps, github, runner: { temp: runnerTemp } }
    const env: Record<string, string> = {}
    for (const [name, value] of Object.entries(step.env ?? {}))
      env[name] = evaluate(String(value), contexts)
    const script = String(step.with?.script ?? '')
    if (/\$\{\{/.test(script)) throw new Error(`harness: step ${step.id} interpolates into script:`)
    const core = await execute({
      id: step.id,
      script,
      token: evaluate(String(step.with?.['github-token'] ?? '${{ github.token }}'), contexts),
      env: {
        RUNNER_TEMP: runnerTemp,
        GITHUB_ACTION_PATH: actionDir,
        GITHUB_WORKSPACE: ROOT,
        ...runnerEnv(options.context),
        ...options.env,
        ...env
      },
      apiUrl: options.apiUrl,
      context: options.context
    })
    const outcome = core.failed === null ? 'success' : 'failure'
    if (outcome === 'failure') failed = true
    steps[step.id] = { outputs: core.outputs, outcome }
    runs.push({ id: step.id, outcome, outputs: core.outputs, core })
  }

  const outputs: Record<string, string> = {}
  for (const [name, spec] of Object.entries(action.outputs)) {
    outputs[name] = evaluate(spec.value, { steps, inputs, github })
  }
  const log = runs
    .map(r => r.core.all())
    .filter(Boolean)
    .join('\n')
  return {
    runnerTemp,
    outputs,
    steps: runs,
    log,
    summary: runs.map(r => r.core.summaryText).join(''),
    warnings: runs.flatMap(r => r.core.warnings()),
    failed: runs.find(r => r.core.failed !== null)?.core.failed ?? null
  }
}

/** A step in this process: its env set on process.env for the step's duration, as a runner. */
export async function runInProcess(step: ScriptStep): Promise<RecordingCore> {
  const core = new RecordingCore()
  const client = new Octokit({
    auth: step.token,
    baseUrl: step.apiUrl,
    userAgent: 'actions/github-script',
    log: { debug() {}, info() {}, warn() {}, error() {} }
  })
  const saved = { ...process.env }
  Object.assign(process.env, step.env)
  try {
    const result = await compileScript(step.script)(...scriptValues(client, step.context, core))
    core.setOutput('result', result === undefined ? '' : JSON.stringify(result))
  } catch (error) {
    core.setFailed(unhandled(error))
  } finally {
    for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key]
    Object.assign(process.env, saved)
  }
  return core
}

/** What the runner sets for every job of a run of the scenarios' CI workflow. */
export function runnerEnv(context: Context): Record<string, string> {
  const { owner, repo } = context.repo
  return {
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_WORKFLOW_REF: `${owner}/${repo}/.github/workflows/ci.yml@${context.ref}`,
    GITHUB_SERVER_URL: context.serverUrl,
    GITHUB_API_URL: context.apiUrl
  }
}
