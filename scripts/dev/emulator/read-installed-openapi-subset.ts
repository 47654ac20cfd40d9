import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { buildOpenapiSubset, type OpenapiSpec, type OpenapiSubset } from './openapi-subset.js'
import { servedRoutes } from './served-routes.js'

const specFile = 'api.github.com.deref.json'

/** Builds the subset from the installed @octokit/openapi package (a 73 MB read: ~1-2 s). */
export function readInstalledOpenapiSubset(): OpenapiSubset {
  const require = createRequire(import.meta.url)
  const packageJson = require.resolve('@octokit/openapi/package.json')
  const { version } = JSON.parse(readFileSync(packageJson, 'utf8')) as { version: string }
  const spec = JSON.parse(
    readFileSync(new URL(`./generated/${specFile}`, `file://${packageJson}`), 'utf8')
  ) as OpenapiSpec
  return buildOpenapiSubset(spec, servedRoutes, {
    package: '@octokit/openapi',
    version,
    file: specFile
  })
}
