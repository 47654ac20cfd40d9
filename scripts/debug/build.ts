#!/usr/bin/env tsx
// npm run build: compile the steps into actions/log-bugs/dist and write the root action.yml from
// actions/log-bugs/action.yml (commit the result).
// npm run check-dist: fail when either differs from a fresh build.
import { relative } from 'node:path'
import {
  buildDist,
  buildRootAction,
  checkDist,
  DIST,
  listFiles,
  ROOT,
  ROOT_ACTION
} from '../dev/build-dist.js'

if (process.argv.includes('--check')) {
  const { problems, files } = checkDist()
  if (problems.length > 0) {
    console.error(
      'actions/log-bugs/dist or action.yml is out of date with the sources (run npm run build and commit):'
    )
    for (const problem of problems) console.error(`  ${problem}`)
    process.exitCode = 1
  } else {
    console.log(`actions/log-bugs/dist and action.yml are up to date (${files} files)`)
  }
} else {
  buildDist()
  buildRootAction()
  console.log(
    `built ${listFiles(DIST).length} files into ${relative(ROOT, DIST)}, and ${relative(ROOT, ROOT_ACTION)}`
  )
}
