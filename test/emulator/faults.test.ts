import { describe, expect, it } from 'vitest'
import { octokitFor, signedLogRoute, startEmulator } from '../../scripts/dev/emulator/index.js'
import { asFailure, shouldHaveFailed } from '../../scripts/dev/emulator/request-failure.js'
import { sampleScenario } from './sample-scenario.js'

const owner = 'octo-org'
const repo = 'widgets'

describe('fault injection', () => {
  it('fails the next matching request once with 502, then behaves', async () => {
    await using gh = await startEmulator(sampleScenario())
    gh.faults.add({ route: 'POST /repos/{owner}/{repo}/issues', status: 502 })
    const octokit = octokitFor(gh)
    const first = await octokit.rest.issues
      .create({ owner, repo, title: 'x' })
      .then(shouldHaveFailed, asFailure)
    expect(first.status).toBe(502)
    expect(first.response.data).toMatchObject({ message: 'Server Error', status: '502' })
    // A faulted request is recorded but changes nothing.
    expect(gh.state.issues).toHaveLength(3)
    const second = await octokit.rest.issues.create({ owner, repo, title: 'x' })
    expect(second.status).toBe(201)
    expect(gh.writeRequests().map(r => r.status)).toEqual([502, 201])
  })

  it('serves a secondary rate limit with retry-after', async () => {
    await using gh = await startEmulator(sampleScenario())
    gh.faults.add({
      route: 'POST /repos/{owner}/{repo}/issues/{issue_number}/comments',
      status: 403,
      headers: { 'retry-after': '60' }
    })
    const error = await octokitFor(gh)
      .rest.issues.createComment({ owner, repo, issue_number: 1, body: 'x' })
      .then(shouldHaveFailed, asFailure)
    expect(error.status).toBe(403)
    expect(error.response.headers['retry-after']).toBe('60')
    expect(error.response.data).toMatchObject({
      message: expect.stringMatching(/^You have exceeded a secondary rate limit/)
    })
    expect(gh.state.comments).toHaveLength(1)
  })

  it('matches on method and bare template, honours times, and can be cleared', async () => {
    await using gh = await startEmulator(sampleScenario())
    const octokit = octokitFor(gh)
    gh.faults.add({
      route: '/repos/{owner}/{repo}/issues/{issue_number}',
      method: 'PATCH',
      status: 500,
      times: 2
    })
    expect((await octokit.rest.issues.get({ owner, repo, issue_number: 1 })).status).toBe(200)
    expect(
      (
        await octokit.rest.issues
          .update({ owner, repo, issue_number: 1, title: 'a' })
          .then(shouldHaveFailed, asFailure)
      ).status
    ).toBe(500)
    expect(
      (
        await octokit.rest.issues
          .update({ owner, repo, issue_number: 1, title: 'a' })
          .then(shouldHaveFailed, asFailure)
      ).status
    ).toBe(500)
    expect(
      (await octokit.rest.issues.update({ owner, repo, issue_number: 1, title: 'a' })).status
    ).toBe(200)

    gh.faults.add({ status: 503, times: 5 })
    gh.faults.clear()
    expect((await octokit.rest.repos.get({ owner, repo })).status).toBe(200)
  })

  it('uses a custom body and applies to signed log downloads too', async () => {
    await using gh = await startEmulator(sampleScenario())
    gh.faults.add({ route: 'GET /search/issues', status: 422, body: { message: 'custom' } })
    const error = await octokitFor(gh)
      .rest.search.issuesAndPullRequests({ q: `repo:${owner}/${repo} is:issue` })
      .then(shouldHaveFailed, asFailure)
    expect(error.response.data).toEqual({ message: 'custom' })

    gh.faults.add({ route: signedLogRoute, status: 503 })
    const logs = await octokitFor(gh)
      .rest.actions.downloadJobLogsForWorkflowRun({ owner, repo, job_id: 202 })
      .then(shouldHaveFailed, asFailure)
    expect(logs.status).toBe(503)
  })

  it('does not spend the rate limit on faulted requests', async () => {
    await using gh = await startEmulator(sampleScenario())
    gh.faults.add({ route: 'GET /repos/{owner}/{repo}', status: 502, times: 3 })
    const octokit = octokitFor(gh)
    for (let i = 0; i < 3; i++)
      await octokit.rest.repos.get({ owner, repo }).then(shouldHaveFailed, asFailure)
    const { headers } = await octokit.rest.repos.get({ owner, repo })
    expect(headers['x-ratelimit-used']).toBe('1')
  })
})
