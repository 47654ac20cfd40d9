import { describe, expect, it } from 'vitest'
import { octokitFor, startEmulator, type SeedJob } from '../../scripts/dev/emulator/index.js'
import { asFailure, shouldHaveFailed } from '../../scripts/dev/emulator/request-failure.js'
import { forkSha, headSha, sampleScenario } from './sample-scenario.js'

const owner = 'octo-org'
const repo = 'widgets'

describe('workflow runs and jobs', () => {
  it('returns the run with GitHub URLs and the same-repo PR', async () => {
    await using gh = await startEmulator(sampleScenario())
    const { data } = await octokitFor(gh).rest.actions.getWorkflowRun({ owner, repo, run_id: 9001 })
    expect(data).toMatchObject({
      id: 9001,
      name: 'CI',
      path: '.github/workflows/ci.yml',
      head_branch: 'feature/widgets',
      head_sha: headSha,
      run_attempt: 2,
      event: 'pull_request',
      status: 'completed',
      conclusion: 'failure',
      html_url: `https://github.com/${owner}/${repo}/actions/runs/9001`,
      display_title: 'CI',
      previous_attempt_url: `${gh.url}/repos/${owner}/${repo}/actions/runs/9001/attempts/1`
    })
    expect(data.pull_requests).toEqual([
      {
        url: `${gh.url}/repos/${owner}/${repo}/pulls/2`,
        id: 2000000002,
        number: 2,
        head: {
          ref: 'feature/widgets',
          sha: headSha,
          repo: { id: gh.state.repoId, url: `${gh.url}/repos/${owner}/${repo}`, name: repo }
        },
        base: {
          ref: 'main',
          sha: expect.stringMatching(/^[0-9a-f]{40}$/),
          repo: { id: gh.state.repoId, url: `${gh.url}/repos/${owner}/${repo}`, name: repo }
        }
      }
    ])
    const excluded = await octokitFor(gh).rest.actions.getWorkflowRun({
      owner,
      repo,
      run_id: 9001,
      exclude_pull_requests: true
    })
    expect(excluded.data.pull_requests).toEqual([])
  })

  it('leaves pull_requests empty for a fork PR run, whose head repository is the fork', async () => {
    await using gh = await startEmulator(sampleScenario())
    const { data } = await octokitFor(gh).rest.actions.getWorkflowRun({ owner, repo, run_id: 9002 })
    expect(data.pull_requests).toEqual([])
    expect(data.head_repository.full_name).toBe('stranger/widgets')
    expect(data.head_repository.fork).toBe(true)
  })

  it('lists only the latest attempt by default and every attempt with filter=all', async () => {
    await using gh = await startEmulator(sampleScenario())
    const octokit = octokitFor(gh)
    const latest = await octokit.rest.actions.listJobsForWorkflowRun({ owner, repo, run_id: 9001 })
    expect(latest.data.total_count).toBe(3)
    expect(latest.data.jobs.map(j => [j.id, j.run_attempt, j.status, j.conclusion])).toEqual([
      [201, 2, 'completed', 'success'],
      [202, 2, 'completed', 'failure'],
      [203, 2, 'in_progress', null]
    ])
    expect(latest.data.jobs[1]).toMatchObject({
      html_url: `https://github.com/${owner}/${repo}/actions/runs/9001/job/202`,
      run_id: 9001,
      workflow_name: 'CI',
      head_sha: headSha,
      head_branch: 'feature/widgets'
    })
    const all = await octokit.rest.actions.listJobsForWorkflowRun({
      owner,
      repo,
      run_id: 9001,
      filter: 'all'
    })
    expect(all.data.jobs.map(j => j.id)).toEqual([101, 102, 201, 202, 203])
    const first = await octokit.rest.actions.listJobsForWorkflowRunAttempt({
      owner,
      repo,
      run_id: 9001,
      attempt_number: 1
    })
    expect(first.data.jobs.map(j => j.id)).toEqual([101, 102])
    const none = await octokit.rest.actions
      .listJobsForWorkflowRunAttempt({ owner, repo, run_id: 9001, attempt_number: 3 })
      .then(shouldHaveFailed, asFailure)
    expect(none.status).toBe(404)
  })

  it('paginates jobs (per_page max 100) and octokit.paginate flattens them', async () => {
    const jobs: SeedJob[] = Array.from({ length: 130 }, (_, i) => ({
      id: 1000 + i,
      name: `shard ${i}`
    }))
    await using gh = await startEmulator(
      sampleScenario({
        runs: [
          {
            id: 1,
            name: 'CI',
            path: '.github/workflows/ci.yml',
            head_branch: 'main',
            head_sha: headSha,
            event: 'push',
            jobs
          }
        ]
      })
    )
    const octokit = octokitFor(gh)
    const capped = await octokit.rest.actions.listJobsForWorkflowRun({
      owner,
      repo,
      run_id: 1,
      per_page: 500
    })
    expect(capped.data.jobs).toHaveLength(100)
    expect(capped.data.total_count).toBe(130)
    const all = await octokit.paginate(octokit.rest.actions.listJobsForWorkflowRun, {
      owner,
      repo,
      run_id: 1,
      per_page: 100
    })
    expect(all.map(j => j.id)).toEqual(jobs.map(j => j.id))
  })

  it('gets a single job and 404s unknown runs and jobs', async () => {
    await using gh = await startEmulator(sampleScenario())
    const octokit = octokitFor(gh)
    const { data } = await octokit.rest.actions.getJobForWorkflowRun({ owner, repo, job_id: 202 })
    expect(data.steps?.map(s => s.name)).toEqual(['Set up job', 'Run tests', 'Complete job'])
    expect(data.steps?.[1]?.conclusion).toBe('failure')
    expect(
      (
        await octokit.rest.actions
          .getJobForWorkflowRun({ owner, repo, job_id: 1 })
          .then(shouldHaveFailed, asFailure)
      ).status
    ).toBe(404)
    expect(
      (
        await octokit.rest.actions
          .getWorkflowRun({ owner, repo, run_id: 1 })
          .then(shouldHaveFailed, asFailure)
      ).status
    ).toBe(404)
  })
})

