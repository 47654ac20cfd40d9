#!/usr/bin/env tsx
// Runs log-bugs steps by hand: against real GitHub with GITHUB_TOKEN, or against the local
// emulator with --emulator. It builds {github, context, core} and calls the same run() the
// action calls, so what you see here is what the runner does.
//
//   npm run step -- tail-log --repo owner/name --run-id 123            (real GitHub, read-only steps)
//   npm run step -- create-issue --repo owner/name --run-id 123 --dry-run
//   npm run step -- all --emulator                                     (demo scenario, nothing leaves the machine)
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Octokit } from '@octokit/rest'
import { argv, chalk } from 'zx'
import { INPUTS_ENV } from '../lib/step/inputs.js'
import { stateDir } from '../lib/step/state.js'
import type { Context, Core, StepDeps } from '../lib/step/types.js'

const STEPS = [
  'gather-context',
  'tail-log',
  'find-duplicate',
  'create-issue',
  'comment-on-pr'
] as const
type StepName = (typeof STEPS)[number]

function usage(): string {
  return `Usage: npm run step -- <step|all> [options]

Steps: ${STEPS.join(', ')}. A step runs after the steps before it (they write the state it
reads), unless --state-dir points at the folder of an earlier run.

Options:
  --repo owner/name     repository (real GitHub; needs GITHUB_TOKEN)
  --run-id N            workflow run to report
  --pr N                pull request number (default: looked up)
  --branch NAME         branch (default: the run's)
  --emulator            use the local emulator with the demo scenario instead of GitHub
  --dry-run             print what would be written instead of writing (default on real GitHub
                        unless --write is given)
  --write               really write to GitHub
  --state-dir DIR       reuse the state of an earlier run and run only the named step
  --log-lines N         excerpt lines (default 50)
  --help                this text`
}

const consoleCore: Core = {
  debug: message => void (process.env.RUNNER_DEBUG && console.error(chalk.gray(message))),
  info: message => console.error(message),
  notice: message => console.error(chalk.cyan(`notice: ${message}`)),
  warning: message => console.error(chalk.yellow(`warning: ${message}`)),
  error: message => console.error(chalk.red(`error: ${message}`)),
  setOutput: (name, value) =>
    console.error(
      chalk.gray(`output ${name}=${typeof value === 'string' ? value : JSON.stringify(value)}`)
    ),
  setFailed: message => {
    console.error(chalk.red(`failed: ${message}`))
    process.exitCode = 1
  },
  setSecret: () => {},
  summary: {
    addRaw(text) {
      console.error(chalk.gray('--- job summary ---\n') + text)
      return this
    },
    async write() {
      return this
    }
  }
}

async function main(): Promise<void> {
  if (argv.help || argv.h) {
    console.log(usage())
    return
  }
  const stepArg = String(argv._[0] ?? '')
  if (stepArg !== 'all' && !STEPS.includes(stepArg as StepName))
    throw new Error(`unknown step "${stepArg}"\n\n${usage()}`)
  const last = stepArg === 'all' ? 'comment-on-pr' : (stepArg as StepName)

  let stop: (() => Promise<void>) | undefined
  let github: Octokit
  let context: Context
  if (argv.emulator) {
    const { startDemoEmulator } = await import('./demo-scenario.js')
    const demo = await startDemoEmulator()
    stop = () => demo.emulator.close()
    github = new Octokit({ auth: 'test-token', baseUrl: demo.emulator.url, log: silent })
    context = demo.context
  } else {
    const repo = String(argv.repo ?? process.env.GITHUB_REPOSITORY ?? '')
    const [owner, name] = repo.split('/')
    if (!owner || !name) throw new Error('--repo owner/name is required (or --emulator)')
    if (!argv['run-id']) throw new Error('--run-id is required')
    const token = process.env.GITHUB_TOKEN ?? process.env.GH_TOKEN
    if (!token) throw new Error('set GITHUB_TOKEN (or use --emulator)')
    const apiUrl = process.env.GITHUB_API_URL ?? 'https://api.github.com'
    github = new Octokit({ auth: token, baseUrl: apiUrl, log: silent })
    context = {
      eventName: 'workflow_dispatch',
      sha: '',
      ref: '',
      workflow: '',
      job: 'log-bugs',
      runId: Number(argv['run-id']),
      runNumber: 0,
      actor: '',
      serverUrl: process.env.GITHUB_SERVER_URL ?? 'https://github.com',
      apiUrl,
      payload: {},
      repo: { owner, repo: name }
    }
  }
  const realGitHub = !argv.emulator
  const inputs: Record<string, string> = {
    'run-id': argv['run-id'] ? String(argv['run-id']) : '',
    'pr-number': argv.pr ? String(argv.pr) : '',
    branch: argv.branch ? String(argv.branch) : '',
    'log-lines': argv['log-lines'] ? String(argv['log-lines']) : '',
    'dry-run': argv['dry-run'] || (realGitHub && !argv.write) ? 'true' : 'false'
  }
  const runnerTemp = argv['state-dir']
    ? join(String(argv['state-dir']), '..')
    : mkdtempSync(join(tmpdir(), 'log-bugs-cli-'))
  const env = { ...process.env, RUNNER_TEMP: runnerTemp, [INPUTS_ENV]: JSON.stringify(inputs) }
  const deps: StepDeps = { github, context, core: consoleCore }
  try {
    const first = argv['state-dir'] ? STEPS.indexOf(last) : 0
    for (const step of STEPS.slice(first, STEPS.indexOf(last) + 1)) {
      console.error(chalk.bold(`\n== ${step}`))
      const module = (await import(`../${step}.ts`)) as {
        run: (deps: StepDeps, env?: Record<string, string | undefined>) => Promise<unknown>
      }
      const result = await module.run(deps, env)
      console.log(JSON.stringify({ step, result }, null, 2))
      if (process.exitCode) break
    }
    console.error(chalk.gray(`\nstate: ${stateDir(env)}`))
  } finally {
    await stop?.()
  }
}

const silent = { debug() {}, info() {}, warn() {}, error() {} }

main().catch(error => {
  console.error(chalk.red(error instanceof Error ? error.message : String(error)))
  process.exitCode = 1
})
