import { describe, expect, it } from 'vitest'
import { parseJobResults } from '../../../scripts/lib/step/parse-job-results.js'

describe('parseJobResults', () => {
  it('reads the shape of toJSON(needs)', () => {
    const raw = JSON.stringify({
      lint: { result: 'success', outputs: {} },
      test: { result: 'failure', outputs: { a: '1' } }
    })
    expect(parseJobResults(raw)).toEqual({
      results: { lint: 'success', test: 'failure' },
      problem: null
    })
  })

  it.each([
    ['', null],
    ['{}', null],
    ['not json', /not valid JSON/],
    ['[1,2]', /must be an object/],
    ['"failure"', /must be an object/],
    ['{"test": "failure"}', /1 entry has no result/],
    ['{"a": {"result": 5}, "b": {}}', /2 entries have no result/]
  ])('%j', (raw, problem) => {
    const parsed = parseJobResults(raw)
    if (problem === null) expect(parsed.problem).toBeNull()
    else expect(parsed.problem).toMatch(problem)
  })
})
