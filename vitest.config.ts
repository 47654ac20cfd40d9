import { readFileSync } from 'node:fs'
import { defineConfig, type Plugin } from 'vitest/config'

// @actions/workflow-parser's dist imports its schemas as bare JSON modules, which Node refuses
// without an import attribute, so vitest inlines it (vite loads JSON; tsx does for the CLIs).
// Its source maps name .ts files the package does not ship; loading the JavaScript without them
// keeps vite from warning once per module.
const workflowParser = '/node_modules/@actions/workflow-parser/'

const withoutSourceMaps: Plugin = {
  name: 'workflow-parser-without-source-maps',
  enforce: 'pre',
  load(id) {
    if (!id.includes(workflowParser) || !id.endsWith('.js')) return null
    return readFileSync(id, 'utf8').replace(/^\/\/# sourceMappingURL=.*$/m, '')
  }
}

export default defineConfig({
  plugins: [withoutSourceMaps],
  test: {
    include: ['test/**/*.test.ts'],
    // The emulator listens on 127.0.0.1 port 0; nothing else is reached.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    server: { deps: { inline: ['@actions/workflow-parser'] } }
  }
})
