import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { readActionYaml } from '../scripts/dev/run-action.js'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const README = readFileSync(join(ROOT, 'README.md'), 'utf8')
const action = readActionYaml()

/** The rows of the first table under `## heading`, as cells (`\|` inside a cell is kept). */
function tableRows(markdown: string, heading: string): string[][] {
  const start = markdown.indexOf(`\n## ${heading}\n`)
  if (start === -1) throw new Error(`README.md has no "## ${heading}" section`)
  const lines = markdown.slice(start).split('\n').slice(2)
  const first = lines.findIndex(line => line.startsWith('|'))
  const table = lines.slice(first)
  const end = table.findIndex(line => !line.startsWith('|'))
  return (end === -1 ? table : table.slice(0, end))
    .slice(2) // the header and the |---| line
    .map(line =>
      line
        .slice(1, -1)
        .split(/(?<!\\)\|/)
        .map(cell => cell.trim())
    )
}

/** `name` from a cell written as `` `name` ``. */
const codeName = (cell: string | undefined): string => cell?.match(/^`([^`]+)`$/)?.[1] ?? `?${cell}`

describe('README.md', () => {
  it('lists exactly the inputs of action.yml, once each', () => {
    const names = tableRows(README, 'Inputs').map(([name]) => codeName(name))
    expect(new Set(names).size).toBe(names.length)
    expect([...names].sort()).toEqual(Object.keys(action.inputs).sort())
  })

  // A literal default is written as code, as action.yml has it; an empty one is either `''` or
  // the words for what the action does then ("the run's head branch", the default template).
  it('gives each input the default action.yml has', () => {
    const wrong: string[] = []
    for (const [name, readmeDefault = ''] of tableRows(README, 'Inputs')) {
      const input = codeName(name)
      const actual = action.inputs[input]?.default ?? ''
      const ok =
        actual === ''
          ? readmeDefault === "`''`" || !/^`[^`]*`$/.test(readmeDefault)
          : readmeDefault === `\`${actual}\``
      if (!ok) wrong.push(`${input}: README ${readmeDefault}, action.yml ${JSON.stringify(actual)}`)
    }
    expect(wrong).toEqual([])
  })

  it('lists exactly the outputs of action.yml, once each', () => {
    const names = tableRows(README, 'Outputs').map(([name]) => codeName(name))
    expect(new Set(names).size).toBe(names.length)
    expect([...names].sort()).toEqual(Object.keys(action.outputs).sort())
  })

  it('starts with the uses: forms for other repositories, and links the changelog and policy', () => {
    const top = README.slice(0, README.indexOf('\n## '))
    expect(top).toContain('- uses: log-bugs/log-bugs@v1\n')
    expect(top).toContain('uses: log-bugs/log-bugs/.github/workflows/bug-logger.yml@v1\n')
    for (const file of ['CHANGELOG.md', 'SECURITY.md', 'CONTRIBUTING.md'])
      expect(top).toContain(`](${file})`)
  })
})

describe('the README table reader', () => {
  const sample = `# x

## Inputs

| Input | Default | Meaning |
| ----- | ------- | ------- |
| \`a\`   | \`1\`     | one \\| two |
| \`b\`   | the run's | x |

Text.
`
  it('reads the rows, keeping an escaped pipe inside its cell', () => {
    expect(tableRows(sample, 'Inputs')).toEqual([
      ['`a`', '`1`', 'one \\| two'],
      ['`b`', "the run's", 'x']
    ])
    expect(() => tableRows(sample, 'Outputs')).toThrow(/no "## Outputs"/)
  })
})
