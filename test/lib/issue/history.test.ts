import { describe, expect, it } from 'vitest'
import { renderHistory, replaceHistory } from '../../../scripts/lib/issue/history.js'
import { BODY_BUDGET } from '../../../scripts/lib/issue/issue-body.js'
import { addRun, replaceMetadata, runKeyOf } from '../../../scripts/lib/issue/metadata.js'
import type { IssueMetadata, RunContext } from '../../../scripts/lib/issue/types.js'

const where = { serverUrl: 'https://github.com', owner: 'acme', repo: 'webapp' }
const meta: IssueMetadata = {
  version: 1,
  fingerprint: `v1:${'a'.repeat(32)}`,
  workflow: '.github/workflows/ci.yml',
  featureId: '',
  branch: 'main',
  pr: null,
  runs: [],
  attemptCount: 0,
  firstSeen: '2026-12-01T00:00:00.000Z',
  lastSeen: '2026-12-01T00:00:00.000Z'
}
const contextFor = (i: number) =>
  ({
    runId: 9000 + i,
    attempt: 1,
    sha: 'f'.repeat(40),
    // the longest branch GitHub allows, with markdown that must be escaped
    branch: `feature/${'|*_'.repeat(82)}`,
    pr: { number: 100 + i }
  }) as unknown as RunContext

describe('the Seen section', () => {
  it('lists the runs newest first with branch, PR and commit, and says how often', () => {
    let m = meta
    for (let i = 0; i < 3; i++)
      m = addRun(
        m,
        runKeyOf(contextFor(i), `2026-12-0${i + 1}T10:00:00.000Z`),
        `2026-12-0${i + 1}T10:00:00.000Z`
      )
    const history = renderHistory(m, where)
    expect(history).toContain('Seen **3** times')
    expect(history).toContain('in 3 pull requests')
    const rows = history.split('\n').filter(line => line.startsWith('| [run'))
    expect(rows.map(row => /run (\d+)/.exec(row)?.[1])).toEqual(['9002', '9001', '9000'])
    expect(rows[0]).toContain('| #102 |')
  })

  it('a body filed at the size budget stays under GitHub’s limit however many repeats follow', () => {
    const start = `${'x'.repeat(BODY_BUDGET - 2000)}\n<!-- log-bugs:fingerprint=${meta.fingerprint} -->\n`
    let m = meta
    let body = replaceMetadata(start, m)
    for (let i = 0; i < 500; i++) {
      m = addRun(m, runKeyOf(contextFor(i), '2026-12-01T10:00:00.000Z'), '2026-12-01T10:00:00.000Z')
      body = replaceHistory(replaceMetadata(body, m), renderHistory(m, where))
    }
    expect(m.attemptCount).toBe(500)
    expect(body.length).toBeLessThanOrEqual(65_536)
    expect(body).toContain('480 earlier run(s) not shown')
  })
})
