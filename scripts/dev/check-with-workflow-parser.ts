import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import {
  convertWorkflowTemplate,
  NoOperationTraceWriter,
  parseWorkflow
} from '@actions/workflow-parser'
import { convertActionTemplate, parseAction } from '@actions/workflow-parser/actions/index'
import { isReusableWorkflowJob } from '@actions/workflow-parser/model/type-guards'
import type { TemplateContext } from '@actions/workflow-parser/templates/template-context'
import type { FileProvider } from '@actions/workflow-parser/workflows/file-provider'
import type { Finding } from './workflow-finding.js'

const RULE = 'workflow-parser'

/**
 * Parses a workflow with @actions/workflow-parser, the parser behind the Actions editor's
 * validation, then converts it as the service does: the parse checks the schema (keys, types,
 * expression syntax, the contexts each key may name), the conversion the rules between jobs
 * (unknown needs, cycles, a job with no dependencies). When every reusable workflow the file
 * calls is local (`./.github/workflows/…`), they are read from `root` and the calls checked
 * too: inputs and secrets declared, required ones given, types. Remote ones would need the
 * network, so a file calling one is checked at depth 0 only.
 */
export async function checkWorkflowWithParser(
  file: string,
  source: string,
  root: string
): Promise<Finding[]> {
  const parsed = parseWorkflow({ name: file, content: source }, new NoOperationTraceWriter())
  // Conversion skips a template that failed to parse, so its errors are the parse's.
  if (!parsed.value || parsed.context.errors.count > 0) return findingsOf(file, parsed.context)
  const template = await convertWorkflowTemplate(parsed.context, parsed.value)
  const calls = (template.jobs ?? []).filter(isReusableWorkflowJob).map(job => job.ref.value)
  if (parsed.context.errors.count > 0 || calls.length === 0 || !calls.every(isLocal)) {
    return findingsOf(file, parsed.context)
  }
  const again = parseWorkflow({ name: file, content: source }, new NoOperationTraceWriter())
  if (again.value) {
    await convertWorkflowTemplate(again.context, again.value, localFiles(root), {
      fetchReusableWorkflowDepth: 1
    })
  }
  return findingsOf(file, again.context)
}

/** The same parser's action.yml schema (runs, inputs, outputs, composite steps, expressions). */
export function checkActionWithParser(file: string, source: string): Finding[] {
  const parsed = parseAction({ name: file, content: source }, new NoOperationTraceWriter())
  if (parsed.value && parsed.context.errors.count === 0) {
    convertActionTemplate(parsed.context, parsed.value)
  }
  return findingsOf(file, parsed.context)
}

function isLocal(ref: string): boolean {
  return ref.startsWith('./')
}

function localFiles(root: string): FileProvider {
  return {
    async getFileContent(ref) {
      if ('repository' in ref)
        throw new Error(`not fetched offline: ${ref.owner}/${ref.repository}`)
      const name = ref.path.replace(/^\.\//, '')
      return { name, content: await readFile(join(root, name), 'utf8') }
    }
  }
}

function findingsOf(file: string, context: TemplateContext): Finding[] {
  return context.errors.getErrors().map(error => ({
    // A called workflow's own errors name that file (its prefix comes from the file table).
    file: error.prefix?.replace(/ \(Line: \d+, Col: \d+\)$/, '') || file,
    // rawMessage is the message without the "file (Line: n, Col: m): " prefix the range gives.
    line: error.range?.start.line ?? 1,
    rule: RULE,
    message: error.rawMessage.trim()
  }))
}
