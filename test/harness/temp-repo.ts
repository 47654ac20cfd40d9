import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterEach } from 'vitest'

/**
 * A throwaway repository of the given files (path → content) for checks that read a tree,
 * removed after each test of the file that calls it.
 */
export function tempRepos(prefix: string): (files: Record<string, string>) => string {
  const temps: string[] = []
  afterEach(() => {
    for (const root of temps.splice(0)) rmSync(root, { recursive: true, force: true })
  })
  return files => {
    const root = mkdtempSync(join(tmpdir(), prefix))
    temps.push(root)
    for (const [path, content] of Object.entries(files)) {
      mkdirSync(dirname(join(root, path)), { recursive: true })
      writeFileSync(join(root, path), content)
    }
    return root
  }
}
