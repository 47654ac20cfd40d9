#!/usr/bin/env tsx
// Runs log-bugs steps by hand. By default against the local GitHub emulator with the demo
// scenario (nothing leaves the machine); with --live against GitHub with GITHUB_TOKEN, dry-run
// unless --write. It builds {github, context, core} and calls the same run() the action calls.
//
//   npm run step -- all                                              (emulator, demo run 2001)
//   npm run step -- tail-log --live --repo owner/name --run-id 123   (real GitHub, read only)
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { Octokit } from '@octokit/rest'
import { argv, chalk } from 'zx'
import { startDemoEmulator } from '../dev/demo-world.js'
import { INPUTS_ENV } from '../lib/step/inputs.js'
import { stateDir } from '../lib/step/state.js'
import { STEPS, type StepName } from '../lib/step/steps.js'
import type { Context, Core, StepDeps } from '../lib/step/types.js'

const USAGE = `Usage: npm run step -- <step|all> [options]

Steps: ${STEPS.join(', ')}. A step runs after the steps before it (they write the state it
reads), unless --state-dir points at the state folder of an earlier run.

Options:
  --live                real GitHub (needs GITHUB_TOKEN, --repo and --run-id); default: the
                        local emulator with the demo scenario
  --repo owner/name     repository on GitHub
  --run-id N            workflow run to report (emulator: 2001 or 2002)
  --pr N                pull request number (default: looked up)
  --branch NAME         branch (default: the run's)
  --write               with --live: really write to GitHub (default: dry-run)
  --dry-run             write nothing, on the emulator too
  --state-dir DIR       reuse the state folder of an earlier run and run only the named step
  --log-lines N         excerpt lines (default 50)
  --help                this text`

const silent = { debug() {}, info() {}, warn() {}, error() {} }

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

/** The client and context for real GitHub, from the flags and the environment. */
function liveTarget(): { github: Octokit; context: Context } {
  const repo = String(argv.repo ?? process.env.GITHUB_REPOSITORY ?? '')
  const [owner, name] = repo.split('/')
  if (!owner || !name) throw new Error('--live needs --repo owner/name')
  if (!argv['run-id']) throw new Error('--live needs --run-id')
  const token = process.env.GITHUB_TOKEN ?? process.env.GH_TOKEN
  if (!token) throw new Error('--live needs GITHUB_TOKEN (or GH_TOKEN)')
  const apiUrl = process.env.GITHUB_API_URL ?? 'https://api.github.com'
  return {
    github: new Octokit({ auth: token, baseUrl: apiUrl, log: silent }),
    context: {
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
}

async function main(): Promise<void> {
  if (argv.help || argv.h) {
    console.log(USAGE)
    return
  }
  const stepArg = String(argv._[0] ?? '')
  if (stepArg !== 'all' && !STEPS.includes(stepArg as StepName))
    throw new Error(`unknown step "${stepArg}"\n\n${USAGE}`)
  const last: StepName = stepArg === 'all' ? 'comment-on-pr' : (stepArg as StepName)
  const live = Boolean(argv.live)

  let stop: (() => Promise<void>) | undefined
  let github: Octokit
  let context: Context
  if (live) {
    ;({ github, context } = liveTarget())
  } else {
    const runId = Number(argv['run-id'] ?? 2001)
    const demo = await startDemoEmulator(runId)
    stop = () => demo.emulator.close()
    github = new Octokit({ auth: 'ghs_test-token', baseUrl: demo.emulator.url, log: silent })
    context = demo.context
    console.error(chalk.gray(`emulator ${demo.emulator.url} (demo scenario, run ${runId})`))
  }
  const inputs: Record<string, string> = {
    'run-id': argv['run-id'] ? String(argv['run-id']) : '',
    'pr-number': argv.pr ? String(argv.pr) : '',
    branch: argv.branch ? String(argv.branch) : '',
    'log-lines': argv['log-lines'] ? String(argv['log-lines']) : '',
    'dry-run': argv['dry-run'] || (live && !argv.write) ? 'true' : 'false'
  }
  // the state folder is $RUNNER_TEMP/log-bugs; --state-dir names an earlier one
  const runnerTemp = argv['state-dir']
    ? dirname(String(argv['state-dir']))
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

main().catch(error => {
  console.error(chalk.red(error instanceof Error ? error.message : String(error)))
  process.exitCode = 1
})
