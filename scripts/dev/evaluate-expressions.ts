import { data, Evaluator, Lexer, Parser, type Expr } from '@actions/expressions'
import type { FunctionDefinition, FunctionInfo } from '@actions/expressions/funcs/info'
import { truthy } from '@actions/expressions/result'
import type { Finding } from './workflow-finding.js'
import { errorMessage } from '../lib/step/errors.js'
import { expressionSpans, findExpressions } from './find-expressions.js'

/** The contexts a workflow may name (docs: "Contexts", context availability table). */
export const WORKFLOW_CONTEXTS = [
  'github',
  'env',
  'vars',
  'secrets',
  'inputs',
  'needs',
  'strategy',
  'matrix',
  'steps',
  'job',
  'jobs',
  'runner'
]

/** The contexts inside a composite action's metadata (no secrets, needs or jobs there). */
export const ACTION_CONTEXTS = [
  'github',
  'env',
  'vars',
  'inputs',
  'strategy',
  'matrix',
  'steps',
  'job',
  'runner'
]

export type JobStatus = 'success' | 'failure' | 'cancelled'

// The status functions and hashFiles are the runner's, not the expression library's: it only
// knows the functions every host shares (contains, format, toJSON, fromJSON…).
const RUNNER_FUNCTIONS: FunctionInfo[] = [
  { name: 'success', minArgs: 0, maxArgs: 0 },
  { name: 'failure', minArgs: 0, maxArgs: 0 },
  { name: 'cancelled', minArgs: 0, maxArgs: 0 },
  { name: 'always', minArgs: 0, maxArgs: 0 },
  { name: 'hashFiles', minArgs: 1, maxArgs: 255 }
]

/** Lexes and parses one expression (the text inside `${{ }}`); throws on a syntax error. */
export function parseExpression(expression: string, contexts: readonly string[]): Expr {
  const { tokens } = new Lexer(expression).lex()
  return new Parser(tokens, [...contexts], RUNNER_FUNCTIONS).parse()
}

/**
 * Evaluates one expression with GitHub's evaluator against plain JSON contexts, as the runner
 * does: an unknown property is null, not an error, so the caller checks the value it expects.
 * `status` answers success() and the other status functions (the implicit if: is success()).
 */
export function evaluateExpression(
  expression: string,
  contexts: Record<string, unknown>,
  status: JobStatus = 'success'
): data.ExpressionData {
  const parsed = parseExpression(expression, Object.keys(contexts))
  const value = JSON.parse(JSON.stringify(contexts), data.reviver) as data.Dictionary
  return new Evaluator(parsed, value, statusFunctions(status)).evaluate()
}

/**
 * Evaluates every `${{ }}` in a string value and splices the results in as strings, as the
 * runner does for env:, with: and outputs. A value that is exactly one expression keeps the
 * expression's own type (the runner reads it as one expression token), so a caller can see
 * that `${{ toJSON(inputs) }}` is a string and `${{ github.event }}` an object.
 */
export function evaluateTemplate(
  template: string,
  contexts: Record<string, unknown>
): data.ExpressionData {
  const spans = expressionSpans(template)
  for (const span of spans) {
    if (span.unterminated) throw new Error(`\${{ has no closing }} in ${template}`)
  }
  const [only] = spans
  if (spans.length === 1 && only && only.start === 0 && only.end === template.length) {
    return evaluateExpression(only.raw, contexts)
  }
  let out = ''
  let at = 0
  for (const span of spans) {
    out += template.slice(at, span.start) + evaluateExpression(span.raw, contexts).coerceString()
    at = span.end
  }
  return new data.StringData(out + template.slice(at))
}

/**
 * Evaluates an `if:` as the runner does: with or without `${{ }}`, and under an implicit
 * `success() &&` unless it calls a status function itself (docs: "Expressions", status check
 * functions), so a bare `github.event_name == 'push'` is false once the job has failed.
 */
export function evaluateCondition(
  condition: string,
  contexts: Record<string, unknown>,
  status: JobStatus = 'success'
): boolean {
  const whole = /^\s*\$\{\{([\s\S]*)\}\}\s*$/.exec(condition)
  const expression = whole?.[1] ?? condition
  const callsStatus = /\b(success|failure|cancelled|always)\s*\(/i.test(expression)
  const effective = callsStatus ? expression : `success() && (${expression})`
  return truthy(evaluateExpression(effective, contexts, status))
}

function statusFunctions(status: JobStatus): Map<string, FunctionDefinition> {
  const is =
    (wanted: boolean): (() => data.ExpressionData) =>
    () =>
      new data.BooleanData(wanted)
  const functions: FunctionDefinition[] = [
    { name: 'success', minArgs: 0, maxArgs: 0, call: is(status === 'success') },
    { name: 'failure', minArgs: 0, maxArgs: 0, call: is(status === 'failure') },
    { name: 'cancelled', minArgs: 0, maxArgs: 0, call: is(status === 'cancelled') },
    { name: 'always', minArgs: 0, maxArgs: 0, call: is(true) }
  ]
  // The evaluator looks functions up by their lower-cased name.
  return new Map(functions.map(f => [f.name.toLowerCase(), f]))
}

/**
 * Parses every expression in a workflow or action.yml against the contexts it may name;
 * each syntax error, unknown context or unknown function is a finding on the expression's line.
 */
export function checkExpressions(
  file: string,
  source: string,
  contexts: readonly string[]
): Finding[] {
  const findings: Finding[] = []
  for (const found of findExpressions(source)) {
    const shown = found.bare ? found.expression : `\${{ ${found.expression} }}`
    if (found.unterminated) {
      findings.push({
        file,
        line: found.line,
        rule: 'expression',
        message: `\${{ has no closing }}`
      })
      continue
    }
    try {
      parseExpression(found.expression, contexts)
    } catch (error) {
      findings.push({
        file,
        line: found.line,
        rule: 'expression',
        message: `${shown} at ${found.path.join('.')}: ${errorMessage(error)}`
      })
    }
  }
  return findings
}
