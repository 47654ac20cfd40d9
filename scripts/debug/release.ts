#!/usr/bin/env tsx
/**
 * Prepares a release: bumps package.json (and its lock), points bug-logger.yml at the action of
 * the new version and moves CHANGELOG.md's Unreleased section under it, dated today (UTC).
 *
 *   npm run release -- 1.1.0
 *
 * Then commit, tag v1.1.0 and push both; .github/workflows/release.yml does the rest.
 */
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { release } from '../dev/release.js'
import { errorMessage } from '../lib/step/errors.js'

const USAGE = `usage: npm run release -- <x.y.z> [options]

Edits package.json, package-lock.json, .github/workflows/bug-logger.yml and CHANGELOG.md for
the release of x.y.z; commits and tags nothing.

options:
  --date <YYYY-MM-DD>  the release date (default: today, UTC)
  --root <dir>         the repository to edit (default: this one)
  --help               this text`

function main(): void {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      help: { type: 'boolean' },
      date: { type: 'string' },
      root: { type: 'string' }
    }
  })
  if (values.help) {
    console.log(USAGE)
    return
  }
  const version = positionals[0]?.replace(/^v/, '')
  if (version === undefined || positionals.length > 1)
    throw new Error(`expected one version\n${USAGE}`)
  const root = values.root ?? fileURLToPath(new URL('../..', import.meta.url))
  const date = values.date ?? new Date().toISOString().slice(0, 10)
  const changed = release(root, version, date)
  console.log(`release ${version}: edited ${changed.join(', ')}`)
  console.log(
    `next: review, then git commit -am "Release ${version}" && git tag v${version} && git push origin HEAD v${version}`
  )
}

try {
  main()
} catch (error) {
  console.error(`release: ${errorMessage(error)}`)
  process.exitCode = 1
}
