import { describe, expect, it } from 'vitest'
import { octokitFor, startEmulator, type Emulator } from '../scripts/dev/emulator/index.js'
import {
  FORK_OWNER,
  FORK_PR_NUMBER,
  realEvent,
  type RealEvent,
  type RealEventSpec
} from '../scripts/dev/real-payloads.js'
import { runAction, type ActionRun } from '../scripts/dev/run-action.js'

const COMMIT_PULLS = 'GET /repos/{owner}/{repo}/commits/{commit_sha}/pulls'
const LIST_PULLS = 'GET /repos/{owner}/{repo}/pulls'
const CREATE_COMMENT = 'POST /repos/{owner}/{repo}/issues/{issue_number}/comments'

function report(gh: Emulator, event: RealEvent): Promise<ActionRun> {
  return runAction({
    apiUrl: gh.url,
    inputs: event.inputs,
    env: event.env,
    context: event.context(gh.url)
  })
}

/** The repository's issues (not PRs) and the comments on each PR, as GitHub lists them. */
async function written(gh: Emulator) {
  const octokit = octokitFor(gh)
  const repo = { owner: gh.state.owner, repo: gh.state.repo }
  const all = await octokit.paginate(octokit.rest.issues.listForRepo, { ...repo, state: 'all' })
  const prComments: Record<number, string[]> = {}
  for (const pr of all.filter(item => item.pull_request)) {
    const comments = await octokit.paginate(octokit.rest.issues.listComments, {
      ...repo,
      issue_number: pr.number
    })
    if (comments.length) prComments[pr.number] = comments.map(c => c.body ?? '')
  }
  return {
    issues: all
      .filter(item => !item.pull_request)
      .map(issue => ({
        title: issue.title,
        assignees: issue.assignees?.map(a => a.login) ?? [],
        body: issue.body ?? ''
      })),
    prComments
  }
}

describe('the whole action on real webhook payloads', () => {
  it('a fork PR opened: the read-only token cannot file, one clear line, nothing written', async () => {
    const event = realEvent({ event: 'pull_request', action: 'opened', fork: true })
    await using gh = await startEmulator(event.scenario)
    const run = await report(gh, event)
    expect(run.failed).toMatch(/^log-bugs: cannot file the issue: the token lacks `issues: write`/)
    expect(run.failed).not.toContain('\n')
    expect(run.summary).toContain('Would-be issue')
    expect(gh.writeRequests().length).toBeGreaterThan(0)
    // Every write was tried and refused: the token is GitHub's read-only one for fork PRs.
    expect(gh.writeRequests().map(r => r.status)).toEqual(gh.writeRequests().map(() => 403))
    expect(await written(gh)).toEqual({ issues: [], prComments: {} })
    expect(gh.state.openapiViolations).toEqual([])
  })

  it('a same-repository PR synchronized: the issue names the PR, its author is assigned, one PR comment', async () => {
    const event = realEvent({ event: 'pull_request', action: 'synchronize' })
    await using gh = await startEmulator(event.scenario)
    const run = await report(gh, event)
    expect(run.failed).toBeNull()
    const { issues, prComments } = await written(gh)
    expect(issues).toHaveLength(1)
    expect(issues[0]?.title).toMatch(/^\[changes\] test job failed/)
    expect(issues[0]?.assignees).toEqual(['Codertocat'])
    expect(issues[0]?.body).toContain('https://github.com/Codertocat/Hello-World/pull/2')
    expect(Object.keys(prComments)).toEqual(['2'])
    expect(gh.state.openapiViolations).toEqual([])
  })

  it('a push to the default branch: one issue, nobody assigned, no comment', async () => {
    const event = realEvent({ event: 'push' })
    await using gh = await startEmulator(event.scenario)
    const run = await report(gh, event)
    expect(run.failed).toBeNull()
    const { issues, prComments } = await written(gh)
    expect(issues).toHaveLength(1)
    expect(issues[0]?.title).toMatch(/^\[master\] test job failed/)
    expect(issues[0]?.body).toContain('6113728')
    expect(issues[0]?.assignees).toEqual([])
    expect(prComments).toEqual({})
    expect(run.outputs['comment-url']).toBe('')
  })

  it('workflow_run, a failed same-repository run: reported from the default branch, on its PR', async () => {
    const event = realEvent({ event: 'workflow_run', conclusion: 'failure' })
    await using gh = await startEmulator(event.scenario)
    const run = await report(gh, event)
    expect(run.failed).toBeNull()
    const { issues, prComments } = await written(gh)
    expect(issues).toHaveLength(1)
    expect(issues[0]?.body).toContain(
      'https://github.com/octo-org/octo-repo/actions/runs/289782451'
    )
    expect(issues[0]?.assignees).toEqual(['Codertocat'])
    expect(Object.keys(prComments)).toEqual(['2'])
    expect(gh.routeCounts()[LIST_PULLS] ?? 0).toBe(0)
  })

  it('workflow_run, a successful run: no failure, nothing filed', async () => {
    const event = realEvent({ event: 'workflow_run', conclusion: 'success' })
    await using gh = await startEmulator(event.scenario)
    const run = await report(gh, event)
    expect(run.failed).toBeNull()
    expect((await written(gh)).issues).toEqual([])
    expect(gh.routeCounts()['POST /repos/{owner}/{repo}/issues'] ?? 0).toBe(0)
  })

  it.each<[string, RealEventSpec, string]>([
    [
      'merge_group',
      { event: 'merge_group' },
      'gh-readonly-queue/main/pr-104-929f8209d40f77f4abc622a499c93a83babdbe64'
    ],
    ['schedule', { event: 'schedule' }, 'master'],
    ['workflow_dispatch', { event: 'workflow_dispatch' }, 'main']
  ])('%s: one issue on the branch, no PR comment', async (_, spec, branch) => {
    const event = realEvent(spec)
    await using gh = await startEmulator(event.scenario)
    const run = await report(gh, event)
    expect(run.failed).toBeNull()
    const { issues, prComments } = await written(gh)
    expect(issues.map(i => i.title.slice(0, branch.length + 2))).toEqual([`[${branch}]`])
    expect(issues[0]?.assignees).toEqual([])
    expect(prComments).toEqual({})
    expect(gh.routeCounts()[CREATE_COMMENT] ?? 0).toBe(0)
    expect(gh.state.openapiViolations).toEqual([])
  })
})

