import { execFileSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'

const PAIR = 'test/fixtures/baseline/bats'

function excerpt(...args: string[]): { keyLines: string[]; comparedWith: string | null } {
  const output = execFileSync('npx', ['tsx', 'scripts/debug/excerpt.ts', ...args], {
    encoding: 'utf8'
  })
  return JSON.parse(output) as { keyLines: string[]; comparedWith: string | null }
}

describe('npm run excerpt', () => {
  it('with --baseline, the line new since the green log leads instead of the generic assertion', () => {
    const alone = excerpt(`${PAIR}.fail.log`)
    const compared = excerpt(`${PAIR}.fail.log`, '--baseline', `${PAIR}.green.log`)
    expect(alone.comparedWith).toBeNull()
    expect(alone.keyLines).not.toContain('not ok 3 release candidates are accepted in 51ms')
    expect(compared.comparedWith).toBe(`${PAIR}.green.log`)
    expect(compared.keyLines[0]).toBe('not ok 3 release candidates are accepted in 51ms')
  })
})
