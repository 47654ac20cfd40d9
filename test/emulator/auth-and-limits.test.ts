import { describe, expect, it } from 'vitest'
import {
  forkPullRequestToken,
  octokitFor,
  startEmulator
} from '../../scripts/dev/emulator/index.js'
import { asFailure, shouldHaveFailed } from '../../scripts/dev/emulator/request-failure.js'
import { sampleScenario } from './sample-scenario.js'

const owner = 'octo-org'
const repo = 'widgets'

describe('authentication', () => {
  it('answers 401 Bad credentials for an unknown token and Requires authentication without one', async () => {
    await using gh = await startEmulator(sampleScenario())
    const bad = await octokitFor(gh, 'nope')
      .rest.issues.listForRepo({ owner, repo })
      .then(shouldHaveFailed, asFailure)
    expect(bad.status).toBe(401)
    expect(bad.response.data).toEqual({
      message: 'Bad credentials',
      documentation_url: 'https://docs.github.com/rest',
      status: '401'
    })
    const anonymous = await fetch(`${gh.url}/repos/${owner}/${repo}/issues`)
    expect(anonymous.status).toBe(401)
    expect(((await anonymous.json()) as { message: string }).message).toBe(
      'Requires authentication'
    )
    expect(gh.requests.map(r => r.token)).toEqual(['nope', null])
  })

  it('accepts both "token X" and "Bearer X"', async () => {
    await using gh = await startEmulator(sampleScenario())
    for (const scheme of ['token', 'Bearer']) {
      const response = await fetch(`${gh.url}/repos/${owner}/${repo}`, {
        headers: { authorization: `${scheme} ghs_test-token` }
      })
      expect(response.status).toBe(200)
    }
  })
})

describe('permissions', () => {
  it('lets a fork-PR (read-only) token read but not write, naming the accepted permissions', async () => {
    await using gh = await startEmulator(sampleScenario({ tokens: { fork: forkPullRequestToken } }))
    const octokit = octokitFor(gh, 'fork')
    expect(
      (await octokit.rest.actions.listJobsForWorkflowRun({ owner, repo, run_id: 9001 })).status
    ).toBe(200)
    expect((await octokit.rest.issues.listForRepo({ owner, repo })).status).toBe(200)
    expect((await octokit.rest.repos.get({ owner, repo })).status).toBe(200)

    const create = await octokit.rest.issues
      .create({ owner, repo, title: 'x' })
      .then(shouldHaveFailed, asFailure)
    expect(create.status).toBe(403)
    expect(create.response.data).toEqual({
      message: 'Resource not accessible by integration',
      documentation_url: 'https://docs.github.com/rest/issues/issues#create-an-issue',
      status: '403'
    })
    expect(create.response.headers['x-accepted-github-permissions']).toBe('issues=write')

    const comment = await octokit.rest.issues
      .createComment({ owner, repo, issue_number: 2, body: 'x' })
      .then(shouldHaveFailed, asFailure)
    expect(comment.status).toBe(403)
    expect(comment.response.headers['x-accepted-github-permissions']).toBe(
      'issues=write; pull_requests=write'
    )
    expect(gh.state.issues).toHaveLength(3)
    expect(gh.state.comments).toHaveLength(1)
  })

  it('accepts pull_requests:write alone for comments on a PR, but not on an issue', async () => {
    await using gh = await startEmulator(
      sampleScenario({
        tokens: {
          pr: {
            login: 'github-actions[bot]',
            kind: 'installation',
            permissions: { pull_requests: 'write' }
          }
        }
      })
    )
    const octokit = octokitFor(gh, 'pr')
    expect(
      (await octokit.rest.issues.createComment({ owner, repo, issue_number: 2, body: 'on PR' }))
        .status
    ).toBe(201)
    expect(
      (
        await octokit.rest.issues
          .createComment({ owner, repo, issue_number: 1, body: 'x' })
          .then(shouldHaveFailed, asFailure)
      ).status
    ).toBe(403)
  })

  it('needs actions:read for runs, jobs and logs', async () => {
    await using gh = await startEmulator(
      sampleScenario({
        tokens: {
          restricted: {
            login: 'github-actions[bot]',
            kind: 'installation',
            permissions: { issues: 'write', contents: 'read' }
          }
        }
      })
    )
    const octokit = octokitFor(gh, 'restricted')
    for (const call of [
      octokit.rest.actions.getWorkflowRun({ owner, repo, run_id: 9001 }),
      octokit.rest.actions.listJobsForWorkflowRun({ owner, repo, run_id: 9001 }),
      octokit.rest.actions.downloadJobLogsForWorkflowRun({ owner, repo, job_id: 202 })
    ]) {
      const error = await call.then(shouldHaveFailed, asFailure)
      expect(error.status).toBe(403)
      expect(error.response.headers['x-accepted-github-permissions']).toBe('actions=read')
    }
  })
})

