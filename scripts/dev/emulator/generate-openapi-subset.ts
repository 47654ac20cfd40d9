// Regenerates openapi-subset.json from the installed @octokit/openapi:
//   npx tsx scripts/dev/emulator/generate-openapi-subset.ts
import { writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { format, resolveConfig } from 'prettier'
import { openapiSubsetUrl } from './openapi-subset.js'
import { readInstalledOpenapiSubset } from './read-installed-openapi-subset.js'

const subset = readInstalledOpenapiSubset()
// Prettier-formatted, so `npm run format:check` accepts the committed file as is.
const options = await resolveConfig(fileURLToPath(openapiSubsetUrl))
const text = await format(JSON.stringify(subset), { ...options, parser: 'json' })
writeFileSync(openapiSubsetUrl, text)
console.log(
  `wrote ${Object.keys(subset.operations).length} operations, ` +
    `${Object.keys(subset.definitions).length} definitions, ${text.length} chars`
)
