import { describe, expect, it } from 'vitest'
import { octokitFor, startEmulator, type SeedIssue } from '../../scripts/dev/emulator/index.js'
import { asFailure, shouldHaveFailed } from '../../scripts/dev/emulator/request-failure.js'
import { sampleScenario } from './sample-scenario.js'

const owner = 'octo-org'
const repo = 'widgets'

describe('issues', () => {
  it('creates an issue authored by the token login, auto-creating unknown labels', async () => {
    await using gh = await startEmulator(sampleScenario())
    const { data, status, headers } = await octokitFor(gh).rest.issues.create({
      owner,
      repo,
      title: 'CI failure: test',
      body: 'log tail',
      labels: ['ci failure', 'Flaky Test'],
      assignees: ['maintainer']
    })
    expect(status).toBe(201)
    expect(data.number).toBe(4) // issue #1 and PRs #2, #3 share the sequence
    expect(data.html_url).toBe(`https://github.com/${owner}/${repo}/issues/4`)
    expect(data.user?.login).toBe('github-actions[bot]')
    expect(data.user?.type).toBe('Bot')
    expect(data.created_at).toBe('2026-11-26T10:00:00Z')
    expect(headers.location).toBe(`${gh.url}/repos/${owner}/${repo}/issues/4`)
    expect(data.labels.map(l => (typeof l === 'string' ? l : l.name))).toEqual([
      'ci failure',
      'Flaky Test'
    ])
    expect(gh.state.labels.find(l => l.name === 'Flaky Test')).toMatchObject({
      color: 'ededed',
      description: null
    })
    expect(gh.state.issues.find(i => i.number === 4)).toMatchObject({
      user: 'github-actions[bot]',
      assignees: ['maintainer'],
      labels: ['ci failure', 'Flaky Test']
    })
  })

  it('reuses an existing label whatever its case', async () => {
    await using gh = await startEmulator(sampleScenario())
    await octokitFor(gh).rest.issues.create({ owner, repo, title: 't', labels: ['CI FAILURE'] })
    expect(gh.state.labels.filter(l => l.name.toLowerCase() === 'ci failure')).toHaveLength(1)
    expect(gh.state.issues.at(-1)?.labels).toEqual(['ci failure'])
  })

  it('fails the whole create with 422 when one assignee cannot be assigned', async () => {
    await using gh = await startEmulator(sampleScenario())
    const error = await octokitFor(gh)
      .rest.issues.create({ owner, repo, title: 't', assignees: ['maintainer', 'outsider'] })
      .then(shouldHaveFailed, asFailure)
    expect(error.status).toBe(422)
    expect(error.response.data).toEqual({
      message: 'Validation Failed',
      errors: [{ value: 'outsider', resource: 'Issue', field: 'assignees', code: 'invalid' }],
      documentation_url: 'https://docs.github.com/rest/issues/issues#create-an-issue',
      status: '422'
    })
    expect(gh.state.issues.map(i => i.number)).toEqual([1, 2, 3])
  })

  it('refuses a body of 65,537 characters and accepts 65,536', async () => {
    await using gh = await startEmulator(sampleScenario())
    const octokit = octokitFor(gh)
    const error = await octokit.rest.issues
      .create({ owner, repo, title: 't', body: 'x'.repeat(65_537) })
      .then(shouldHaveFailed, asFailure)
    expect(error.status).toBe(422)
    expect(error.response.data.errors).toEqual([
      {
        resource: 'Issue',
        code: 'custom',
        field: 'body',
        message: 'body is too long (maximum is 65536 characters)'
      }
    ])
    const ok = await octokit.rest.issues.create({
      owner,
      repo,
      title: 't',
      body: 'x'.repeat(65_536)
    })
    expect(ok.status).toBe(201)
  })

  it('refuses titles over 256 characters and a missing title', async () => {
    await using gh = await startEmulator(sampleScenario())
    const octokit = octokitFor(gh)
    const long = await octokit.rest.issues
      .create({ owner, repo, title: 't'.repeat(257) })
      .then(shouldHaveFailed, asFailure)
    expect(long.status).toBe(422)
    expect(long.response.data.errors).toEqual([
      {
        resource: 'Issue',
        code: 'custom',
        field: 'title',
        message: 'title is too long (maximum is 256 characters)'
      }
    ])
    const missing = await octokit
      .request('POST /repos/{owner}/{repo}/issues', { owner, repo, body: 'no title' } as never)
      .then(shouldHaveFailed, asFailure)
    expect(missing.status).toBe(422)
    expect(missing.response.data.message).toBe('Invalid request.\n\n"title" wasn\'t supplied.')
  })

  it('updates: labels and assignees replace, closing records who and why', async () => {
    await using gh = await startEmulator(sampleScenario())
    const octokit = octokitFor(gh)
    await octokit.rest.issues.update({ owner, repo, issue_number: 1, assignees: ['maintainer'] })
    gh.clock.advance(5_000)
    const { data } = await octokit.rest.issues.update({
      owner,
      repo,
      issue_number: 1,
      title: 'Renamed',
      labels: ['bug'],
      assignees: [],
      state: 'closed',
      state_reason: 'not_planned'
    })
    expect(data).toMatchObject({
      title: 'Renamed',
      state: 'closed',
      state_reason: 'not_planned',
      closed_at: '2026-11-26T10:00:05Z',
      updated_at: '2026-11-26T10:00:05Z',
      assignees: []
    })
    expect(data.closed_by?.login).toBe('github-actions[bot]')
    expect(gh.state.issues[0]?.labels).toEqual(['bug'])
    const reopened = await octokit.rest.issues.update({
      owner,
      repo,
      issue_number: 1,
      state: 'open'
    })
    expect(reopened.data).toMatchObject({
      state: 'open',
      state_reason: 'reopened',
      closed_at: null
    })
  })

  it('refuses an unassignable assignee on update too', async () => {
    await using gh = await startEmulator(sampleScenario())
    const error = await octokitFor(gh)
      .rest.issues.update({ owner, repo, issue_number: 1, title: 'x', assignees: ['outsider'] })
      .then(shouldHaveFailed, asFailure)
    expect(error.status).toBe(422)
    expect(gh.state.issues[0]?.title).toBe('CI failure: test (ubuntu-latest)')
  })

  it('answers 404 for an issue that does not exist', async () => {
    await using gh = await startEmulator(sampleScenario())
    const error = await octokitFor(gh)
      .rest.issues.get({ owner, repo, issue_number: 99 })
      .then(shouldHaveFailed, asFailure)
    expect(error.status).toBe(404)
    expect(error.response.data).toMatchObject({ message: 'Not Found', status: '404' })
  })

  it('serves a PR number through the issues API, with a pull_request key', async () => {
    await using gh = await startEmulator(sampleScenario())
    const { data } = await octokitFor(gh).rest.issues.get({ owner, repo, issue_number: 2 })
    expect(data.pull_request?.url).toBe(`${gh.url}/repos/${owner}/${repo}/pulls/2`)
    expect(data.html_url).toBe(`https://github.com/${owner}/${repo}/pull/2`)
  })
})

