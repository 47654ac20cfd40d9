import {
  validateAction,
  validateWorkflow,
  type ValidationError,
  type ValidationState
} from '@action-validator/core'
import { isMap, isSeq, LineCounter, parseDocument } from 'yaml'
import type { Finding } from './workflow-finding.js'

/**
 * Validates action metadata against SchemaStore's github-action schema (the one editors use),
 * through action-validator's WebAssembly build. A second opinion beside the workflow parser:
 * it is written from GitHub's documentation, not from the runner's code.
 */
export function checkActionWithSchema(file: string, source: string): Finding[] {
  return findingsOf(file, source, 'action-schema', validateAction(source))
}

/** The same for a workflow, against SchemaStore's github-workflow schema. */
export function checkWorkflowWithSchema(file: string, source: string): Finding[] {
  return findingsOf(file, source, 'workflow-schema', validateWorkflow(source))
}

function findingsOf(file: string, source: string, rule: string, state: ValidationState): Finding[] {
  if (state.errors.length === 0) return []
  const lineOf = pointerLines(source)
  return state.errors.map(error => ({
    file,
    line: 'location' in error && error.location ? error.location.line : lineOf(pathOf(error)),
    rule,
    message: describe(error)
  }))
}

function pathOf(error: ValidationError): string {
  return 'path' in error ? error.path : ''
}

/**
 * "/runs: OneOf conditions are not met"; for a oneOf, the branch with the fewest errors is
 * the likely intent, so its errors are named ("closest: /runs/steps: This property is required").
 */
function describe(error: ValidationError): string {
  const where = pathOf(error) || '(root)'
  const what = error.detail ?? error.title
  const states = 'states' in error ? (error.states ?? []) : []
  const closest = states.reduce<ValidationError[] | undefined>(
    (best, state) =>
      best === undefined || state.errors.length < best.length ? state.errors : best,
    undefined
  )
  if (!closest || closest.length === 0) return `${where}: ${what}`
  return `${where}: ${what} (closest: ${closest.map(describe).join('; ')})`
}

/**
 * Maps a JSON pointer ("/inputs/a/default") to the line of the deepest node it reaches, so a
 * missing property points at the mapping that should hold it.
 */
function pointerLines(source: string): (pointer: string) => number {
  const lineCounter = new LineCounter()
  const doc = parseDocument(source, { lineCounter })
  const lineOf = (node: unknown): number => {
    const range = (node as { range?: [number, number, number] } | null)?.range
    return range ? lineCounter.linePos(range[0]).line : 1
  }
  return pointer => {
    let node: unknown = doc.contents
    let line = lineOf(node)
    const segments = pointer
      .split('/')
      .slice(1)
      .map(s => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    for (const segment of segments) {
      if (isMap(node)) {
        const pair = node.items.find(
          item => String((item.key as { value?: unknown } | null)?.value) === segment
        )
        if (!pair) break
        line = lineOf(pair.key)
        node = pair.value
      } else if (isSeq(node)) {
        node = node.items[Number(segment)]
        if (node === undefined) break
        line = lineOf(node)
      } else break
    }
    return line
  }
}
