import { readFileSync } from 'node:fs'

/** The JSON-schema keywords the emulator understands; everything else is dropped on generation. */
export interface JsonSchema {
  type?: string | string[]
  properties?: Record<string, JsonSchema>
  required?: string[]
  items?: JsonSchema
  enum?: unknown[]
  const?: unknown
  nullable?: boolean
  oneOf?: JsonSchema[]
  anyOf?: JsonSchema[]
  allOf?: JsonSchema[]
  additionalProperties?: boolean | JsonSchema
  format?: string
  pattern?: string
  maxLength?: number
  minLength?: number
  maximum?: number
  minimum?: number
  maxItems?: number
  minItems?: number
  default?: unknown
  $ref?: string
}

export interface OpenapiParameter {
  name: string
  in: 'path' | 'query'
  required: boolean
  schema: JsonSchema
}

export interface OpenapiOperation {
  operationId: string
  /** The docs page GitHub names in error bodies' `documentation_url`. */
  documentationUrl: string
  parameters: OpenapiParameter[]
  requestBody: JsonSchema | null
  /** Status code → JSON body schema (null when the spec documents no JSON body, e.g. 204, 302). */
  responses: Record<string, JsonSchema | null>
}

export interface OpenapiSubset {
  source: { package: string; version: string; file: string }
  /** Keyed `METHOD /template`, as in RecordedRequest.route. */
  operations: Record<string, OpenapiOperation>
  /** Subschemas repeated across operations (the full repository object, users, ...), hoisted once. */
  definitions: Record<string, JsonSchema>
}

const keptKeywords = new Set([
  'type',
  'properties',
  'required',
  'items',
  'enum',
  'const',
  'nullable',
  'oneOf',
  'anyOf',
  'allOf',
  'additionalProperties',
  'format',
  'pattern',
  'maxLength',
  'minLength',
  'maximum',
  'minimum',
  'maxItems',
  'minItems',
  'default'
])

// Literal values whose insides are data, not schemas.
const literalKeywords = new Set(['enum', 'const', 'default', 'required'])

// Only subschemas at least this big are worth a definition; small ones read better inline.
const hoistMinChars = 500

interface SpecOperation {
  operationId?: string
  externalDocs?: { url?: string }
  parameters?: { name: string; in: string; required?: boolean; schema?: unknown }[]
  requestBody?: { content?: Record<string, { schema?: unknown }> }
  responses?: Record<string, { content?: Record<string, { schema?: unknown }> }>
}

export interface OpenapiSpec {
  paths: Record<string, Record<string, SpecOperation>>
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** Drops descriptions, examples and vendor keys, keeping what validation needs. */
function stripSchema(schema: unknown): JsonSchema {
  if (!isRecord(schema)) return {}
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(schema)) {
    if (!keptKeywords.has(key)) continue
    if (literalKeywords.has(key)) out[key] = value
    else if (key === 'properties' && isRecord(value)) {
      out[key] = Object.fromEntries(Object.entries(value).map(([n, s]) => [n, stripSchema(s)]))
    } else if (Array.isArray(value)) out[key] = value.map(stripSchema)
    else if (isRecord(value)) out[key] = stripSchema(value)
    else out[key] = value
  }
  return out as JsonSchema
}

/**
 * Builds the subset for `routes` from a dereferenced api.github.com description. Pure, so the
 * drift test can rebuild it in memory and compare with the committed file.
 */
export function buildOpenapiSubset(
  spec: OpenapiSpec,
  routes: readonly string[],
  source: OpenapiSubset['source']
): OpenapiSubset {
  const operations: Record<string, OpenapiOperation> = {}
  for (const route of routes) {
    const [method = '', template = ''] = route.split(' ')
    const op = spec.paths[template]?.[method.toLowerCase()]
    if (!op) throw new Error(`@octokit/openapi has no operation ${route}`)
    const responses: Record<string, JsonSchema | null> = {}
    for (const [status, response] of Object.entries(op.responses ?? {})) {
      const schema = response.content?.['application/json']?.schema
      responses[status] = schema === undefined ? null : stripSchema(schema)
    }
    const body = op.requestBody?.content?.['application/json']?.schema
    operations[route] = {
      operationId: op.operationId ?? '',
      documentationUrl: op.externalDocs?.url ?? 'https://docs.github.com/rest',
      parameters: (op.parameters ?? [])
        .filter(p => p.in === 'path' || p.in === 'query')
        .map(p => ({
          name: p.name,
          in: p.in as 'path' | 'query',
          required: p.required === true,
          schema: stripSchema(p.schema)
        })),
      requestBody: body === undefined ? null : stripSchema(body),
      responses
    }
  }
  return hoistRepeatedSchemas({ source, operations, definitions: {} })
}

