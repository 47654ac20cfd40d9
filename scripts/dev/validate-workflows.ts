import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { checkActionWithSchema, checkWorkflowWithSchema } from './check-with-action-validator.js'
import { checkActionWithParser, checkWorkflowWithParser } from './check-with-workflow-parser.js'
import { ACTION_CONTEXTS, checkExpressions, WORKFLOW_CONTEXTS } from './evaluate-expressions.js'
import type { Finding } from './workflow-finding.js'
import { listActionFiles, listWorkflowFiles } from './list-workflow-files.js'

/**
 * Runs GitHub's own validators over the repository's workflows, workflow templates and action
 * metadata (actions/<name>/action.yml and a root action.yml): @actions/workflow-parser,
 * SchemaStore's schemas through action-validator, and @actions/expressions on every
 * expression. Findings carry the file and line; none means GitHub would accept the files.
 */
export async function validateWorkflows(root: string): Promise<Finding[]> {
  const findings: Finding[] = []
  for (const file of listWorkflowFiles(root)) {
    const source = readFileSync(join(root, file), 'utf8')
    findings.push(
      ...(await checkWorkflowWithParser(file, source, root)),
      ...checkWorkflowWithSchema(file, source),
      ...checkExpressions(file, source, WORKFLOW_CONTEXTS)
    )
  }
  for (const file of listActionFiles(root, { root: true })) {
    const source = readFileSync(join(root, file), 'utf8')
    findings.push(
      ...checkActionWithParser(file, source),
      ...checkActionWithSchema(file, source),
      ...checkExpressions(file, source, ACTION_CONTEXTS)
    )
  }
  return findings
}
