import { readdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { checkSchema, type CheckSchemaOptions } from '../../scripts/dev/emulator/check-schema.js'
import type { JsonSchema } from '../../scripts/dev/emulator/openapi-subset.js'
import { checkResponse } from '../../scripts/dev/emulator/validate-request.js'

const user: JsonSchema = {
  type: 'object',
  properties: { login: { type: 'string' }, id: { type: 'integer' } },
  required: ['login', 'id']
}

const rows: {
  name: string
  schema: JsonSchema
  value: unknown
  options?: CheckSchemaOptions
  errors: string[]
}[] = [
  { name: 'matching object', schema: user, value: { login: 'a', id: 1 }, errors: [] },
  { name: 'missing required', schema: user, value: { login: 'a' }, errors: ['required'] },
  {
    name: 'wrong property type',
    schema: user,
    value: { login: 'a', id: '1' },
    errors: ['type@id']
  },
  { name: 'non-integer number', schema: { type: 'integer' }, value: 1.5, errors: ['type'] },
  {
    name: 'extra keys allowed by default',
    schema: user,
    value: { login: 'a', id: 1, x: 1 },
    errors: []
  },
  {
    name: 'additionalProperties false',
    schema: { ...user, additionalProperties: false },
    value: { login: 'a', id: 1, x: 1 },
    errors: ['additionalProperties']
  },
  {
    name: 'closedObjects mode refuses unknown keys',
    schema: user,
    value: { login: 'a', id: 1, x: 1 },
    options: { closedObjects: true },
    errors: ['additionalProperties']
  },
  {
    name: 'enum',
    schema: { type: 'string', enum: ['open', 'closed'] },
    value: 'merged',
    errors: ['enum']
  },
  {
    name: 'nullable allows null',
    schema: { type: 'string', nullable: true, enum: ['a'] },
    value: null,
    errors: []
  },
  { name: 'null without nullable', schema: { type: 'string' }, value: null, errors: ['type'] },
  { name: "type list with 'null'", schema: { type: ['string', 'null'] }, value: null, errors: [] },
  {
    name: 'array items',
    schema: { type: 'array', items: { type: 'string' } },
    value: ['a', 2],
    errors: ['type@1']
  },
  { name: 'minItems', schema: { type: 'array', minItems: 1 }, value: [], errors: ['minItems'] },
  {
    name: 'maxLength counts characters',
    schema: { type: 'string', maxLength: 2 },
    value: '😀😀',
    errors: []
  },
  {
    name: 'maxLength exceeded',
    schema: { type: 'string', maxLength: 2 },
    value: 'abc',
    errors: ['maxLength']
  },
  {
    name: 'date-time',
    schema: { type: 'string', format: 'date-time' },
    value: '2026-11-26T10:00:00Z',
    errors: []
  },
  {
    name: 'bad date-time',
    schema: { type: 'string', format: 'date-time' },
    value: '26/11/2026',
    errors: ['format']
  },
  {
    name: 'uri',
    schema: { type: 'string', format: 'uri' },
    value: 'not a uri',
    errors: ['format']
  },
  {
    name: 'oneOf passes when any branch passes (loose)',
    schema: { oneOf: [{ type: 'string' }, { type: 'string', minLength: 1 }] },
    value: 'x',
    errors: []
  },
  {
    name: 'oneOf of types reports the union',
    schema: { oneOf: [{ type: 'string' }, { type: 'integer' }] },
    value: true,
    errors: ['type']
  },
  {
    name: 'anyOf with no passing branch',
    schema: { anyOf: [user, { type: 'string' }] },
    value: { login: 'a' },
    errors: ['anyOf']
  },
  {
    name: 'allOf',
    schema: { allOf: [{ type: 'integer' }, { minimum: 3 }] },
    value: 2,
    errors: ['minimum']
  },
  {
    name: '$ref into definitions',
    schema: { type: 'array', items: { $ref: '#/definitions/user' } },
    value: [{ login: 'a' }],
    options: { definitions: { user } },
    errors: ['required@0']
  },
  {
    name: 'nullable $ref',
    schema: { $ref: '#/definitions/user', nullable: true },
    value: null,
    options: { definitions: { user } },
    errors: []
  },
  {
    name: 'nullable $ref with a wrong value reports the referenced schema itself',
    schema: { $ref: '#/definitions/user', nullable: true },
    value: { login: 'a' },
    options: { definitions: { user } },
    errors: ['required']
  },
  {
    name: 'nullable oneOf allows null',
    schema: { nullable: true, oneOf: [{ type: 'string' }, { type: 'integer' }] },
    value: null,
    errors: []
  },
  {
    name: 'a wrong type is reported once, not with its enum',
    schema: { type: 'string', enum: ['open', 'closed'] },
    value: 1,
    errors: ['type']
  },
  {
    name: 'untyped schema with properties refuses null',
    schema: { properties: { login: { type: 'string' } } },
    value: null,
    errors: ['type']
  },
  {
    name: 'closed objects reach through $ref',
    schema: { type: 'array', items: { $ref: '#/definitions/user' } },
    value: [{ login: 'a', id: 1, x: 1 }],
    options: { definitions: { user }, closedObjects: true },
    errors: ['additionalProperties@0']
  },
  {
    name: 'every violation, not only the first',
    schema: user,
    value: { login: 1, id: 'x' },
    errors: ['type@login', 'type@id']
  },
  { name: 'unresolvable $ref', schema: { $ref: '#/definitions/nope' }, value: 1, errors: ['$ref'] }
]

describe('checkSchema', () => {
  it.each(rows)('$name', ({ schema, value, options, errors }) => {
    const found = checkSchema(schema, value, options).map(v =>
      v.path.length === 0 ? v.keyword : `${v.keyword}@${v.path.join('.')}`
    )
    expect(found).toEqual(errors)
  })

  const labels: JsonSchema = {
    type: 'object',
    properties: {
      labels: {
        type: 'array',
        items: {
          oneOf: [{ type: 'string' }, { type: 'object', properties: { name: { type: 'string' } } }]
        }
      }
    }
  }

  const messages: { name: string; schema: JsonSchema; value: unknown; message: string }[] = [
    { name: 'type', schema: { type: 'integer' }, value: '1', message: 'string is not integer' },
    {
      name: 'type list',
      schema: { type: 'string', nullable: true },
      value: 2,
      message: 'integer is not string or null'
    },
    {
      name: 'oneOf of types, deep in an array',
      schema: labels,
      value: { labels: [true] },
      message: 'labels.0: boolean is not string or object'
    },
    {
      name: 'the closest branch',
      schema: { anyOf: [user, { type: 'string' }] },
      value: { login: 'a' },
      message: 'matches none of the anyOf branches (closest: "id" is required)'
    },
    {
      name: 'enum',
      schema: { type: 'string', enum: ['open', 'closed'] },
      value: 'merged',
      message: '"merged" is not one of ["open","closed"]'
    },
    {
      name: 'date-time',
      schema: { type: 'string', format: 'date-time' },
      value: '2026-11-26 10:00',
      message: '"2026-11-26 10:00" is not a valid date-time'
    },
    {
      name: 'minimum',
      schema: { type: 'integer', minimum: 1 },
      value: 0,
      message: '0 is less than 1'
    }
  ]

  it.each(messages)('says what is wrong: $name', ({ schema, value, message }) => {
    const found = checkSchema(schema, value).map(v =>
      v.path.length === 0 ? v.message : `${v.path.join('.')}: ${v.message}`
    )
    expect(found).toEqual([message])
  })

  it('keeps each compiled validator in node_modules/.cache and answers the same from it', () => {
    const cache = fileURLToPath(new URL('../../node_modules/.cache/log-bugs-ajv/', import.meta.url))
    const listCache = (): string[] => {
      try {
        return readdirSync(cache)
      } catch {
        return []
      }
    }
    // A schema no other test uses, so the first check compiles it and writes it out.
    const marker = `cache-${process.pid}-${Date.now()}`
    const schema = (): JsonSchema => ({ type: 'object', properties: { m: { enum: [marker] } } })
    const before = new Set(listCache())
    const compiled = checkSchema(schema(), { m: 'other' })
    const written = listCache().filter(file => !before.has(file))
    expect(written).toHaveLength(1)
    expect(written[0]).toMatch(/^[0-9a-f]{32}\.cjs$/)
    // A new but equal schema object is loaded from that file.
    const loaded = checkSchema(schema(), { m: 'other' })
    expect(loaded).toEqual(compiled)
    expect(loaded.map(v => v.keyword)).toEqual(['enum'])
    expect(checkSchema(schema(), { m: marker })).toEqual([])
    rmSync(join(cache, written[0] ?? ''))
  })

  it("catches an emulator response that is not the spec's shape", () => {
    const violation = checkResponse('POST /repos/{owner}/{repo}/issues', 201, {
      number: '1',
      title: 'x'
    })
    expect(violation).toMatchObject({ kind: 'response', status: 201 })
    expect(violation?.message).toMatch(/^\(root\): "assignee" is required; /)
    expect(violation?.details).toContainEqual(
      expect.objectContaining({ path: [], keyword: 'required', property: 'id' })
    )
    expect(violation?.details).toContainEqual(
      expect.objectContaining({
        path: ['number'],
        keyword: 'type',
        message: 'string is not integer'
      })
    )
  })

  it('names the property for required and additionalProperties violations', () => {
    const [missing] = checkSchema(user, { id: 1 })
    expect(missing).toMatchObject({ keyword: 'required', property: 'login' })
    const [extra] = checkSchema(user, { login: 'a', id: 1, foo: 1 }, { closedObjects: true })
    expect(extra).toMatchObject({ keyword: 'additionalProperties', property: 'foo' })
  })
})
