import type { JsonSchema } from './openapi-subset.js'

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
 * A small JSON-schema (OpenAPI 3.0 flavour) checker: type, nullable / type lists with 'null',
 * required, properties, additionalProperties, enum, items, length and range bounds, date-time
 * and uri formats, and oneOf/anyOf taken loosely (any one branch passing is enough, because
 * GitHub's oneOfs overlap). Returns every violation found, [] when the value conforms.
 */
export function checkSchema(
  schema: JsonSchema,
  value: unknown,
  options: CheckSchemaOptions = {}
): SchemaViolation[] {
  const out: SchemaViolation[] = []
  check(schema, value, [], options, out)
  return out
}

export function describeType(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'array'
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number'
  return typeof value
}

function matchesType(type: string, value: unknown): boolean {
  switch (type) {
    case 'null':
      return value === null
    case 'object':
      return typeof value === 'object' && value !== null && !Array.isArray(value)
    case 'array':
      return Array.isArray(value)
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value)
    case 'number':
      return typeof value === 'number' && Number.isFinite(value)
    case 'string':
    case 'boolean':
      return typeof value === type
    default:
      return true
  }
}

// RFC 3339 date-time, which is what the spec's `format: date-time` means.
const dateTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/

function check(
  schema: JsonSchema,
  value: unknown,
  path: (string | number)[],
  options: CheckSchemaOptions,
  out: SchemaViolation[]
): void {
  if (schema.$ref !== undefined) {
    const name = schema.$ref.replace(/^#\/definitions\//, '')
    const target = options.definitions?.[name]
    if (!target) {
      out.push({ path, keyword: '$ref', message: `unresolvable $ref ${schema.$ref}`, value })
      return
    }
    // A sibling `nullable` on the reference itself still allows null.
    if (value === null && schema.nullable === true) return
    check(target, value, path, options, out)
    return
  }

  if (value === null && schema.nullable === true) return
  const types =
    schema.type === undefined ? [] : Array.isArray(schema.type) ? schema.type : [schema.type]
  if (types.length > 0 && !types.some(t => matchesType(t, value))) {
    out.push({
      path,
      keyword: 'type',
      message: `${describeType(value)} is not ${types.join(' or ')}`,
      value,
      expected: types
    })
    return
  }
  if (value === null && types.length === 0 && !schema.oneOf && !schema.anyOf && !schema.allOf) {
    // An untyped schema with properties still describes an object.
    if (schema.properties) {
      out.push({
        path,
        keyword: 'type',
        message: 'null is not object',
        value,
        expected: ['object']
      })
    }
    return
  }

  if (schema.enum && !schema.enum.some(e => e === value)) {
    out.push({
      path,
      keyword: 'enum',
      message: `${JSON.stringify(value)} is not one of ${JSON.stringify(schema.enum)}`,
      value
    })
  }
  if ('const' in schema && schema.const !== value) {
    out.push({
      path,
      keyword: 'const',
      message: `${JSON.stringify(value)} is not ${JSON.stringify(schema.const)}`,
      value
    })
  }

  if (typeof value === 'string') checkString(schema, value, path, out)
  if (typeof value === 'number') {
    if (schema.minimum !== undefined && value < schema.minimum) {
      out.push({
        path,
        keyword: 'minimum',
        message: `${value} is less than ${schema.minimum}`,
        value
      })
    }
    if (schema.maximum !== undefined && value > schema.maximum) {
      out.push({
        path,
        keyword: 'maximum',
        message: `${value} is more than ${schema.maximum}`,
        value
      })
    }
  }
  if (Array.isArray(value)) {
    if (schema.minItems !== undefined && value.length < schema.minItems) {
      out.push({ path, keyword: 'minItems', message: `fewer than ${schema.minItems} items`, value })
    }
    if (schema.maxItems !== undefined && value.length > schema.maxItems) {
      out.push({ path, keyword: 'maxItems', message: `more than ${schema.maxItems} items`, value })
    }
    if (schema.items)
      value.forEach((item, i) =>
        check(schema.items as JsonSchema, item, [...path, i], options, out)
      )
  }
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    checkObject(schema, value as Record<string, unknown>, path, options, out)
  }

  for (const sub of schema.allOf ?? []) check(sub, value, path, options, out)
  for (const keyword of ['oneOf', 'anyOf'] as const) {
    const branches = schema[keyword]
    if (!branches) continue
    // A single branch is just a wrapper; checking it directly keeps its precise messages.
    if (branches.length === 1 && branches[0]) {
      check(branches[0], value, path, options, out)
      continue
    }
    const results = branches.map(branch => {
      const found: SchemaViolation[] = []
      check(branch, value, path, options, found)
      return found
    })
    if (results.some(r => r.length === 0)) continue
    // When every branch just wants another type, say which types: "true is not string or integer".
    const onlyTypes = results.every(
      r => r.length === 1 && r[0]?.keyword === 'type' && r[0].path === path
    )
    if (onlyTypes) {
      const expected = [...new Set(results.flatMap(r => r[0]?.expected ?? []))]
      out.push({
        path,
        keyword: 'type',
        message: `${describeType(value)} is not ${expected.join(' or ')}`,
        value,
        expected
      })
      continue
    }
    // Otherwise report the branch that came closest, so the message points at the likely mistake.
    const closest = results.reduce((a, b) => (b.length < a.length ? b : a))
    out.push({
      path,
      keyword,
      message: `matches none of the ${keyword} branches (closest: ${closest.map(v => v.message).join('; ')})`,
      value
    })
  }
}

