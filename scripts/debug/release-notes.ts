#!/usr/bin/env tsx
/**
 * Checks that a tag can be released and prints its release notes, for release.yml:
 *
 *   npm run -s release-notes -- v1.1.0 > notes.md
 *
 * Fails when the tag is not v + package.json's version or CHANGELOG.md has no section for it.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { readPackageJson } from '../dev/own-action-reference.js'
import { checkReleaseTag, extractReleaseNotes } from '../dev/release-notes.js'
import { errorMessage } from '../lib/step/errors.js'

const USAGE = `usage: npm run -s release-notes -- <vX.Y.Z> [options]

Prints CHANGELOG.md's section for the tag's version, after checking that the tag is
v + package.json's version.

options:
  --root <dir>  the repository to read (default: this one)
  --help        this text`

function main(): void {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { help: { type: 'boolean' }, root: { type: 'string' } }
  })
  if (values.help) {
    console.log(USAGE)
    return
  }
  const tag = positionals[0]
  if (tag === undefined || positionals.length > 1) throw new Error(`expected one tag\n${USAGE}`)
  const root = values.root ?? fileURLToPath(new URL('../..', import.meta.url))
  const { version } = readPackageJson(root)
  const problem = checkReleaseTag(tag, version)
  if (problem !== null) throw new Error(problem)
  process.stdout.write(
    extractReleaseNotes(readFileSync(join(root, 'CHANGELOG.md'), 'utf8'), version)
  )
}

try {
  main()
} catch (error) {
  console.error(`release-notes: ${errorMessage(error)}`)
  process.exitCode = 1
}
