/**
 * Analyses one job log the way the action does and prints one JSON object.
 *
 *   npm run -s excerpt -- path/to/job.log [--job path/to/job.json] [--workflow NAME]
 *                         [--job-name NAME] [--log-lines N] [--baseline green.log]
 *
 * Without --job the failed step is found from the log alone (headers-only).
 */
import { createReadStream } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { parseArgs } from 'node:util'
import { analyzeLog } from '../lib/log/analyze-log.js'
import { readBaseline } from '../lib/log/baseline.js'
import { errorMessage } from '../lib/step/errors.js'
import { fingerprintFailure } from '../lib/log/fingerprint-failure.js'
import type { JobStep } from '../lib/log/types.js'

const USAGE = `usage: npm run -s excerpt -- <job.log> [options]

Prints {failedStep, category, keyLines, excerpt, fingerprint, excerptLines, terminal, exitCode}.

options:
  --job <job.json>     the job from the jobs API (steps with times); without it, headers only
  --workflow <path>    workflow file path for the fingerprint (default: the job JSON's, else "workflow")
  --job-name <name>    job name for the fingerprint (default: the job JSON's name, else "job")
  --log-lines <n>      excerpt line budget (default 50)
  --baseline <log>     the same job's log from a run that passed: lines seen there are context
  --help               this text`

interface JobJson {
  name?: string
  workflow_path?: string
  workflow?: string
  steps?: JobStep[]
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      help: { type: 'boolean' },
      job: { type: 'string' },
      workflow: { type: 'string' },
      'job-name': { type: 'string' },
      'log-lines': { type: 'string' },
      baseline: { type: 'string' }
    }
  })
  if (values.help) {
    console.log(USAGE)
    return
  }
  const logPath = positionals[0]
  if (logPath === undefined || positionals.length > 1)
    throw new Error(`expected one log file\n${USAGE}`)
  const job: JobJson = values.job ? (JSON.parse(await readFile(values.job, 'utf8')) as JobJson) : {}
  const maxLines = values['log-lines'] === undefined ? undefined : Number(values['log-lines'])
  if (maxLines !== undefined && !(Number.isInteger(maxLines) && maxLines > 0)) {
    throw new Error(`--log-lines must be a positive integer, got ${values['log-lines']}`)
  }
  // the same reader the action uses on the green job's log (tail-log.ts)
  const baseline = values.baseline
    ? await readBaseline(createReadStream(values.baseline, { highWaterMark: 1 << 20 }))
    : undefined
  const analysis = await analyzeLog(createReadStream(logPath, { highWaterMark: 1 << 20 }), {
    ...(job.steps ? { steps: job.steps } : {}),
    ...(baseline ? { baseline } : {}),
    ...(maxLines !== undefined ? { maxLines } : {})
  })
  const step = analysis.failedStep?.name ?? null
  const fingerprint = fingerprintFailure({
    workflow: values.workflow ?? job.workflow_path ?? job.workflow ?? 'workflow',
    job: values['job-name'] ?? job.name ?? 'job',
    step,
    category: analysis.category,
    signature: analysis.signature,
    terminal: analysis.terminal,
    exitCode: analysis.exitCode
  })
  const output = {
    failedStep: step,
    category: analysis.category,
    keyLines: analysis.keyLines,
    excerpt: analysis.excerpt,
    fingerprint,
    excerptLines: analysis.excerptLines,
    terminal: analysis.terminal,
    exitCode: analysis.exitCode,
    comparedWith: values.baseline ?? null
  }
  process.stdout.write(`${JSON.stringify(output, null, 2)}\n`)
}

main().catch((error: unknown) => {
  process.stderr.write(`excerpt: ${errorMessage(error).split('\n')[0]}\n`)
  process.exitCode = 1
})