// The dereferenced spec inlines the full repository object dozens of times; hoisting repeats
// into `definitions` keeps the committed file small enough to review.
function hoistRepeatedSchemas(subset: OpenapiSubset): OpenapiSubset {
  const counts = new Map<string, number>()
  const count = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(count)
    if (!isRecord(node)) return
    const text = JSON.stringify(node)
    if (text.length >= hoistMinChars) counts.set(text, (counts.get(text) ?? 0) + 1)
    for (const [key, value] of Object.entries(node)) if (!literalKeywords.has(key)) count(value)
  }
  count(subset.operations)

  const names = new Map<string, string>()
  const definitions: Record<string, JsonSchema> = {}
  const replace = (node: unknown, hint: string, isSchema: boolean): unknown => {
    if (Array.isArray(node)) return node.map(n => replace(n, hint, isSchema))
    if (!isRecord(node)) return node
    const text = JSON.stringify(node)
    if (isSchema && (counts.get(text) ?? 0) > 1) {
      let name = names.get(text)
      if (name === undefined) {
        name = uniqueName(hint, definitions)
        names.set(text, name)
        definitions[name] = {}
        definitions[name] = replaceChildren(node, name) as JsonSchema
      }
      return { $ref: `#/definitions/${name}` }
    }
    return replaceChildren(node, hint)
  }
  // `properties` maps names to schemas; other keys either hold schemas or literals.
  const replaceChildren = (
    node: Record<string, unknown>,
    hint: string
  ): Record<string, unknown> => {
    const out: Record<string, unknown> = {}
    for (const [key, value] of Object.entries(node)) {
      if (literalKeywords.has(key)) out[key] = value
      else if (key === 'properties' && isRecord(value)) {
        out[key] = Object.fromEntries(
          Object.entries(value).map(([name, schema]) => [name, replace(schema, name, true)])
        )
      } else if (key === 'items') out[key] = replace(value, `${hint}-item`, true)
      else out[key] = replace(value, hint, true)
    }
    return out
  }

  const operations: Record<string, OpenapiOperation> = {}
  for (const [route, op] of Object.entries(subset.operations)) {
    const hint = op.operationId.split('/').pop() ?? 'schema'
    const responses: Record<string, JsonSchema | null> = {}
    for (const [status, schema] of Object.entries(op.responses)) {
      responses[status] =
        schema === null ? null : (replace(schema, `${hint}-${status}`, true) as JsonSchema)
    }
    operations[route] = {
      ...op,
      parameters: op.parameters,
      requestBody:
        op.requestBody === null
          ? null
          : (replace(op.requestBody, `${hint}-body`, true) as JsonSchema),
      responses
    }
  }
  return { source: subset.source, operations, definitions }
}

function uniqueName(hint: string, taken: Record<string, unknown>): string {
  const base = hint.replace(/[^A-Za-z0-9_-]/g, '_') || 'schema'
  if (!(base in taken)) return base
  for (let i = 2; ; i++) if (!(`${base}-${i}` in taken)) return `${base}-${i}`
}

export const openapiSubsetUrl = new URL('./openapi-subset.json', import.meta.url)

let cached: OpenapiSubset | undefined

/** The committed subset, read once per process (it is regenerated by generate-openapi-subset.ts). */
export function loadOpenapiSubset(): OpenapiSubset {
  cached ??= JSON.parse(readFileSync(openapiSubsetUrl, 'utf8')) as OpenapiSubset
  return cached
}
