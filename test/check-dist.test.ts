import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { checkDist } from '../scripts/dev/build-dist.js'

const root = fileURLToPath(new URL('..', import.meta.url))

describe('actions/log-bugs/dist', () => {
  it('is what npm run build makes from the sources, with the root action.yml (runners use the committed files)', () => {
    const { problems, files } = checkDist()
    expect(problems, 'run npm run build and commit actions/log-bugs/dist and action.yml').toEqual(
      []
    )
    expect(files).toBeGreaterThan(10)
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