describe('pull requests', () => {
  it('finds the PR for a head sha, fork or not', async () => {
    await using gh = await startEmulator(sampleScenario())
    const octokit = octokitFor(gh)
    const same = await octokit.rest.repos.listPullRequestsAssociatedWithCommit({
      owner,
      repo,
      commit_sha: headSha
    })
    expect(same.data.map(p => [p.number, p.head.ref, p.head.repo?.full_name])).toEqual([
      [2, 'feature/widgets', `${owner}/${repo}`]
    ])
    const fork = await octokit.rest.repos.listPullRequestsAssociatedWithCommit({
      owner,
      repo,
      commit_sha: forkSha
    })
    expect(fork.data.map(p => [p.number, p.head.label, p.head.repo?.fork])).toEqual([
      [3, 'stranger:patch-1', true]
    ])
  })

  it('answers 422 for a commit it has never seen', async () => {
    await using gh = await startEmulator(sampleScenario())
    const error = await octokitFor(gh)
      .rest.repos.listPullRequestsAssociatedWithCommit({ owner, repo, commit_sha: 'd'.repeat(40) })
      .then(shouldHaveFailed, asFailure)
    expect(error.status).toBe(422)
    expect(error.response.data.message).toBe(`No commit found for SHA: ${'d'.repeat(40)}`)
  })

  it('answers [] for a fork-only commit: known, but associated with no PR', async () => {
    await using gh = await startEmulator(sampleScenario({ forkOnlyCommits: [forkSha] }))
    const octokit = octokitFor(gh)
    const fork = await octokit.rest.repos.listPullRequestsAssociatedWithCommit({
      owner,
      repo,
      commit_sha: forkSha.slice(0, 7)
    })
    expect(fork.data).toEqual([])
    const same = await octokit.rest.repos.listPullRequestsAssociatedWithCommit({
      owner,
      repo,
      commit_sha: headSha
    })
    expect(same.data.map(p => p.number)).toEqual([2])
    expect(gh.state.openapiViolations).toEqual([])
  })

  it('lists PRs by head (user:ref-name), state and base, newest first', async () => {
    await using gh = await startEmulator(
      sampleScenario({
        pulls: [
          {
            title: 'Add widgets',
            user: 'maintainer',
            head: { ref: 'feature/widgets', sha: headSha }
          },
          {
            title: 'Fork fix',
            user: 'stranger',
            head: { ref: 'patch-1', sha: forkSha, repo: 'stranger/widgets' }
          },
          {
            title: 'Old fork fix',
            user: 'stranger',
            state: 'closed',
            head: { ref: 'patch-1', sha: 'c'.repeat(40), repo: 'stranger/widgets' }
          },
          {
            title: 'Backport',
            user: 'maintainer',
            head: { ref: 'patch-1', sha: 'e'.repeat(40) },
            base: { ref: 'release/1.x' }
          }
        ]
      })
    )
    const octokit = octokitFor(gh)
    const list = async (
      query: Omit<NonNullable<Parameters<typeof octokit.rest.pulls.list>[0]>, 'owner' | 'repo'>
    ) => (await octokit.rest.pulls.list({ owner, repo, ...query })).data.map(p => p.number)

    expect(await list({ head: 'stranger:patch-1' })).toEqual([3])
    expect(await list({ head: 'STRANGER:patch-1', state: 'all' })).toEqual([4, 3])
    expect(await list({ head: 'stranger:patch-1', state: 'closed' })).toEqual([4])
    expect(await list({ head: `${owner}:patch-1` })).toEqual([5])
    expect(await list({ head: 'stranger:patch-2' })).toEqual([])
    // Without `user:` GitHub ignores the filter and lists every open PR.
    expect(await list({ head: 'patch-1' })).toEqual([5, 3, 2])
    expect(await list({ base: 'release/1.x' })).toEqual([5])
    expect(await list({ direction: 'asc' })).toEqual([2, 3, 5])
    const [fork] = (await octokit.rest.pulls.list({ owner, repo, head: 'stranger:patch-1' })).data
    expect(fork?.head).toMatchObject({ label: 'stranger:patch-1', sha: forkSha })
    expect(fork?.head.repo?.full_name).toBe('stranger/widgets')
    expect(gh.state.openapiViolations).toEqual([])
  })

  it('gets a PR, and 404s an issue number that is not a PR', async () => {
    await using gh = await startEmulator(sampleScenario())
    const octokit = octokitFor(gh)
    const { data } = await octokit.rest.pulls.get({ owner, repo, pull_number: 2 })
    expect(data).toMatchObject({ number: 2, title: 'Add widgets', state: 'open', merged: false })
    expect(data.base.ref).toBe('main')
    expect(
      (
        await octokit.rest.pulls
          .get({ owner, repo, pull_number: 1 })
          .then(shouldHaveFailed, asFailure)
      ).status
    ).toBe(404)
  })
})

