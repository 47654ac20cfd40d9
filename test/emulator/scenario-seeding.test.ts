import { describe, expect, it } from 'vitest'
import { createManualClock, octokitFor, startEmulator } from '../../scripts/dev/emulator/index.js'

const base = { owner: 'o', repo: 'r' }

describe('seeding from a scenario', () => {
  it('numbers issues and PRs from one sequence, around explicit numbers', async () => {
    await using gh = await startEmulator({
      ...base,
      issues: [{ title: 'a' }, { number: 2, title: 'b' }, { title: 'c' }],
      pulls: [{ title: 'p', user: 'dev', head: { ref: 'x', sha: 'e'.repeat(40) } }]
    })
    expect(gh.state.issues.map(i => [i.number, i.title, i.pull_request])).toEqual([
      [1, 'a', false],
      [2, 'b', false],
      [3, 'c', false],
      [4, 'p', true]
    ])
    const { data } = await octokitFor(gh).rest.issues.create({ ...base, title: 'next' })
    expect(data.number).toBe(5)
  })

  it('refuses inconsistent seeds with a message saying what is wrong', async () => {
    await expect(
      startEmulator({
        ...base,
        issues: [{ number: 1, title: 'a' }],
        pulls: [{ number: 1, title: 'b', user: 'u', head: { ref: 'x', sha: 'f'.repeat(40) } }]
      })
    ).rejects.toThrow('same number')
    await expect(
      startEmulator({
        ...base,
        runs: [
          {
            id: 1,
            name: 'CI',
            path: 'ci.yml',
            head_branch: 'b',
            head_sha: 'f'.repeat(40),
            event: 'push',
            pull_requests: [7],
            jobs: []
          }
        ]
      })
    ).rejects.toThrow('PR #7')
    await expect(
      startEmulator({ ...base, comments: [{ issue_number: 3, body: 'x', user: 'u' }] })
    ).rejects.toThrow('#3')
  })

  it('defaults: GITHUB_TOKEN-like ghs_test-token, owner assignable, undeclared authors not', async () => {
    await using gh = await startEmulator({ ...base, issues: [{ title: 'a', user: 'drive-by' }] })
    const octokit = octokitFor(gh)
    expect(
      (await octokit.rest.issues.checkUserCanBeAssigned({ ...base, assignee: 'o' })).status
    ).toBe(204)
    const error = await octokit.rest.issues
      .checkUserCanBeAssigned({ ...base, assignee: 'drive-by' })
      .catch((e: unknown) => e)
    expect(error).toMatchObject({ status: 404 })
    expect(gh.state.tokens['ghs_test-token']).toMatchObject({
      login: 'github-actions[bot]',
      kind: 'installation'
    })
    expect(gh.state.defaultBranch).toBe('main')
  })

  it('derives run conclusion and attempt from the jobs, and job fields from the run', async () => {
    await using gh = await startEmulator({
      ...base,
      runs: [
        {
          id: 5,
          name: 'CI',
          path: '.github/workflows/ci.yml',
          head_branch: 'main',
          head_sha: '1'.repeat(40),
          event: 'push',
          jobs: [
            { id: 1, name: 'a', run_attempt: 1, conclusion: 'failure' },
            { id: 2, name: 'a', run_attempt: 2 }
          ]
        }
      ]
    })
    const run = gh.state.runs[0]
    expect(run).toMatchObject({ run_attempt: 2, status: 'completed', conclusion: 'success' })
    expect(run?.jobs[1]).toMatchObject({
      status: 'completed',
      conclusion: 'success',
      completed_at: '2026-11-26T09:41:10Z'
    })
  })

  it('takes an injected clock, and seeds are searchable at once whatever the lag', async () => {
    const clock = createManualClock(Date.parse('2030-01-01T00:00:00Z'))
    await using gh = await startEmulator(
      { ...base, searchLagMs: 600_000, issues: [{ title: 'old' }] },
      { clock }
    )
    expect(gh.clock).toBe(clock)
    const { data } = await octokitFor(gh).rest.search.issuesAndPullRequests({
      q: 'repo:o/r is:issue old'
    })
    expect(data.total_count).toBe(1)
    const created = await octokitFor(gh).rest.issues.create({ ...base, title: 'new' })
    expect(created.data.created_at).toBe('2030-01-01T00:00:00Z')
    expect(() => clock.advance(-1)).toThrow(RangeError)
  })
})
