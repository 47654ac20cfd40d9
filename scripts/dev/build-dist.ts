// Compiles the step modules into actions/log-bugs/dist (plain tsc: they import only node: builtins
// and each other, so no bundler is needed), copies the default templates beside them, and marks
// the folder as ESM. Runners use the committed dist and never build (docs/github-platform.md §7),
// so checkDist builds into a temporary folder and lists every file that differs.
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

export const ROOT = fileURLToPath(new URL('../..', import.meta.url))
export const DIST = join(ROOT, 'actions/log-bugs/dist')
const TEMPLATES = ['issue.md', 'pr-comment.md']

/** Builds the dist into `outDir` (emptied first). */
export function buildDist(outDir = DIST): void {
  rmSync(outDir, { recursive: true, force: true })
  execFileSync(
    process.execPath,
    [
      join(ROOT, 'node_modules/typescript/bin/tsc'),
      '-p',
      join(ROOT, 'tsconfig.build.json'),
      '--outDir',
      outDir
    ],
    { stdio: 'inherit', cwd: ROOT }
  )
  mkdirSync(join(outDir, 'templates'), { recursive: true })
  for (const name of TEMPLATES)
    cpSync(join(ROOT, 'templates', name), join(outDir, 'templates', name))
  // The action folder has no package.json of its own; without this, Node would take the .js
  // files for CommonJS wherever the repository root's package.json is not beside them.
  writeFileSync(join(outDir, 'package.json'), '{\n  "type": "module"\n}\n')
}

/** Every file below `dir`, relative to it, sorted; none when it does not exist. */
export function listFiles(dir: string, base = dir): string[] {
  let entries
  try {
    entries = readdirSync(dir, { withFileTypes: true })
  } catch {
    return []
  }
  const files: string[] = []
  for (const entry of entries) {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) files.push(...listFiles(path, base))
    else files.push(relative(base, path))
  }
  return files.sort()
}

/** What differs between the committed dist and a fresh build: `missing:`, `stale:`, `extra:` lines. */
export function checkDist(dist = DIST): { problems: string[]; files: number } {
  const fresh = mkdtempSync(join(tmpdir(), 'log-bugs-dist-'))
  try {
    buildDist(fresh)
    const expected = listFiles(fresh)
    const actual = listFiles(dist)
    const problems: string[] = []
    for (const file of expected) {
      if (!actual.includes(file)) problems.push(`missing: ${file}`)
      else if (!readFileSync(join(fresh, file)).equals(readFileSync(join(dist, file))))
        problems.push(`stale: ${file}`)
    }
    for (const file of actual) if (!expected.includes(file)) problems.push(`extra: ${file}`)
    return { problems, files: expected.length }
  } finally {
    rmSync(fresh, { recursive: true, force: true })
  }
}
