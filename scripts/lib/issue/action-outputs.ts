import {
  closes,
  outcomeClass,
  outcomeFingerprint,
  outcomeIssue,
  outcomeSeen,
  type Outcome
} from './outcome.js'

/**
 * The action's outputs that create-issue knows, from the outcomes so far: set even when filing
 * failed part-way, so a workflow that reads them after a failure gets what did happen.
 */
export function issueOutputs(outcomes: readonly Outcome[]): Record<string, string> {
  const failures = outcomes.filter(o => !closes(o))
  const numbered = failures.map(outcomeIssue).filter(issue => issue !== null)
  const resolved = outcomes.filter(o => o.kind === 'resolved')
  return {
    'issue-numbers': [...new Set(numbered.map(issue => issue.number))].join(','),
    'issue-urls': [...new Set(numbered.map(issue => issue.url))].join(','),
    created: String(outcomes.filter(o => o.kind === 'filed').length),
    'is-retry': String(outcomes.some(o => o.kind === 'recorded' && o.seen > 1)),
    'attempt-count': String(Math.max(0, ...failures.map(outcomeSeen))),
    'resolved-issues': resolved.map(o => o.issue.number).join(','),
    'new-failures': String(failures.filter(o => outcomeClass(o) === 'new').length),
    'unrelated-failures': String(
      failures.filter(o => outcomeClass(o) === 'broken-trunk' || outcomeClass(o) === 'flaky').length
    ),
    failures: JSON.stringify(
      failures.map(o => ({
        fingerprint: outcomeFingerprint(o),
        class: outcomeClass(o),
        issue: outcomeIssue(o)?.number ?? null
      }))
    )
  }
}
