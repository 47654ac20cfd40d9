import { describe, expect, it } from 'vitest'
import { octokitFor, startEmulator } from '../../scripts/dev/emulator/index.js'
import { asFailure, shouldHaveFailed } from '../../scripts/dev/emulator/request-failure.js'
import { sampleScenario } from './sample-scenario.js'

const owner = 'octo-org'
const repo = 'widgets'

describe('comments', () => {
  it('creates, reads and edits a comment on a PR number, authored by the token login', async () => {
    await using gh = await startEmulator(sampleScenario())
    const octokit = octokitFor(gh)
    const created = await octokit.rest.issues.createComment({
      owner,
      repo,
      issue_number: 2,
      body: 'first'
    })
    expect(created.status).toBe(201)
    expect(created.data.user?.login).toBe('github-actions[bot]')
    expect(created.data.html_url).toBe(
      `https://github.com/${owner}/${repo}/pull/2#issuecomment-${created.data.id}`
    )
    gh.clock.advance(1_000)
    const edited = await octokit.rest.issues.updateComment({
      owner,
      repo,
      comment_id: created.data.id,
      body: 'edited'
    })
    expect(edited.data).toMatchObject({
      body: 'edited',
      updated_at: '2026-11-26T10:00:01Z',
      created_at: '2026-11-26T10:00:00Z'
    })
    const pr = gh.state.issues.find(i => i.number === 2)
    expect(pr?.comments.map(c => [c.body, c.user])).toEqual([['edited', 'github-actions[bot]']])
    expect(pr?.updated_at).toBe('2026-11-26T10:00:01Z')
  })

  it('lists oldest first, honours since, and paginates', async () => {
    await using gh = await startEmulator(sampleScenario())
    const octokit = octokitFor(gh)
    for (let i = 0; i < 5; i++) {
      gh.clock.advance(10_000)
      await octokit.rest.issues.createComment({ owner, repo, issue_number: 1, body: `c${i}` })
    }
    const all = await octokit.paginate(octokit.rest.issues.listComments, {
      owner,
      repo,
      issue_number: 1,
      per_page: 2
    })
    expect(all.map(c => c.body)).toEqual(['Seen again on main', 'c0', 'c1', 'c2', 'c3', 'c4'])
    expect(gh.routeCounts()['GET /repos/{owner}/{repo}/issues/{issue_number}/comments']).toBe(3)
    const recent = await octokit.rest.issues.listComments({
      owner,
      repo,
      issue_number: 1,
      since: '2026-11-26T10:00:40Z'
    })
    expect(recent.data.map(c => c.body)).toEqual(['c3', 'c4'])
  })

  it('refuses a 65,537-character comment and an empty one', async () => {
    await using gh = await startEmulator(sampleScenario())
    const octokit = octokitFor(gh)
    const long = await octokit.rest.issues
      .createComment({ owner, repo, issue_number: 1, body: 'y'.repeat(65_537) })
      .then(shouldHaveFailed, asFailure)
    expect(long.status).toBe(422)
    expect(long.response.data.errors).toEqual([
      {
        resource: 'IssueComment',
        code: 'custom',
        field: 'body',
        message: 'body is too long (maximum is 65536 characters)'
      }
    ])
    const empty = await octokit.rest.issues
      .createComment({ owner, repo, issue_number: 1, body: ' ' })
      .then(shouldHaveFailed, asFailure)
    expect(empty.status).toBe(422)
    expect(gh.state.comments).toHaveLength(1)
  })

  it('answers 404 for comments on a missing issue and for a missing comment', async () => {
    await using gh = await startEmulator(sampleScenario())
    const octokit = octokitFor(gh)
    expect(
      (
        await octokit.rest.issues
          .createComment({ owner, repo, issue_number: 50, body: 'x' })
          .then(shouldHaveFailed, asFailure)
      ).status
    ).toBe(404)
    expect(
      (
        await octokit.rest.issues
          .getComment({ owner, repo, comment_id: 1 })
          .then(shouldHaveFailed, asFailure)
      ).status
    ).toBe(404)
  })
})

