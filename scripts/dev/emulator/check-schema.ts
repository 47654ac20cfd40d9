import type { ErrorObject } from 'ajv'
import { compileBranch, compileSchema } from './compile-schema.js'
import type { JsonSchema } from './openapi-subset.js'
import { OF_KEYWORD, UNRESOLVABLE_REF } from './to-ajv-schema.js'

export type SchemaKeyword =
  | 'type'
  | 'required'
  | 'additionalProperties'
  | 'enum'
  | 'const'
  | 'format'
  | 'pattern'
  | 'minLength'
  | 'maxLength'
  | 'minimum'
  | 'maximum'
  | 'minItems'
  | 'maxItems'
  | 'oneOf'
  | 'anyOf'
  | '$ref'

export interface SchemaViolation {
  /** Where in the value, e.g. ['labels', 0, 'name']. */
  path: (string | number)[]
  keyword: SchemaKeyword
  message: string
  /** The offending value (the object, for `required`). */
  value: unknown
  /** The property name, for `required` and `additionalProperties`. */
  property?: string
  /** The expected type(s), for `type`. */
  expected?: string[]
}

export interface CheckSchemaOptions {
  /** Resolves `{"$ref": "#/definitions/x"}`, as used by openapi-subset.json. */
  definitions?: Record<string, JsonSchema>
  /**
   * Treat every object schema that lists `properties` as closed (additionalProperties: false).
   * Request bodies are checked this way: GitHub ignores or rejects unknown keys depending on the
   * endpoint, and either way a client sending them has a bug.
   */
  closedObjects?: boolean
}

/**
 * Validates a value against a schema of the OpenAPI subset with ajv (JSON Schema draft-07),
 * after converting OpenAPI 3.0's dialect (toAjvSchema: `nullable`, oneOf taken as anyOf because
 * GitHub's oneOfs overlap, formats from ajv-formats: date-time, uri, email, int64). Each schema
 * is compiled once (compileSchema). Returns every violation found, [] when the value conforms,
 * each with a path and a short reason that validate-request turns into GitHub's wording: a value
 * of the wrong type is reported once, and a failed oneOf/anyOf names the expected types or the
 * branch that came closest.
 */
export function checkSchema(
  schema: JsonSchema,
  value: unknown,
  options: CheckSchemaOptions = {}
): SchemaViolation[] {
  const definitions = options.definitions ?? noDefinitions
  const validate = compileSchema(schema, options.closedObjects ? 'closed' : 'open', definitions)
  if (validate(value)) return []
  return violationsOf(validate.errors ?? [], value, [], definitions)
}

export function describeType(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'array'
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number'
  return typeof value
}

const noDefinitions: Record<string, JsonSchema> = {}

/** An ajv error, or the summary of a failed anyOf that stands for `raw` of ajv's errors. */
type Item =
  | { error: ErrorObject; raw: 1 }
  | { instancePath: string; violations: SchemaViolation[]; raw: number }

/**
 * ajv's errors (in the order it found them) as violations; `base` prefixes the paths. A failed
 * anyOf arrives as its branches' errors followed by the anyOf error itself; each branch is
 * validated again on its own to know which errors are whose, and they make way for one summary.
 */
function violationsOf(
  errors: ErrorObject[],
  root: unknown,
  base: (string | number)[],
  definitions: Record<string, JsonSchema>
): SchemaViolation[] {
  const items: Item[] = []
  for (const error of errors) {
    if (error.keyword !== 'anyOf') {
      items.push({ error, raw: 1 })
      continue
    }
    const [relative, value] = locate(error.instancePath, root)
    const branches = error.schema as unknown[]
    const results = branches.map(branch => {
      const validate = compileBranch(branch, definitions)
      return validate(value) ? [] : (validate.errors ?? [])
    })
    let owed = results.reduce((total, r) => total + r.length, 0)
    const raw = owed + 1
    while (owed > 0) {
      const item = items.pop()
      if (!item || item.raw > owed) throw new Error('check-schema: anyOf errors out of step')
      owed -= item.raw
    }
    const path = [...base, ...relative]
    const keyword = (error.parentSchema as Record<string, unknown> | undefined)?.[OF_KEYWORD]
    items.push({
      instancePath: error.instancePath,
      violations: summarise(
        branches,
        results.map(r => violationsOf(r, value, path, definitions)),
        keyword === 'oneOf' ? 'oneOf' : 'anyOf',
        value,
        path
      ),
      raw
    })
  }
  // A value of the wrong type is reported once: its enum, bounds and so on are noise next to
  // "string is not integer".
  const typeErrors = new Set(
    items.flatMap(item =>
      'error' in item && item.error.keyword === 'type' ? [item.error.instancePath] : []
    )
  )
  const out: SchemaViolation[] = []
  for (const item of items) {
    if (!('error' in item)) {
      if (!typeErrors.has(item.instancePath)) out.push(...item.violations)
      continue
    }
    const { error } = item
    if (error.keyword !== 'type' && typeErrors.has(error.instancePath)) continue
    const [relative, value] = locate(error.instancePath, root)
    out.push(violationOf(error, [...base, ...relative], value))
  }
  return out
}

