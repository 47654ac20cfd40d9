import { describe, expect, it } from 'vitest'
import { checkSchema, type CheckSchemaOptions } from '../../scripts/dev/emulator/check-schema.js'
import type { JsonSchema } from '../../scripts/dev/emulator/openapi-subset.js'

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
  { name: 'unresolvable $ref', schema: { $ref: '#/definitions/nope' }, value: 1, errors: ['$ref'] }
]

describe('checkSchema', () => {
  it.each(rows)('$name', ({ schema, value, options, errors }) => {
    const found = checkSchema(schema, value, options).map(v =>
      v.path.length === 0 ? v.keyword : `${v.keyword}@${v.path.join('.')}`
    )
    expect(found).toEqual(errors)
  })

  it('names the property for required and additionalProperties violations', () => {
    const [missing] = checkSchema(user, { id: 1 })
    expect(missing).toMatchObject({ keyword: 'required', property: 'login' })
    const [extra] = checkSchema(user, { login: 'a', id: 1, foo: 1 }, { closedObjects: true })
    expect(extra).toMatchObject({ keyword: 'additionalProperties', property: 'foo' })
  })
})