describe('listing issues', () => {
  it('includes pull requests, which carry a pull_request key', async () => {
    await using gh = await startEmulator(sampleScenario())
    const { data } = await octokitFor(gh).rest.issues.listForRepo({ owner, repo })
    expect(data.map(i => [i.number, 'pull_request' in i])).toEqual([
      [3, true],
      [2, true],
      [1, false]
    ])
  })

  it('walks 250 issues across pages with octokit.paginate and Link headers', async () => {
    const issues: SeedIssue[] = Array.from({ length: 250 }, (_, i) => ({ title: `issue ${i + 1}` }))
    await using gh = await startEmulator(
      sampleScenario({ issues, pulls: [], comments: [], runs: [] })
    )
    const octokit = octokitFor(gh)

    const first = await octokit.rest.issues.listForRepo({
      owner,
      repo,
      per_page: 100,
      state: 'open'
    })
    expect(first.data).toHaveLength(100)
    expect(first.headers.link).toBe(
      `<${gh.url}/repos/${owner}/${repo}/issues?per_page=100&state=open&page=2>; rel="next", ` +
        `<${gh.url}/repos/${owner}/${repo}/issues?per_page=100&state=open&page=3>; rel="last"`
    )

    const all = await octokit.paginate(octokit.rest.issues.listForRepo, {
      owner,
      repo,
      per_page: 100
    })
    expect(all).toHaveLength(250)
    expect(new Set(all.map(i => i.number)).size).toBe(250)
    expect(all[0]?.number).toBe(250) // created desc by default
    expect(
      gh.requests.filter(r => r.route === 'GET /repos/{owner}/{repo}/issues').map(r => r.query.page)
    ).toEqual([undefined, undefined, '2', '3'])

    const middle = await octokit.rest.issues.listForRepo({ owner, repo, per_page: 100, page: 2 })
    expect(middle.headers.link).toContain('rel="prev"')
    expect(middle.headers.link).toContain('rel="first"')

    const defaultPages = await octokit.paginate(octokit.rest.issues.listForRepo, { owner, repo })
    expect(defaultPages).toHaveLength(250)
  })

  it('filters by state, labels (AND), creator, since, and sorts', async () => {
    await using gh = await startEmulator(
      sampleScenario({
        pulls: [],
        runs: [],
        comments: [],
        issues: [
          { title: 'a', labels: ['ci failure', 'bug'], user: 'maintainer' },
          { title: 'b', labels: ['ci failure'], state: 'closed' },
          { title: 'c', labels: ['bug'] }
        ]
      })
    )
    const octokit = octokitFor(gh)
    const numbers = async (params: Record<string, string | number>): Promise<number[]> =>
      (await octokit.rest.issues.listForRepo({ owner, repo, ...params })).data.map(i => i.number)

    expect(await numbers({})).toEqual([3, 1])
    expect(await numbers({ state: 'closed' })).toEqual([2])
    expect(await numbers({ state: 'all', labels: 'ci failure' })).toEqual([2, 1])
    expect(await numbers({ state: 'all', labels: 'ci failure,bug' })).toEqual([1])
    expect(await numbers({ creator: 'maintainer' })).toEqual([1])
    expect(await numbers({ direction: 'asc' })).toEqual([1, 3])

    gh.clock.advance(60_000)
    await octokit.rest.issues.createComment({ owner, repo, issue_number: 1, body: 'bump' })
    expect(await numbers({ since: '2026-11-26T10:00:30Z' })).toEqual([1])
    expect(await numbers({ sort: 'comments' })).toEqual([1, 3])
  })
})