describe('repository and identity', () => {
  it('describes the repository', async () => {
    await using gh = await startEmulator(sampleScenario({ private: true, defaultBranch: 'trunk' }))
    const { data } = await octokitFor(gh).rest.repos.get({ owner, repo })
    expect(data).toMatchObject({
      full_name: `${owner}/${repo}`,
      private: true,
      visibility: 'private',
      default_branch: 'trunk'
    })
  })

  it('answers GET /user with 403 for an installation token and the user for a user token', async () => {
    await using gh = await startEmulator(
      sampleScenario({
        tokens: {
          'ghs_test-token': {
            login: 'github-actions[bot]',
            kind: 'installation',
            permissions: { issues: 'write' }
          },
          pat: { login: 'maintainer', kind: 'user', permissions: {} }
        }
      })
    )
    const denied = await octokitFor(gh)
      .rest.users.getAuthenticated()
      .then(shouldHaveFailed, asFailure)
    expect(denied.status).toBe(403)
    expect(denied.response.data.message).toBe('Resource not accessible by integration')
    const me = await octokitFor(gh, 'pat').rest.users.getAuthenticated()
    expect(me.data.login).toBe('maintainer')
  })

  it('answers 404 for another repository', async () => {
    await using gh = await startEmulator(sampleScenario())
    const error = await octokitFor(gh)
      .rest.issues.listForRepo({ owner, repo: 'other' })
      .then(shouldHaveFailed, asFailure)
    expect(error.status).toBe(404)
    expect(error.response.data.message).toBe('Not Found')
  })
})
