import { checkSchema, describeType, type SchemaViolation } from './check-schema.js'
import { loadOpenapiSubset, type OpenapiParameter } from './openapi-subset.js'

export interface OpenapiViolation {
  /** 'METHOD /template', or 'UNKNOWN'. */
  route: string
  kind: 'route' | 'query' | 'body' | 'response'
  message: string
  /** The response status, for kind 'response'. */
  status?: number
  details?: SchemaViolation[]
}

export interface RequestRejection {
  status: 400 | 404 | 422
  message: string
  violation: OpenapiViolation
}

const invalid = (detail: string): string => `Invalid request.\n\n${detail}`

/**
 * Checks a request against the route's OpenAPI operation: every query parameter declared and of
 * the declared type, required ones present, and the JSON body valid against the request schema
 * with unknown keys refused. Messages follow GitHub's wording for schema-validated endpoints
 * (`"foo" is not a permitted key.`, `"title" wasn't supplied.`).
 */
export function validateRequest(
  route: string,
  query: Record<string, string>,
  body: unknown,
  hasBody: boolean
): RequestRejection | undefined {
  const op = loadOpenapiSubset().operations[route]
  if (!op) {
    return {
      status: 404,
      message: 'Not Found',
      violation: { route, kind: 'route', message: `${route} is not in the OpenAPI description` }
    }
  }
  const declared = new Map(op.parameters.filter(p => p.in === 'query').map(p => [p.name, p]))
  for (const [name, value] of Object.entries(query)) {
    const parameter = declared.get(name)
    // GitHub itself ignores unknown query parameters, which hides typos such as `label=` for
    // `labels=` (the filter silently doesn't apply). Refusing them surfaces the bug in tests.
    if (!parameter) return reject(422, route, 'query', `"${name}" is not a permitted key.`)
    const problem = checkQueryValue(parameter, value)
    if (problem) return reject(problem.status, route, 'query', problem.detail)
  }
  for (const parameter of declared.values()) {
    if (parameter.required && !(parameter.name in query)) {
      return reject(422, route, 'query', `"${parameter.name}" wasn't supplied.`)
    }
  }

  if (op.requestBody === null) return undefined
  const value = hasBody ? body : {}
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return {
      status: 400,
      message: 'Body should be a JSON object',
      violation: { route, kind: 'body', message: 'Body should be a JSON object' }
    }
  }
  const details = checkSchema(op.requestBody, value, {
    definitions: loadOpenapiSubset().definitions,
    closedObjects: true
  })
  const first = details[0]
  if (!first) return undefined
  const rejection = reject(422, route, 'body', bodyMessage(first))
  rejection.violation.details = details
  return rejection
}

function reject(
  status: RequestRejection['status'],
  route: string,
  kind: OpenapiViolation['kind'],
  detail: string
): RequestRejection {
  return { status, message: invalid(detail), violation: { route, kind, message: detail } }
}

function checkQueryValue(
  parameter: OpenapiParameter,
  value: string
): { status: 400 | 422; detail: string } | undefined {
  const type = parameter.schema.type
  const shown = JSON.stringify(value)
  if (type === 'integer' && !/^-?\d+$/.test(value)) {
    return { status: 400, detail: `For '${parameter.name}', ${shown} is not an integer.` }
  }
  if (type === 'boolean' && value !== 'true' && value !== 'false') {
    return { status: 400, detail: `For '${parameter.name}', ${shown} is not a boolean.` }
  }
  if (parameter.schema.enum && !parameter.schema.enum.includes(value)) {
    return {
      status: 422,
      detail: `For '${parameter.name}', ${shown} is not one of ${parameter.schema.enum.join(', ')}.`
    }
  }
  return undefined
}

function bodyMessage(violation: SchemaViolation): string {
  if (violation.keyword === 'additionalProperties')
    return `"${violation.property}" is not a permitted key.`
  if (violation.keyword === 'required') return `"${violation.property}" wasn't supplied.`
  const where = `For 'properties/${violation.path.join('/')}'`
  if (violation.keyword === 'type') {
    const expected = (violation.expected ?? []).join(' or ')
    const article = /^[aeiou]/.test(expected) ? 'an' : 'a'
    return `${where}, ${JSON.stringify(violation.value)} is not ${article} ${expected}.`
  }
  if (violation.keyword === 'oneOf' || violation.keyword === 'anyOf') {
    return `${where}, ${JSON.stringify(violation.value)} is not a valid ${describeType(violation.value)} here.`
  }
  return `${where}, ${violation.message}.`
}

/**
 * Checks a response the emulator is about to send against the spec's schema for that status, so
 * an emulator bug (a missing required field, a wrong type) shows up as a violation instead of
 * silently teaching clients a shape GitHub never sends. Undocumented 2xx statuses count too.
 */
export function checkResponse(
  route: string,
  status: number,
  body: unknown
): OpenapiViolation | undefined {
  const subset = loadOpenapiSubset()
  const op = subset.operations[route]
  if (!op) return undefined
  const documented = String(status) in op.responses
  if (!documented) {
    return status < 300
      ? {
          route,
          kind: 'response',
          status,
          message: `status ${status} is not documented for ${route}`
        }
      : undefined
  }
  const schema = op.responses[String(status)]
  if (!schema) return undefined
  const details = checkSchema(schema, body, { definitions: subset.definitions })
  if (details.length === 0) return undefined
  return {
    route,
    kind: 'response',
    status,
    message: details
      .slice(0, 5)
      .map(d => `${d.path.join('.') || '(root)'}: ${d.message}`)
      .join('; '),
    details
  }
}