describe('rate limits', () => {
  it('sends GitHub rate-limit headers and a request id on every response', async () => {
    await using gh = await startEmulator(sampleScenario())
    const { headers } = await octokitFor(gh).rest.repos.get({ owner, repo })
    expect(headers).toMatchObject({
      'x-ratelimit-limit': '1000',
      'x-ratelimit-remaining': '999',
      'x-ratelimit-used': '1',
      'x-ratelimit-reset': String(Date.parse('2026-11-26T11:00:00Z') / 1000),
      'x-ratelimit-resource': 'core'
    })
    expect(headers['x-github-request-id']).toMatch(/^[0-9A-F]+(:[0-9A-F]+){4}$/)
  })

  it('answers 403 once the token is exhausted, and recovers after the reset', async () => {
    const reset = Date.parse('2026-11-26T10:10:00Z') / 1000
    await using gh = await startEmulator(
      sampleScenario({
        tokens: {
          'ghs_test-token': {
            login: 'github-actions[bot]',
            kind: 'installation',
            permissions: { issues: 'write' },
            rateLimit: { limit: 1000, remaining: 2, reset }
          }
        }
      })
    )
    const octokit = octokitFor(gh)
    expect(
      (await octokit.rest.issues.get({ owner, repo, issue_number: 1 })).headers[
        'x-ratelimit-remaining'
      ]
    ).toBe('1')
    expect(
      (await octokit.rest.issues.get({ owner, repo, issue_number: 1 })).headers[
        'x-ratelimit-remaining'
      ]
    ).toBe('0')
    const limited = await octokit.rest.issues
      .create({ owner, repo, title: 'x' })
      .then(shouldHaveFailed, asFailure)
    expect(limited.status).toBe(403)
    expect(limited.response.data.message).toMatch(/^API rate limit exceeded for installation/)
    expect(limited.response.headers['x-ratelimit-remaining']).toBe('0')
    expect(limited.response.headers['x-ratelimit-reset']).toBe(String(reset))
    expect(gh.state.issues).toHaveLength(3)

    // GET /rate_limit itself is free, even when exhausted.
    const { data } = await octokit.rest.rateLimit.get()
    expect(data.resources.core).toEqual({ limit: 1000, remaining: 0, reset, used: 1000 })

    gh.clock.advance(10 * 60_000)
    const after = await octokit.rest.issues.get({ owner, repo, issue_number: 1 })
    expect(after.headers['x-ratelimit-remaining']).toBe('999')
  })

  it('gives search its own 30/minute bucket', async () => {
    await using gh = await startEmulator(sampleScenario())
    const octokit = octokitFor(gh)
    const q = `repo:${owner}/${repo} is:issue`
    for (let i = 0; i < 30; i++) await octokit.rest.search.issuesAndPullRequests({ q })
    const limited = await octokit.rest.search
      .issuesAndPullRequests({ q })
      .then(shouldHaveFailed, asFailure)
    expect(limited.status).toBe(403)
    expect(limited.response.headers['x-ratelimit-resource']).toBe('search')
    // Core requests are unaffected.
    expect(
      (await octokit.rest.issues.get({ owner, repo, issue_number: 1 })).headers[
        'x-ratelimit-remaining'
      ]
    ).toBe('999')
    gh.clock.advance(60_000)
    expect((await octokit.rest.search.issuesAndPullRequests({ q })).status).toBe(200)
  })
})
