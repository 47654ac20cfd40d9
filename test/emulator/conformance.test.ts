import { describe, expect, it } from 'vitest'
import { expectMatchesSpec } from './expect-matches-spec.js'
import { octokitFor, startEmulator, type Scenario } from '../../scripts/dev/emulator/index.js'
import { asFailure, shouldHaveFailed } from '../../scripts/dev/emulator/request-failure.js'
import { headSha, sampleScenario } from './sample-scenario.js'
import { servedRoutes } from '../../scripts/dev/emulator/served-routes.js'

const owner = 'octo-org'
const repo = 'widgets'

// Every served route, called through @octokit/rest's own method for it, and every response
// body checked against the schema @octokit/openapi documents for that status.
describe('every route answers in the shape the OpenAPI description documents', () => {
  it('covers each served route with a real Octokit call', async () => {
    const scenario: Scenario = {
      ...sampleScenario(),
      tokens: {
        'ghs_test-token': sampleToken(),
        'user-token': { login: 'maintainer', kind: 'user', permissions: { issues: 'read' } }
      }
    }
    await using gh = await startEmulator(scenario)
    const octokit = octokitFor(gh)
    const base = { owner, repo }

    const check = async (
      route: string,
      call: Promise<{ status: number; data: unknown }>
    ): Promise<unknown> => {
      const response = await call
      expectMatchesSpec(route, response)
      return response.data
    }

    await check('GET /repos/{owner}/{repo}', octokit.rest.repos.get(base))
    await check('GET /user', octokitFor(gh, 'user-token').rest.users.getAuthenticated())
    await check('GET /rate_limit', octokit.rest.rateLimit.get())
    const run = await check(
      'GET /repos/{owner}/{repo}/actions/runs/{run_id}',
      octokit.rest.actions.getWorkflowRun({ ...base, run_id: 9001 })
    )
    expect(run).toMatchObject({ id: 9001, run_attempt: 2, pull_requests: [{ number: 2 }] })
    const runs = await check(
      'GET /repos/{owner}/{repo}/actions/workflows/{workflow_id}/runs',
      octokit.rest.actions.listWorkflowRuns({
        ...base,
        workflow_id: String((run as { path: string }).path.split('/').at(-1)),
        per_page: 1
      })
    )
    expect((runs as { workflow_runs: { id: number }[] }).workflow_runs).toHaveLength(1)
    await check(
      'GET /repos/{owner}/{repo}/actions/runs/{run_id}/jobs',
      octokit.rest.actions.listJobsForWorkflowRun({ ...base, run_id: 9001, filter: 'all' })
    )
    await check(
      'GET /repos/{owner}/{repo}/actions/runs/{run_id}/attempts/{attempt_number}/jobs',
      octokit.rest.actions.listJobsForWorkflowRunAttempt({
        ...base,
        run_id: 9001,
        attempt_number: 1
      })
    )
    await check(
      'GET /repos/{owner}/{repo}/actions/jobs/{job_id}',
      octokit.rest.actions.getJobForWorkflowRun({ ...base, job_id: 203 })
    )
    const redirect = await octokit.rest.actions.downloadJobLogsForWorkflowRun({
      ...base,
      job_id: 202,
      request: { redirect: 'manual' }
    })
    expectMatchesSpec('GET /repos/{owner}/{repo}/actions/jobs/{job_id}/logs', redirect)
    await check(
      'GET /repos/{owner}/{repo}/commits/{commit_sha}/pulls',
      octokit.rest.repos.listPullRequestsAssociatedWithCommit({ ...base, commit_sha: headSha })
    )
    await check(
      'GET /repos/{owner}/{repo}/pulls/{pull_number}',
      octokit.rest.pulls.get({ ...base, pull_number: 3 })
    )
    const listed = await check(
      'GET /repos/{owner}/{repo}/pulls',
      octokit.rest.pulls.list({ ...base, head: 'stranger:patch-1', state: 'open' })
    )
    expect((listed as { number: number }[]).map(p => p.number)).toEqual([3])
    await check(
      'GET /repos/{owner}/{repo}/issues',
      octokit.rest.issues.listForRepo({ ...base, state: 'all' })
    )
    const created = (await check(
      'POST /repos/{owner}/{repo}/issues',
      octokit.rest.issues.create({
        ...base,
        title: 'CI failure: e2e',
        body: 'body',
        labels: ['ci failure', 'flaky'],
        assignees: ['maintainer']
      })
    )) as { number: number }
    const number = created.number
    await check(
      'GET /repos/{owner}/{repo}/issues/{issue_number}',
      octokit.rest.issues.get({ ...base, issue_number: number })
    )
    await check(
      'PATCH /repos/{owner}/{repo}/issues/{issue_number}',
      octokit.rest.issues.update({
        ...base,
        issue_number: number,
        state: 'closed',
        state_reason: 'not_planned'
      })
    )
    await check(
      'GET /repos/{owner}/{repo}/issues/{issue_number}/comments',
      octokit.rest.issues.listComments({ ...base, issue_number: 1 })
    )
    const comment = (await check(
      'POST /repos/{owner}/{repo}/issues/{issue_number}/comments',
      octokit.rest.issues.createComment({ ...base, issue_number: 2, body: 'CI failed on this PR' })
    )) as { id: number }
    await check(
      'GET /repos/{owner}/{repo}/issues/comments/{comment_id}',
      octokit.rest.issues.getComment({ ...base, comment_id: comment.id })
    )
    await check(
      'PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}',
      octokit.rest.issues.updateComment({
        ...base,
        comment_id: comment.id,
        body: 'CI failed again'
      })
    )
    const doomed = (await check(
      'POST /repos/{owner}/{repo}/issues/{issue_number}/comments',
      octokit.rest.issues.createComment({ ...base, issue_number: 2, body: 'a duplicate to delete' })
    )) as { id: number }
    const deleted = await octokit.rest.issues.deleteComment({ ...base, comment_id: doomed.id })
    expect(deleted.status).toBe(204)
    await expect(
      octokit.rest.issues.getComment({ ...base, comment_id: doomed.id })
    ).rejects.toMatchObject({ status: 404 })
    await check('GET /repos/{owner}/{repo}/labels', octokit.rest.issues.listLabelsForRepo(base))
    await check(
      'GET /repos/{owner}/{repo}/labels/{name}',
      octokit.rest.issues.getLabel({ ...base, name: 'ci failure' })
    )
    await check(
      'POST /repos/{owner}/{repo}/labels',
      octokit.rest.issues.createLabel({
        ...base,
        name: 'regression',
        color: '5319e7',
        description: 'It worked before'
      })
    )
    await check(
      'POST /repos/{owner}/{repo}/issues/{issue_number}/labels',
      octokit.rest.issues.addLabels({ ...base, issue_number: 1, labels: ['bug'] })
    )
    await check(
      'POST /repos/{owner}/{repo}/issues/{issue_number}/assignees',
      octokit.rest.issues.addAssignees({ ...base, issue_number: 1, assignees: ['maintainer'] })
    )
    const canAssign = await octokit.rest.issues.checkUserCanBeAssigned({
      ...base,
      assignee: 'maintainer'
    })
    expectMatchesSpec('GET /repos/{owner}/{repo}/assignees/{assignee}', canAssign)
    const found = (await check(
      'GET /search/issues',
      octokit.rest.search.issuesAndPullRequests({
        q: `repo:${owner}/${repo} is:issue label:"ci failure"`
      })
    )) as { total_count: number }
    expect(found.total_count).toBe(2)

    const called = new Set(gh.requests.map(r => r.route))
    expect(servedRoutes.filter(route => !called.has(route))).toEqual([])
    expect(gh.state.openapiViolations).toEqual([])
  })

  it('self-checks error bodies too, and finds nothing to report for GitHub-shaped errors', async () => {
    await using gh = await startEmulator(sampleScenario())
    const octokit = octokitFor(gh)
    const error = await octokit.rest.issues
      .create({ owner, repo, title: 'x', assignees: ['outsider'] })
      .then(shouldHaveFailed, asFailure)
    expect(error.status).toBe(422)
    expectMatchesSpec('POST /repos/{owner}/{repo}/issues', error.response)
    expect(gh.state.openapiViolations).toEqual([])
  })
})

function sampleToken(): NonNullable<Scenario['tokens']>[string] {
  return {
    login: 'github-actions[bot]',
    kind: 'installation',
    permissions: {
      actions: 'read',
      contents: 'read',
      issues: 'write',
      pull_requests: 'write',
      metadata: 'read'
    }
  }
}
