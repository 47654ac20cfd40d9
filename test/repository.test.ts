import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'
import { readActionYaml } from '../scripts/dev/run-action.js'
import { INPUT_NAMES, INPUTS_ENV } from '../scripts/lib/step/inputs.js'
import { STEPS } from '../scripts/lib/step/steps.js'

const ROOT = fileURLToPath(new URL('..', import.meta.url))

function sources(dir: string): string[] {
  return (readdirSync(join(ROOT, dir), { recursive: true }) as string[])
    .filter(file => /\.(ts|mjs)$/.test(file) && !file.includes('fixtures'))
    .map(file => join(dir, file))
}

/** The relative imports of a file, as repository paths (`.js` specifiers name `.ts` sources). */
function importsOf(file: string): string[] {
  const text = readFileSync(join(ROOT, file), 'utf8')
  const found: string[] = []
  for (const [, spec] of text.matchAll(
    /(?:^|\n)\s*(?:import|export)\b[^'"]*?from\s*['"](\.{1,2}\/[^'"]+)['"]/g
  )) {
    const target = resolve(dirname(join(ROOT, file)), spec ?? '')
    const ts = target.replace(/\.js$/, '.ts')
    found.push(relative(ROOT, existsSync(ts) ? ts : target))
  }
  return found
}

describe('the layout', () => {
  const product = [
    ...sources('scripts').filter(
      f => !f.startsWith('scripts/debug') && !f.startsWith('scripts/dev')
    )
  ]

  it('has no import cycles in the product code', () => {
    const graph = new Map(product.map(file => [file, importsOf(file)]))
    const cycles: string[] = []
    const state = new Map<string, 'visiting' | 'done'>()
    const visit = (file: string, path: string[]): void => {
      if (state.get(file) === 'done') return
      if (state.get(file) === 'visiting') {
        cycles.push([...path.slice(path.indexOf(file)), file].join(' -> '))
        return
      }
      state.set(file, 'visiting')
      for (const next of graph.get(file) ?? []) visit(next, [...path, file])
      state.set(file, 'done')
    }
    for (const file of product) visit(file, [])
    expect(cycles).toEqual([])
  })

  it('calls the API only from the steps and lib/github', () => {
    const callers = product.filter(
      file =>
        !/^scripts\/[\w-]+\.ts$/.test(file) &&
        !file.startsWith('scripts/lib/github/') &&
        /\bgithub\.(request|paginate|graphql)\b/.test(readFileSync(join(ROOT, file), 'utf8'))
    )
    expect(callers).toEqual([])
  })

  it('keeps tests and debug CLIs apart: neither imports the other', () => {
    const crossing = [
      ...sources('test').flatMap(file =>
        importsOf(file)
          .filter(t => t.startsWith('scripts/debug/'))
          .map(t => `${file} -> ${t}`)
      ),
      ...[...sources('scripts/debug'), ...sources('scripts/dev')].flatMap(file =>
        importsOf(file)
          .filter(t => t.startsWith('test/'))
          .map(t => `${file} -> ${t}`)
      )
    ]
    expect(crossing).toEqual([])
  })

  it('has a module, a dist file and a test for every step, under the same name', () => {
    for (const step of STEPS) {
      expect(existsSync(join(ROOT, `scripts/${step}.ts`)), step).toBe(true)
      expect(existsSync(join(ROOT, `actions/log-bugs/dist/${step}.js`)), step).toBe(true)
      expect(existsSync(join(ROOT, `test/steps/${step}.test.ts`)), step).toBe(true)
    }
    expect(readActionYaml().runs.steps.map(step => step.id)).toEqual([...STEPS])
  })

  it('cites only sections that docs/ has', () => {
    const missing: string[] = []
    for (const file of [...sources('scripts'), ...sources('test')]) {
      const text = readFileSync(join(ROOT, file), 'utf8')
      for (const [, doc, section] of text.matchAll(/docs\/([\w-]+\.md) §(\d+(?:\.\d+)?)/g)) {
        const path = join(ROOT, 'docs', doc ?? '')
        const headings = existsSync(path) ? readFileSync(path, 'utf8') : ''
        if (!new RegExp(`^#+ §${(section ?? '').replace('.', '\\.')}\\b`, 'm').test(headings))
          missing.push(`${file}: docs/${doc} §${section}`)
      }
    }
    expect(missing).toEqual([])
  })
})

describe('action.yml hands the inputs over once', () => {
  const action = readActionYaml()

  it('declares exactly the inputs the code reads (and the token github-script takes)', () => {
    expect(Object.keys(action.inputs).sort()).toEqual([...INPUT_NAMES, 'github-token'].sort())
  })

  it('repeats no env line across steps, and sets only variables a module reads', () => {
    const lines = action.runs.steps.flatMap(step =>
      Object.entries(step.env ?? {}).map(([name, value]) => `${name}: ${value}`)
    )
    expect(new Set(lines).size).toBe(lines.length)
    const names = action.runs.steps.flatMap(step => Object.keys(step.env ?? {}))
    expect(names).toEqual([INPUTS_ENV])
    const readers = sources('scripts/lib').filter(file =>
      readFileSync(join(ROOT, file), 'utf8').includes('env[INPUTS_ENV]')
    )
    expect(readers).toEqual(['scripts/lib/step/inputs.ts'])
  })

  it('gives the first step all the inputs at once', () => {
    const first = action.runs.steps[0]
    expect(first?.env).toEqual({ [INPUTS_ENV]: '${{ toJSON(inputs) }}' })
  })
})

describe('ESLint', () => {
  const eslint = new ESLint({ cwd: ROOT })

  it('passes on the whole repository', async () => {
    const results = await eslint.lintFiles(['.'])
    const errors = results.flatMap(r =>
      r.messages
        .filter(m => m.severity === 2)
        .map(m => `${relative(ROOT, r.filePath)}:${m.line} ${m.message}`)
    )
    expect(errors).toEqual([])
  })

  it.each([
    ["import { readRun } from '../github/read-run.js'\n", 'pure code does not call GitHub'],
    [
      'export const f = (github: { request(r: string): void }) => github.request("GET /user")\n',
      'pure code does not call GitHub'
    ],
    [
      "import { readFileSync } from 'node:fs'\nexport const f = () => readFileSync('x')\n",
      'pure code does no I/O'
    ],
    ['export const token = () => process.env.GITHUB_TOKEN\n', 'pure code reads no environment']
  ])('refuses in a pure folder: %s', async (code, message) => {
    const [result] = await eslint.lintText(code, {
      filePath: join(ROOT, 'scripts/lib/log/example.ts')
    })
    expect(result?.messages.map(m => m.message)).toContainEqual(expect.stringContaining(message))
  })
})
