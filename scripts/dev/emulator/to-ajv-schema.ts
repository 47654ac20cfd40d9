import type { JsonSchema } from './openapi-subset.js'

/** 'open' checks responses as the spec says; 'closed' refuses unlisted keys (request bodies). */
export type SchemaFlavour = 'open' | 'closed'

/** Annotations ajv carries through to its errors (with `verbose`), read back by checkSchema. */
export const OF_KEYWORD = 'x-of'
export const UNRESOLVABLE_REF = 'x-unresolvable-ref'

// The formats ajv-formats defines; any other is left unchecked rather than refused at compile.
const KNOWN_FORMATS = new Set([
  'date',
  'time',
  'date-time',
  'duration',
  'uri',
  'uri-reference',
  'uri-template',
  'url',
  'email',
  'hostname',
  'ipv4',
  'ipv6',
  'regex',
  'uuid',
  'json-pointer',
  'relative-json-pointer',
  'byte',
  'int32',
  'int64',
  'float',
  'double',
  'password',
  'binary'
])

const COPIED = [
  'required',
  'maxLength',
  'minLength',
  'maximum',
  'minimum',
  'maxItems',
  'minItems'
] as const

/**
 * Converts a schema of the OpenAPI 3.0 subset into JSON Schema draft-07 for ajv:
 * - `nullable: true` with a type becomes a type list with 'null' (null joins an enum too); on a
 *   $ref, or on a schema typed only through its oneOf/anyOf/allOf, it becomes
 *   `anyOf: [{type: 'null'}, schema]`, null passing before the rest is looked at.
 * - oneOf becomes anyOf: GitHub's oneOfs overlap (a private user is also a public user; several
 *   nullable branches all accept null), so draft-07's exactly-one rule would refuse the responses
 *   GitHub really sends. `x-of` remembers which keyword the spec wrote, for messages.
 * - A single-branch oneOf/anyOf is only a wrapper and becomes allOf, keeping its branch's errors.
 * - An untyped schema with `properties` is an object schema, as the spec means (null and strings
 *   are not users); the 'closed' flavour also shuts objects that list properties.
 * - `#/definitions/x` points into the flavour's copy of the table, registered as `<flavour>`; a
 *   name the table lacks fails at validation, as a violation, rather than at compile time.
 * - Patterns JavaScript cannot compile with the `u` flag, and formats ajv-formats does not
 *   define, are dropped rather than misapplied (neither occurs in the subset today).
 * `description`, `example` and `default` are not copied: they do not validate.
 */
export function toAjvSchema(
  schema: JsonSchema,
  flavour: SchemaFlavour,
  definitions: Record<string, JsonSchema>
): Record<string, unknown> {
  const convert = (s: JsonSchema): Record<string, unknown> => toAjvSchema(s, flavour, definitions)
  const nullable = schema.nullable === true
  if (schema.$ref !== undefined) {
    const name = schema.$ref.replace(/^#\/definitions\//, '')
    const target =
      name in definitions
        ? { $ref: `${flavour}#/definitions/${name}` }
        : { [UNRESOLVABLE_REF]: schema.$ref, not: {} }
    return nullable ? { anyOf: [{ type: 'null' }, target] } : target
  }

  const out: Record<string, unknown> = {}
  const types =
    schema.type === undefined ? [] : Array.isArray(schema.type) ? [...schema.type] : [schema.type]
  const composite = schema.oneOf ?? schema.anyOf ?? schema.allOf
  if (types.length === 0 && schema.properties && !composite) types.push('object')
  const typedNullable = nullable && types.length > 0 && !composite && !('const' in schema)
  if (typedNullable && !types.includes('null')) types.push('null')
  if (types.length > 0) out.type = types.length === 1 ? types[0] : types
  if (schema.enum) out.enum = typedNullable ? [...schema.enum, null] : schema.enum
  if ('const' in schema) out.const = schema.const
  for (const keyword of COPIED) if (schema[keyword] !== undefined) out[keyword] = schema[keyword]
  if (schema.format !== undefined && KNOWN_FORMATS.has(schema.format)) out.format = schema.format
  if (schema.pattern !== undefined && compiles(schema.pattern)) out.pattern = schema.pattern
  if (schema.properties) {
    out.properties = Object.fromEntries(
      Object.entries(schema.properties).map(([name, s]) => [name, convert(s)])
    )
  }
  if (schema.items) out.items = convert(schema.items)
  if (typeof schema.additionalProperties === 'object') {
    out.additionalProperties = convert(schema.additionalProperties)
  } else if (
    schema.additionalProperties === false ||
    (flavour === 'closed' && schema.additionalProperties === undefined && schema.properties)
  ) {
    out.additionalProperties = false
  }

  const allOf = (schema.allOf ?? []).map(convert)
  for (const keyword of ['oneOf', 'anyOf'] as const) {
    const branches = schema[keyword]
    if (!branches) continue
    if (branches.length === 1 && branches[0]) allOf.push(convert(branches[0]))
    else if (out.anyOf === undefined) {
      out.anyOf = branches.map(convert)
      out[OF_KEYWORD] = keyword
    } else allOf.push({ anyOf: branches.map(convert), [OF_KEYWORD]: keyword })
  }
  if (allOf.length > 0) out.allOf = allOf

  return nullable && !typedNullable ? { anyOf: [{ type: 'null' }, out] } : out
}

function compiles(pattern: string): boolean {
  try {
    new RegExp(pattern, 'u')
    return true
  } catch {
    return false
  }
}
