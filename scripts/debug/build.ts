#!/usr/bin/env tsx
// npm run build: compile the steps into actions/log-bugs/dist (commit the result).
// npm run check-dist: fail when the committed dist differs from a fresh build.
import { relative } from 'node:path'
import { buildDist, checkDist, DIST, listFiles, ROOT } from '../dev/build-dist.js'

if (process.argv.includes('--check')) {
  const { problems, files } = checkDist()
  if (problems.length > 0) {
    console.error(
      'actions/log-bugs/dist is out of date with the sources (run npm run build and commit):'
    )
    for (const problem of problems) console.error(`  ${problem}`)
    process.exitCode = 1
  } else {
    console.log(`actions/log-bugs/dist is up to date (${files} files)`)
  }
} else {
  buildDist()
  console.log(`built ${listFiles(DIST).length} files into ${relative(ROOT, DIST)}`)
}