function summarise(
  branches: unknown[],
  results: SchemaViolation[][],
  keyword: 'oneOf' | 'anyOf',
  value: unknown,
  path: (string | number)[]
): SchemaViolation[] {
  // `nullable` arrives as a {type: 'null'} branch (toAjvSchema); for a value that is not null,
  // the schema's own errors are the precise ones.
  const relevant = results.filter((_, i) => !isNullBranch(branches[i]))
  const [only] = relevant
  if (relevant.length === 1 && only) return only
  // When every branch just wants another type, say which types: "true is not string or integer".
  const onlyTypes = relevant.every(
    r => r.length === 1 && r[0]?.keyword === 'type' && r[0].path.length === path.length
  )
  if (onlyTypes) {
    const expected = [...new Set(relevant.flatMap(r => r[0]?.expected ?? []))]
    return [
      {
        path,
        keyword: 'type',
        message: `${describeType(value)} is not ${expected.join(' or ')}`,
        value,
        expected
      }
    ]
  }
  // Otherwise report the branch that came closest, so the message points at the likely mistake.
  const closest = relevant.reduce((a, b) => (b.length < a.length ? b : a))
  return [
    {
      path,
      keyword,
      message: `matches none of the ${keyword} branches (closest: ${closest.map(v => v.message).join('; ')})`,
      value
    }
  ]
}

function isNullBranch(branch: unknown): boolean {
  return JSON.stringify(branch) === '{"type":"null"}'
}

function violationOf(
  error: ErrorObject,
  path: (string | number)[],
  value: unknown
): SchemaViolation {
  const params = error.params as Record<string, unknown>
  const limit = params.limit as number
  const shown = JSON.stringify(value)
  switch (error.keyword) {
    case 'type': {
      const expected = String(params.type).split(',')
      return {
        path,
        keyword: 'type',
        message: `${describeType(value)} is not ${expected.join(' or ')}`,
        value,
        expected
      }
    }
    case 'required': {
      const property = String(params.missingProperty)
      return { path, keyword: 'required', message: `"${property}" is required`, value, property }
    }
    case 'additionalProperties': {
      const property = String(params.additionalProperty)
      return {
        path,
        keyword: 'additionalProperties',
        message: `"${property}" is not a permitted key`,
        value,
        property
      }
    }
    case 'enum':
      return {
        path,
        keyword: 'enum',
        message: `${shown} is not one of ${JSON.stringify(params.allowedValues)}`,
        value
      }
    case 'const':
      return {
        path,
        keyword: 'const',
        message: `${shown} is not ${JSON.stringify(params.allowedValue)}`,
        value
      }
    case 'format':
      return {
        path,
        keyword: 'format',
        message: `${shown} is not a valid ${String(params.format)}`,
        value
      }
    case 'pattern':
      return {
        path,
        keyword: 'pattern',
        message: `${shown} does not match ${String(params.pattern)}`,
        value
      }
    case 'minLength':
      return { path, keyword: 'minLength', message: `shorter than ${limit} characters`, value }
    case 'maxLength':
      return { path, keyword: 'maxLength', message: `longer than ${limit} characters`, value }
    case 'minimum':
      return { path, keyword: 'minimum', message: `${shown} is less than ${limit}`, value }
    case 'maximum':
      return { path, keyword: 'maximum', message: `${shown} is more than ${limit}`, value }
    case 'minItems':
      return { path, keyword: 'minItems', message: `fewer than ${limit} items`, value }
    case 'maxItems':
      return { path, keyword: 'maxItems', message: `more than ${limit} items`, value }
    case 'not': {
      const ref = (error.parentSchema as Record<string, unknown> | undefined)?.[UNRESOLVABLE_REF]
      if (typeof ref === 'string') {
        return { path, keyword: '$ref', message: `unresolvable $ref ${ref}`, value }
      }
    }
  }
  // Only the keywords toAjvSchema emits reach here; a new one needs its message above.
  throw new Error(`check-schema: no message for ajv keyword ${error.keyword}`)
}

/**
 * A JSON pointer as path segments, array indices as numbers, and the value it points at (read
 * from the value itself, so a key that looks like a number stays a string).
 */
function locate(pointer: string, root: unknown): [(string | number)[], unknown] {
  const path: (string | number)[] = []
  let node: unknown = root
  if (pointer === '') return [path, node]
  for (const raw of pointer.slice(1).split('/')) {
    const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~')
    if (Array.isArray(node)) {
      const index = Number(segment)
      path.push(index)
      node = node[index]
    } else {
      path.push(segment)
      node = (node as Record<string, unknown> | null)?.[segment]
    }
  }
  return [path, node]
}
