import { describe, expect, it } from 'vitest'
import { normalizeJobName } from '../../../scripts/lib/log/normalize-job-name.js'

describe('normalizeJobName', () => {
  it.each([
    ['test (ubuntu-latest, 20)', 'test'],
    ['test (windows-2022, 3.12)', 'test'],
    ['test', 'test'],
    ['ci / test (x)', 'ci / test'],
    ['ci (linux) / test (20, shard 1)', 'ci / test'],
    ['Test on ubuntu-latest', 'Test on ubuntu-latest'],
    ['build (a) (b)', 'build'],
    ['lint  and  format', 'lint and format'],
    ['e2e (chrome) extra', 'e2e (chrome) extra']
  ])('%j → %j', (name, expected) => {
    expect(normalizeJobName(name)).toBe(expected)
  })
})