function checkString(
  schema: JsonSchema,
  value: string,
  path: (string | number)[],
  out: SchemaViolation[]
): void {
  const length = [...value].length
  if (schema.minLength !== undefined && length < schema.minLength) {
    out.push({
      path,
      keyword: 'minLength',
      message: `shorter than ${schema.minLength} characters`,
      value
    })
  }
  if (schema.maxLength !== undefined && length > schema.maxLength) {
    out.push({
      path,
      keyword: 'maxLength',
      message: `longer than ${schema.maxLength} characters`,
      value
    })
  }
  if (schema.format === 'date-time' && (!dateTime.test(value) || Number.isNaN(Date.parse(value)))) {
    out.push({
      path,
      keyword: 'format',
      message: `${JSON.stringify(value)} is not a date-time`,
      value
    })
  }
  if (schema.format === 'uri' && !URL.canParse(value)) {
    out.push({ path, keyword: 'format', message: `${JSON.stringify(value)} is not a uri`, value })
  }
  if (schema.pattern !== undefined) {
    let pattern: RegExp | undefined
    try {
      pattern = new RegExp(schema.pattern, 'u')
    } catch {
      // Patterns written for other regex dialects are skipped rather than misapplied.
    }
    if (pattern && !pattern.test(value)) {
      out.push({
        path,
        keyword: 'pattern',
        message: `${JSON.stringify(value)} does not match ${schema.pattern}`,
        value
      })
    }
  }
}

function checkObject(
  schema: JsonSchema,
  value: Record<string, unknown>,
  path: (string | number)[],
  options: CheckSchemaOptions,
  out: SchemaViolation[]
): void {
  const properties = schema.properties ?? {}
  for (const name of schema.required ?? []) {
    if (!(name in value)) {
      out.push({
        path,
        keyword: 'required',
        message: `"${name}" is required`,
        value,
        property: name
      })
    }
  }
  for (const [name, propertyValue] of Object.entries(value)) {
    const propertySchema = properties[name]
    if (propertySchema) {
      check(propertySchema, propertyValue, [...path, name], options, out)
      continue
    }
    const additional = schema.additionalProperties
    const closed =
      additional === false ||
      (options.closedObjects === true &&
        additional === undefined &&
        schema.properties !== undefined)
    if (closed) {
      out.push({
        path,
        keyword: 'additionalProperties',
        message: `"${name}" is not a permitted key`,
        value,
        property: name
      })
    } else if (typeof additional === 'object') {
      check(additional, propertyValue, [...path, name], options, out)
    }
  }
}
