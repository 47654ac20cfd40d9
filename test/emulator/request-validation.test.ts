import { describe, expect, it } from 'vitest'
import { octokitFor, startEmulator } from '../../scripts/dev/emulator/index.js'
import { asFailure, shouldHaveFailed } from '../../scripts/dev/emulator/request-failure.js'
import { sampleScenario } from './sample-scenario.js'

const owner = 'octo-org'
const repo = 'widgets'

describe('unknown routes', () => {
  it('answers 404 naming the route, records it, and flags it as a violation', async () => {
    await using gh = await startEmulator(sampleScenario())
    const error = await octokitFor(gh)
      .request('GET /repos/{owner}/{repo}/issues/comments', { owner, repo })
      .then(shouldHaveFailed, asFailure)
    expect(error.status).toBe(404)
    expect(error.response.data).toEqual({
      message: `Not Found: emulator has no route GET /repos/${owner}/${repo}/issues/comments`,
      documentation_url: 'https://docs.github.com/rest',
      status: '404'
    })
    expect(gh.requests[0]).toMatchObject({ route: 'UNKNOWN', status: 404 })
    expect(gh.state.openapiViolations).toEqual([
      { route: 'UNKNOWN', kind: 'route', message: error.response.data.message }
    ])
  })
})

describe('request validation against the OpenAPI description', () => {
  it('refuses a body key the operation does not declare (422, GitHub wording)', async () => {
    await using gh = await startEmulator(sampleScenario())
    const error = await octokitFor(gh)
      .request('POST /repos/{owner}/{repo}/issues', {
        owner,
        repo,
        title: 'x',
        labelz: ['bug']
      } as never)
      .then(shouldHaveFailed, asFailure)
    expect(error.status).toBe(422)
    expect(error.response.data.message).toBe('Invalid request.\n\n"labelz" is not a permitted key.')
    expect(gh.state.openapiViolations).toMatchObject([
      {
        route: 'POST /repos/{owner}/{repo}/issues',
        kind: 'body',
        message: '"labelz" is not a permitted key.'
      }
    ])
    expect(gh.state.issues).toHaveLength(3)
  })

  it('refuses a body value of the wrong type', async () => {
    await using gh = await startEmulator(sampleScenario())
    const error = await octokitFor(gh)
      .request('POST /repos/{owner}/{repo}/issues', { owner, repo, title: true } as never)
      .then(shouldHaveFailed, asFailure)
    expect(error.status).toBe(422)
    expect(error.response.data.message).toBe(
      "Invalid request.\n\nFor 'properties/title', true is not a string or integer."
    )
  })

  it('refuses an empty labels array where the spec demands at least one', async () => {
    await using gh = await startEmulator(sampleScenario())
    const error = await octokitFor(gh)
      .rest.issues.addLabels({ owner, repo, issue_number: 1, labels: [] })
      .then(shouldHaveFailed, asFailure)
    expect(error.status).toBe(422)
    expect(gh.state.openapiViolations[0]?.kind).toBe('body')
  })

  it('refuses undeclared query parameters (GitHub would silently ignore a typo like label=)', async () => {
    await using gh = await startEmulator(sampleScenario())
    const error = await octokitFor(gh)
      .request('GET /repos/{owner}/{repo}/issues', { owner, repo, label: 'ci failure' })
      .then(shouldHaveFailed, asFailure)
    expect(error.status).toBe(422)
    expect(error.response.data.message).toBe('Invalid request.\n\n"label" is not a permitted key.')
    expect(gh.state.openapiViolations).toMatchObject([{ kind: 'query' }])
  })

  it('answers 400 for a query value of the wrong type and 422 for one outside the enum', async () => {
    await using gh = await startEmulator(sampleScenario())
    const octokit = octokitFor(gh)
    const badType = await octokit
      .request('GET /repos/{owner}/{repo}/issues', { owner, repo, per_page: 'many' } as never)
      .then(shouldHaveFailed, asFailure)
    expect(badType.status).toBe(400)
    const badEnum = await octokit
      .request('GET /repos/{owner}/{repo}/issues', { owner, repo, state: 'merged' } as never)
      .then(shouldHaveFailed, asFailure)
    expect(badEnum.status).toBe(422)
    expect(gh.state.openapiViolations).toHaveLength(2)
  })

  it('answers 400 Problems parsing JSON for a malformed body', async () => {
    await using gh = await startEmulator(sampleScenario())
    const response = await fetch(`${gh.url}/repos/${owner}/${repo}/issues`, {
      method: 'POST',
      headers: { authorization: 'token ghs_test-token', 'content-type': 'application/json' },
      body: '{"title": '
    })
    expect(response.status).toBe(400)
    expect(((await response.json()) as { message: string }).message).toBe('Problems parsing JSON')
    expect(gh.requests[0]?.body).toBe('{"title": ')
  })

  it('answers 400 when the body is JSON but not an object', async () => {
    await using gh = await startEmulator(sampleScenario())
    const response = await fetch(`${gh.url}/repos/${owner}/${repo}/issues`, {
      method: 'POST',
      headers: { authorization: 'token ghs_test-token', 'content-type': 'application/json' },
      body: '["title"]'
    })
    expect(response.status).toBe(400)
    expect(((await response.json()) as { message: string }).message).toBe(
      'Body should be a JSON object'
    )
  })

  it('refuses an API version GitHub does not serve', async () => {
    await using gh = await startEmulator(sampleScenario())
    const error = await octokitFor(gh)
      .rest.repos.get({ owner, repo, headers: { 'x-github-api-version': '2021-01-01' } })
      .then(shouldHaveFailed, asFailure)
    expect(error.status).toBe(400)
    expect(error.response.data.message).toBe('API version 2021-01-01 is not supported.')
    const ok = await octokitFor(gh).rest.repos.get({
      owner,
      repo,
      headers: { 'x-github-api-version': '2022-11-28' }
    })
    expect(ok.status).toBe(200)
  })
})

