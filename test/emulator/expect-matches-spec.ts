import { expect } from 'vitest'
import { checkSchema } from '../../scripts/dev/emulator/check-schema.js'
import { loadOpenapiSubset } from '../../scripts/dev/emulator/openapi-subset.js'

/**
 * Asserts that a response Octokit received has the status and body shape the OpenAPI
 * description documents for the route, independently of the emulator's own self-check.
 */
export function expectMatchesSpec(
  route: string,
  response: { status: number; data: unknown }
): void {
  const subset = loadOpenapiSubset()
  const op = subset.operations[route]
  expect(op, `${route} is in the OpenAPI subset`).toBeDefined()
  const responses = op?.responses ?? {}
  expect(Object.keys(responses), `${route} documents status ${response.status}`).toContain(
    String(response.status)
  )
  const schema = responses[String(response.status)]
  if (!schema) return
  const violations = checkSchema(schema, response.data, { definitions: subset.definitions })
  expect(violations.map(v => `${v.path.join('.')}: ${v.message}`)).toEqual([])
}