describe('labels', () => {
  it('creates a label and refuses a duplicate whatever its case', async () => {
    await using gh = await startEmulator(sampleScenario())
    const octokit = octokitFor(gh)
    const created = await octokit.rest.issues.createLabel({
      owner,
      repo,
      name: 'log-bugs',
      color: 'B60205'
    })
    expect(created.status).toBe(201)
    expect(created.data).toMatchObject({
      name: 'log-bugs',
      color: 'b60205',
      description: null,
      default: false
    })
    const duplicate = await octokit.rest.issues
      .createLabel({ owner, repo, name: 'LOG-BUGS' })
      .then(shouldHaveFailed, asFailure)
    expect(duplicate.status).toBe(422)
    expect(duplicate.response.data.errors).toEqual([
      { resource: 'Label', code: 'already_exists', field: 'name' }
    ])
  })

  it('refuses a colour with # and a description over 100 characters', async () => {
    await using gh = await startEmulator(sampleScenario())
    const octokit = octokitFor(gh)
    expect(
      (
        await octokit.rest.issues
          .createLabel({ owner, repo, name: 'a', color: '#ffffff' })
          .then(shouldHaveFailed, asFailure)
      ).status
    ).toBe(422)
    const long = await octokit.rest.issues
      .createLabel({ owner, repo, name: 'b', description: 'd'.repeat(101) })
      .then(shouldHaveFailed, asFailure)
    expect(long.status).toBe(422)
    expect(gh.state.labels.map(l => l.name)).toEqual(['ci failure', 'bug'])
  })

  it('gets a label by name (URL-encoded, case-insensitive) and 404s an unknown one', async () => {
    await using gh = await startEmulator(sampleScenario())
    const octokit = octokitFor(gh)
    const { data } = await octokit.rest.issues.getLabel({ owner, repo, name: 'CI Failure' })
    expect(data).toMatchObject({
      name: 'ci failure',
      color: 'd73a4a',
      description: 'Filed by log-bugs'
    })
    expect(
      (
        await octokit.rest.issues
          .getLabel({ owner, repo, name: 'nope' })
          .then(shouldHaveFailed, asFailure)
      ).status
    ).toBe(404)
  })

  it('adds labels to an issue, auto-creating unknown ones, and returns the full set', async () => {
    await using gh = await startEmulator(sampleScenario())
    const { data } = await octokitFor(gh).rest.issues.addLabels({
      owner,
      repo,
      issue_number: 1,
      labels: ['bug', 'needs-triage']
    })
    expect(data.map(l => l.name)).toEqual(['ci failure', 'bug', 'needs-triage'])
    expect(gh.state.labels.find(l => l.name === 'needs-triage')?.color).toBe('ededed')
  })

  it('lists labels sorted by name, paginated', async () => {
    await using gh = await startEmulator(
      sampleScenario({
        labels: Array.from({ length: 35 }, (_, i) => ({ name: `l${String(i).padStart(2, '0')}` }))
      })
    )
    const octokit = octokitFor(gh)
    const first = await octokit.rest.issues.listLabelsForRepo({ owner, repo })
    expect(first.data).toHaveLength(30)
    expect(first.headers.link).toContain('rel="next"')
    const all = await octokit.paginate(octokit.rest.issues.listLabelsForRepo, { owner, repo })
    expect(all.map(l => l.name)).toEqual([...gh.state.labels.map(l => l.name)].sort())
  })
})

describe('assignees', () => {
  it('checks assignability with 204 / 404', async () => {
    await using gh = await startEmulator(sampleScenario())
    const octokit = octokitFor(gh)
    expect(
      (await octokit.rest.issues.checkUserCanBeAssigned({ owner, repo, assignee: 'maintainer' }))
        .status
    ).toBe(204)
    expect(
      (
        await octokit.rest.issues
          .checkUserCanBeAssigned({ owner, repo, assignee: 'outsider' })
          .then(shouldHaveFailed, asFailure)
      ).status
    ).toBe(404)
    expect(
      (
        await octokit.rest.issues
          .checkUserCanBeAssigned({ owner, repo, assignee: 'ghost' })
          .then(shouldHaveFailed, asFailure)
      ).status
    ).toBe(404)
  })

  it('adds assignable users and silently drops the others', async () => {
    await using gh = await startEmulator(sampleScenario())
    const { status, data } = await octokitFor(gh).rest.issues.addAssignees({
      owner,
      repo,
      issue_number: 1,
      assignees: ['outsider', 'maintainer', 'ghost']
    })
    expect(status).toBe(201)
    expect(data.assignees?.map(a => a.login)).toEqual(['maintainer'])
    expect(gh.state.issues[0]?.assignees).toEqual(['maintainer'])
  })
})
