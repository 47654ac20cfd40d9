import { execFileSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const root = fileURLToPath(new URL('..', import.meta.url))

describe('actions/log-bugs/dist', () => {
  it('is what npm run build makes from the sources (runners use the committed files)', () => {
    // Throws with the list of stale, missing and extra files when the check fails.
    const out = execFileSync(process.execPath, ['scripts/debug/build.mjs', '--check'], {
      cwd: root,
      encoding: 'utf8'
    })
    expect(out).toMatch(/is up to date \(\d+ files\)/)
  })

  it('needs nothing from node_modules: every import is node: or relative', async () => {
    const { readdirSync, readFileSync } = await import('node:fs')
    const dist = `${root}actions/log-bugs/dist/`
    const files = (readdirSync(dist, { recursive: true }) as string[]).filter(f =>
      f.endsWith('.js')
    )
    expect(files.length).toBeGreaterThan(10)
    for (const file of files) {
      const source = readFileSync(dist + file, 'utf8')
      for (const [, specifier] of source.matchAll(
        /(?:^|\n)\s*(?:import|export)\b[^'"]*?from\s*['"]([^'"]+)['"]/g
      )) {
        expect(specifier, `${file} imports ${specifier}`).toMatch(/^(node:|\.\/|\.\.\/)/)
      }
    }
  })
})
