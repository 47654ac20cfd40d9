import { isMap, isScalar, isSeq, LineCounter, parseDocument } from 'yaml'

export interface FoundExpression {
  /** The text between `${{` and `}}`, trimmed; for a bare `if:`, the whole value. */
  expression: string
  /** Where it sits in the document, e.g. ['runs', 'steps', 0, 'env', 'LOG_BUGS_INPUTS']. */
  path: (string | number)[]
  /** The 1-based line of the `${{` (of the value, for a bare `if:`). */
  line: number
  /** An `if:` written without `${{ }}`, which the runner evaluates as an expression anyway. */
  bare: boolean
  /** Set when the `${{` has no closing `}}`. */
  unterminated?: true
}

// Conditions the runner reads as expressions even without ${{ }}: a job's or step's if:, and
// an action's runs.pre-if / runs.post-if.
const CONDITION_KEYS = new Set(['if', 'pre-if', 'post-if'])

/**
 * Every expression in a workflow or action.yml: each `${{ }}` in any string value (see
 * expressionSpans), and each bare condition. Keys are not searched: GitHub does not evaluate them.
 */
export function findExpressions(source: string): FoundExpression[] {
  const lineCounter = new LineCounter()
  const doc = parseDocument(source, { lineCounter })
  const lines = source.split('\n')
  const found: FoundExpression[] = []
  const walk = (node: unknown, path: (string | number)[]): void => {
    if (isMap(node)) {
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : ''
        walk(pair.value, [...path, key])
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, index) => walk(item, [...path, index]))
    } else if (isScalar(node) && typeof node.value === 'string') {
      const range = node.range ?? [0, 0, 0]
      const first = lineCounter.linePos(range[0]).line
      const last = lineCounter.linePos(range[1]).line
      const key = path.at(-1)
      const value = node.value
      if (typeof key === 'string' && CONDITION_KEYS.has(key) && !value.includes('${{')) {
        found.push({ expression: value.trim(), path, line: first, bare: true })
        return
      }
      // Block scalars lose their indentation, so lines are found by searching the source.
      let cursor = first
      for (const piece of expressionSpans(value)) {
        const needle = `\${{${piece.raw}`.split('\n')[0] ?? ''
        for (let line = cursor; line <= last; line++) {
          if (lines[line - 1]?.includes(needle)) {
            cursor = line
            break
          }
        }
        found.push({
          expression: piece.raw.trim(),
          path,
          line: cursor,
          bare: false,
          ...(piece.unterminated ? { unterminated: true as const } : {})
        })
      }
    }
  }
  walk(doc.contents, [])
  return found
}

export interface ExpressionSpan {
  /** The text between `${{` and `}}`, untrimmed. */
  raw: string
  /** The index of `${{` in the value. */
  start: number
  /** The index just after `}}` (the value's length when unterminated). */
  end: number
  unterminated: boolean
}

/**
 * Each `${{ … }}` in one string value, in order. An expression ends at the first `}}` outside
 * a '…' string literal, so `${{ format('{0}}}', x) }}` is one expression.
 */
export function expressionSpans(value: string): ExpressionSpan[] {
  const spans: ExpressionSpan[] = []
  let start = value.indexOf('${{')
  while (start !== -1) {
    let close = -1
    let quoted = false
    for (let i = start + 3; i < value.length; i++) {
      const char = value[i]
      // '' inside a literal is an escaped quote: leaving and re-entering the literal is the same.
      if (char === "'") quoted = !quoted
      else if (!quoted && char === '}' && value[i + 1] === '}') {
        close = i
        break
      }
    }
    if (close === -1) {
      spans.push({ raw: value.slice(start + 3), start, end: value.length, unterminated: true })
      break
    }
    spans.push({ raw: value.slice(start + 3, close), start, end: close + 2, unterminated: false })
    start = value.indexOf('${{', close + 2)
  }
  return spans
}
