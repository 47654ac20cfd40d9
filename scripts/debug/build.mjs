#!/usr/bin/env node
// Compiles the step modules into actions/log-bugs/dist (plain tsc: they import only node: builtins
// and each other, so no bundler is needed), copies the default templates beside them, and marks
// the folder as ESM. `--check` builds into a temporary folder and fails when the committed dist
// differs: runners use the committed files and never build (docs/github-platform.md §7).
import { execFileSync } from 'node:child_process'
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('../..', import.meta.url))
const dist = join(root, 'actions/log-bugs/dist')
const check = process.argv.includes('--check')

function build(outDir) {
  rmSync(outDir, { recursive: true, force: true })
  execFileSync(
    process.execPath,
    [
      join(root, 'node_modules/typescript/bin/tsc'),
      '-p',
      join(root, 'tsconfig.build.json'),
      '--outDir',
      outDir
    ],
    { stdio: 'inherit', cwd: root }
  )
  mkdirSync(join(outDir, 'templates'), { recursive: true })
  for (const name of ['issue.md', 'pr-comment.md', 'occurrence.md']) {
    cpSync(join(root, 'templates', name), join(outDir, 'templates', name))
  }
  // The action folder has no package.json of its own; without this, Node would take the .js
  // files for CommonJS wherever the repository root's package.json is not beside them.
  writeFileSync(join(outDir, 'package.json'), '{\n  "type": "module"\n}\n')
}

function listFiles(dir, base = dir) {
  const files = []
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) files.push(...listFiles(path, base))
    else files.push(relative(base, path))
  }
  return files.sort()
}

if (!check) {
  build(dist)
  console.log(`built ${listFiles(dist).length} files into ${relative(root, dist)}`)
} else {
  const fresh = mkdtempSync(join(tmpdir(), 'log-bugs-dist-'))
  try {
    build(fresh)
    const expected = listFiles(fresh)
    let actual = []
    try {
      actual = listFiles(dist)
    } catch {
      // no dist at all: every file is missing
    }
    const problems = []
    for (const file of expected) {
      if (!actual.includes(file)) problems.push(`missing: ${file}`)
      else if (!readFileSync(join(fresh, file)).equals(readFileSync(join(dist, file))))
        problems.push(`stale: ${file}`)
    }
    for (const file of actual) if (!expected.includes(file)) problems.push(`extra: ${file}`)
    if (problems.length > 0) {
      console.error(
        `actions/log-bugs/dist is out of date with the sources (run npm run build and commit):`
      )
      for (const problem of problems) console.error(`  ${problem}`)
      process.exitCode = 1
    } else {
      console.log(`actions/log-bugs/dist is up to date (${expected.length} files)`)
    }
  } finally {
    rmSync(fresh, { recursive: true, force: true })
  }
}