// The workflow_run recipe for fork PRs (docs/github-platform.md §4): pull_requests is empty and
// the base repository's commit lookup answers [] for a commit that exists only in the fork.
describe('fork PRs through the workflow_run recipe', () => {
  it('finds the PR by its head branch: the author is assigned and the PR gets its comment', async () => {
    const event = realEvent({ event: 'workflow_run', conclusion: 'failure', fork: true })
    expect(event.scenario.forkOnlyCommits).toEqual(['3484a3fb816e0859fd6e1cea078d76385ff50625'])
    await using gh = await startEmulator(event.scenario)
    const run = await report(gh, event)
    expect(run.failed).toBeNull()
    const { issues, prComments } = await written(gh)
    expect(issues).toHaveLength(1)
    expect(issues[0]?.assignees).toEqual([FORK_OWNER])
    expect(issues[0]?.body).toContain(
      `https://github.com/octo-org/octo-repo/pull/${FORK_PR_NUMBER}`
    )
    expect(Object.keys(prComments)).toEqual([String(FORK_PR_NUMBER)])
    expect(run.outputs['comment-url']).toContain(`/pull/${FORK_PR_NUMBER}#issuecomment-`)
    // One lookup by commit that finds nothing, one by the fork's branch.
    expect(gh.routeCounts()[COMMIT_PULLS]).toBe(1)
    expect(gh.routeCounts()[LIST_PULLS]).toBe(1)
    const byHead = gh.requests.find(r => r.route === LIST_PULLS)
    expect(byHead?.query).toEqual({ head: `${FORK_OWNER}:master`, state: 'open' })
  })

  it('the fork pushed again since the run: the open PR is not that run, so no PR is attached', async () => {
    const event = realEvent({ event: 'workflow_run', conclusion: 'failure', fork: true })
    event.scenario.pulls![0]!.head.sha = 'b'.repeat(40)
    await using gh = await startEmulator(event.scenario)
    const run = await report(gh, event)
    expect(run.failed).toBeNull()
    const { issues, prComments } = await written(gh)
    expect(issues).toHaveLength(1)
    expect(issues[0]?.assignees).toEqual([])
    expect(issues[0]?.body).not.toContain(`/pull/${FORK_PR_NUMBER}`)
    expect(prComments).toEqual({})
    expect(run.log).toContain('pushed again since the run; no PR attached')
  })
})
