import { describe, expect, it } from 'vitest'
import { loadOpenapiSubset } from '../../scripts/dev/emulator/openapi-subset.js'
import { readInstalledOpenapiSubset } from '../../scripts/dev/emulator/read-installed-openapi-subset.js'
import { routeHandlers } from '../../scripts/dev/emulator/routes/route-handlers.js'
import { servedRoutes } from '../../scripts/dev/emulator/served-routes.js'

describe('openapi-subset.json', () => {
  // Fails after an @octokit/openapi upgrade that changes a served operation, so the emulator
  // can't drift from the real API unnoticed. Fix: npx tsx scripts/dev/emulator/generate-openapi-subset.ts
  it('equals what the installed @octokit/openapi generates', () => {
    const committed = loadOpenapiSubset()
    const fresh = readInstalledOpenapiSubset()
    expect(committed.source).toEqual(fresh.source)
    expect(Object.keys(committed.operations)).toEqual(Object.keys(fresh.operations))
    for (const route of Object.keys(fresh.operations)) {
      expect(committed.operations[route], route).toEqual(fresh.operations[route])
    }
    expect(committed.definitions).toEqual(fresh.definitions)
  })

  it('describes exactly the served routes, each with a handler', () => {
    const subset = loadOpenapiSubset()
    expect(Object.keys(subset.operations).sort()).toEqual([...servedRoutes].sort())
    expect(Object.keys(routeHandlers).sort()).toEqual([...servedRoutes].sort())
  })

  it('keeps what validation needs and drops prose', () => {
    const create = loadOpenapiSubset().operations['POST /repos/{owner}/{repo}/issues']
    expect(create?.operationId).toBe('issues/create')
    expect(create?.documentationUrl).toBe(
      'https://docs.github.com/rest/issues/issues#create-an-issue'
    )
    expect(create?.requestBody?.required).toEqual(['title'])
    expect(Object.keys(create?.requestBody?.properties ?? {})).toContain('assignees')
    expect(Object.keys(create?.responses ?? {})).toEqual(
      expect.arrayContaining(['201', '403', '422'])
    )
    expect(JSON.stringify(loadOpenapiSubset())).not.toMatch(/"(description|example)":\s*"/)
  })
})
