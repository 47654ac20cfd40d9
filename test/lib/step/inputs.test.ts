import { describe, expect, it } from 'vitest'
import { ConfigError } from '../../../scripts/lib/step/errors.js'
import { parseLabels, readInputs } from '../../../scripts/lib/step/inputs.js'

describe('readInputs', () => {
  it('applies the defaults when nothing is set', () => {
    expect(readInputs({})).toMatchObject({
      labels: ['bug', 'ci-failure'],
      assignAuthor: true,
      commentOnPr: true,
      logLines: 50,
      dryRun: false,
      maxIssues: 5,
      prNumber: null,
      runId: null
    })
  })

  it('reads the inputs by their action.yml names', () => {
    const inputs = readInputs({
      'pr-number': '#12',
      'run-id': '987',
      'pr-author': '@alice',
      labels: 'ci, flaky\nci',
      'dry-run': 'TRUE',
      'log-lines': '80',
      'max-issues': '2'
    })
    expect(inputs).toMatchObject({
      prNumber: 12,
      runId: 987,
      prAuthor: 'alice',
      labels: ['ci', 'flaky'],
      dryRun: true,
      logLines: 80,
      maxIssues: 2
    })
  })

  it.each([
    [{ 'dry-run': 'yes' }, /dry-run: expected true or false/],
    [{ 'log-lines': '-3' }, /log-lines: expected a whole number/],
    [{ 'log-lines': '9000' }, /log-lines: expected a number from 5 to 500/],
    [{ 'pr-number': 'abc' }, /pr-number: expected a positive number/],
    [{ 'run-id': '0' }, /run-id: expected a positive number/],
    [{ 'max-issues': '0' }, /max-issues: expected a number from 1 to 50/],
    [{ labels: 'x'.repeat(51) }, /is over 50 characters/]
  ])('rejects %j with a message naming the input', (env, message) => {
    expect(() => readInputs(env)).toThrow(ConfigError)
    expect(() => readInputs(env)).toThrow(message)
  })

  it('de-duplicates labels case-insensitively', () => {
    expect(parseLabels('Bug,bug, CI-Failure ,ci-failure,')).toEqual(['Bug', 'CI-Failure'])
  })
})