describe('request log', () => {
  it('records every request in order with route, status, token, body and clock time', async () => {
    await using gh = await startEmulator(sampleScenario())
    const octokit = octokitFor(gh)
    await octokit.rest.actions.listJobsForWorkflowRun({ owner, repo, run_id: 9001, per_page: 50 })
    gh.clock.advance(1_500)
    await octokit.rest.issues.create({ owner, repo, title: 'CI failure', labels: ['ci failure'] })
    await octokit.rest.issues.createComment({ owner, repo, issue_number: 2, body: 'see #4' })

    expect(gh.requests).toEqual([
      {
        method: 'GET',
        path: `/repos/${owner}/${repo}/actions/runs/9001/jobs`,
        query: { per_page: '50' },
        route: 'GET /repos/{owner}/{repo}/actions/runs/{run_id}/jobs',
        status: 200,
        token: 'ghs_test-token',
        body: null,
        at: Date.parse('2026-11-26T10:00:00Z')
      },
      {
        method: 'POST',
        path: `/repos/${owner}/${repo}/issues`,
        query: {},
        route: 'POST /repos/{owner}/{repo}/issues',
        status: 201,
        token: 'ghs_test-token',
        body: { title: 'CI failure', labels: ['ci failure'] },
        at: Date.parse('2026-11-26T10:00:01.500Z')
      },
      {
        method: 'POST',
        path: `/repos/${owner}/${repo}/issues/2/comments`,
        query: {},
        route: 'POST /repos/{owner}/{repo}/issues/{issue_number}/comments',
        status: 201,
        token: 'ghs_test-token',
        body: { body: 'see #4' },
        at: Date.parse('2026-11-26T10:00:01.500Z')
      }
    ])
    expect(gh.writeRequests().map(r => r.route)).toEqual([
      'POST /repos/{owner}/{repo}/issues',
      'POST /repos/{owner}/{repo}/issues/{issue_number}/comments'
    ])
    expect(gh.routeCounts()).toEqual({
      'GET /repos/{owner}/{repo}/actions/runs/{run_id}/jobs': 1,
      'POST /repos/{owner}/{repo}/issues': 1,
      'POST /repos/{owner}/{repo}/issues/{issue_number}/comments': 1
    })
  })

  it('closes idempotently and refuses connections afterwards', async () => {
    const gh = await startEmulator(sampleScenario())
    await octokitFor(gh).rest.repos.get({ owner, repo })
    await gh.close()
    await gh.close()
    await expect(fetch(`${gh.url}/repos/${owner}/${repo}`)).rejects.toThrow()
  })
})
