import { describe, expect, it } from 'vitest'
import { ConfigError } from '../../../scripts/lib/step/errors.js'
import { parseLabels, readInputs } from '../../../scripts/lib/step/read-inputs.js'

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

  it('reads every input from its LOG_BUGS_ variable', () => {
    const inputs = readInputs({
      LOG_BUGS_PR_NUMBER: '#12',
      LOG_BUGS_RUN_ID: '987',
      LOG_BUGS_PR_AUTHOR: '@alice',
      LOG_BUGS_LABELS: 'ci, flaky\nci',
      LOG_BUGS_DRY_RUN: 'TRUE',
      LOG_BUGS_LOG_LINES: '80',
      LOG_BUGS_MAX_ISSUES: '2'
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
    [{ LOG_BUGS_DRY_RUN: 'yes' }, /dry-run: expected true or false/],
    [{ LOG_BUGS_LOG_LINES: '-3' }, /log-lines: expected a whole number/],
    [{ LOG_BUGS_LOG_LINES: '9000' }, /log-lines: expected a number from 5 to 500/],
    [{ LOG_BUGS_PR_NUMBER: 'abc' }, /pr-number: expected a positive number/],
    [{ LOG_BUGS_RUN_ID: '0' }, /run-id: expected a positive number/],
    [{ LOG_BUGS_MAX_ISSUES: '0' }, /max-issues: expected a number from 1 to 50/],
    [{ LOG_BUGS_LABELS: 'x'.repeat(51) }, /is over 50 characters/]
  ])('rejects %j with a message naming the input', (env, message) => {
    expect(() => readInputs(env)).toThrow(ConfigError)
    expect(() => readInputs(env)).toThrow(message)
  })

  it('de-duplicates labels case-insensitively', () => {
    expect(parseLabels('Bug,bug, CI-Failure ,ci-failure,')).toEqual(['Bug', 'CI-Failure'])
  })
})
