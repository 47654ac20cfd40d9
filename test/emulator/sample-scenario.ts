import type { Scenario } from '../../scripts/dev/emulator/scenario.js'

export const headSha = 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678'
export const forkSha = 'f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0'

/**
 * A repository with one failed CI run on a same-repo PR (#2), a fork PR (#3), one open
 * tracking issue (#1), and a second run attempt, for tests that need a bit of everything.
 */
export function sampleScenario(overrides: Partial<Scenario> = {}): Scenario {
  return {
    owner: 'octo-org',
    repo: 'widgets',
    users: [{ login: 'maintainer' }, { login: 'outsider', assignable: false }],
    labels: [
      { name: 'ci failure', color: 'd73a4a', description: 'Filed by log-bugs' },
      { name: 'bug', color: 'ee0701', description: null }
    ],
    issues: [
      {
        title: 'CI failure: test (ubuntu-latest)',
        body: 'Tracked failure\n<!-- log-bugs:fingerprint=abc123 -->',
        labels: ['ci failure'],
        user: 'github-actions[bot]'
      }
    ],
    pulls: [
      { title: 'Add widgets', user: 'maintainer', head: { ref: 'feature/widgets', sha: headSha } },
      {
        title: 'Fork fix',
        user: 'stranger',
        head: { ref: 'patch-1', sha: forkSha, repo: 'stranger/widgets' }
      }
    ],
    comments: [{ issue_number: 1, body: 'Seen again on main', user: 'maintainer' }],
    runs: [
      {
        id: 9001,
        name: 'CI',
        path: '.github/workflows/ci.yml',
        head_branch: 'feature/widgets',
        head_sha: headSha,
        event: 'pull_request',
        run_attempt: 2,
        pull_requests: [2],
        jobs: [
          { id: 101, name: 'lint', run_attempt: 1, conclusion: 'success' },
          { id: 102, name: 'test', run_attempt: 1, conclusion: 'failure' },
          { id: 201, name: 'lint', run_attempt: 2, conclusion: 'success' },
          {
            id: 202,
            name: 'test',
            run_attempt: 2,
            conclusion: 'failure',
            log: '2026-11-26T09:41:00.0000000Z npm test\n2026-11-26T09:41:05.0000000Z ##[error]expected 2 to be 3\n'
          },
          { id: 203, name: 'e2e', run_attempt: 2, status: 'in_progress' }
        ]
      },
      {
        id: 9002,
        name: 'CI',
        path: '.github/workflows/ci.yml',
        head_branch: 'patch-1',
        head_sha: forkSha,
        event: 'pull_request',
        // GitHub leaves pull_requests empty for runs of fork PRs.
        pull_requests: [],
        jobs: [
          { id: 301, name: 'test', conclusion: 'failure', log: { status: 410 } },
          { id: 302, name: 'build', conclusion: 'failure', log: { status: 404 } }
        ]
      }
    ],
    ...overrides
  }
}
