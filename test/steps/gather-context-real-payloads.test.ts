import { mkdtempSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { run } from '../../scripts/gather-context.js'
import type { RunContext } from '../../scripts/lib/issue/types.js'
import { INPUTS_ENV } from '../../scripts/lib/step/inputs.js'
import { stateDir } from '../../scripts/lib/step/state.js'
import { octokitFor, startEmulator } from '../../scripts/dev/emulator/index.js'
import {
  FORK_OWNER,
  FORK_PR_NUMBER,
  OWN_RUN_ID,
  realEvent,
  type RealEvent,
  type RealEventSpec
} from '../../scripts/dev/real-payloads.js'
import { RecordingCore } from '../../scripts/dev/recording-core.js'

const COMMIT_PULLS = 'GET /repos/{owner}/{repo}/commits/{commit_sha}/pulls'
const LIST_PULLS = 'GET /repos/{owner}/{repo}/pulls'
const GET_PULL = 'GET /repos/{owner}/{repo}/pulls/{pull_number}'

async function gather(event: RealEvent) {
  await using gh = await startEmulator(event.scenario)
  const core = new RecordingCore()
  const env = {
    ...event.env,
    RUNNER_TEMP: mkdtempSync(join(tmpdir(), 'gather-real-')),
    [INPUTS_ENV]: JSON.stringify(event.inputs)
  }
  await run({ github: octokitFor(gh), context: event.context(gh.url), core }, env)
  expect(core.failed).toBeNull()
  expect(gh.state.openapiViolations).toEqual([])
  const state = JSON.parse(readFileSync(join(stateDir(env), 'context.json'), 'utf8')) as RunContext
  const routes = gh.routeCounts()
  const count = (route: string): number => routes[route] ?? 0
  return { state, core, count }
}

// The values below are the payloads' own (Codertocat/Hello-World, octo-org/octo-repo…), so a
// mix-up between a payload field and what lands in context.json shows as a wrong literal.
const HELLO_WORLD = { owner: 'Codertocat', repo: 'Hello-World', defaultBranch: 'master' }
const PR_2 = {
  number: 2,
  url: 'https://github.com/Codertocat/Hello-World/pull/2',
  author: 'Codertocat',
  title: 'Update the README with new information.'
}

describe('the payloads', () => {
  const examples = JSON.parse(
    readFileSync(createRequire(import.meta.url).resolve('@octokit/webhooks-examples'), 'utf8')
  ) as { name: string; examples: unknown[] }[]
  const published = (event: string) => examples.find(set => set.name === event)?.examples ?? []

  it.each<RealEventSpec>([
    { event: 'pull_request', action: 'opened' },
    { event: 'pull_request', action: 'synchronize' },
    { event: 'push' },
    { event: 'workflow_run', conclusion: 'success' },
    { event: 'workflow_run', conclusion: 'success', withoutPullRequest: true },
    { event: 'merge_group' },
    { event: 'workflow_dispatch' }
  ])("%o is one of the package's payloads, unchanged", spec => {
    const event = realEvent(spec)
    expect(event.derived).toEqual([])
    expect(published(event.eventName)).toContainEqual(event.payload)
  })

  it.each<[RealEventSpec, RegExp]>([
    [{ event: 'pull_request', action: 'opened', fork: true }, /^pull_request\.head\.repo/],
    [{ event: 'push', branch: 'feature/7-login' }, /^ref: /],
    [{ event: 'workflow_run', conclusion: 'failure' }, /^workflow_run\.conclusion/],
    [{ event: 'schedule' }, /^the whole payload/]
  ])('%o is derived, and says what changed', (spec, change) => {
    const event = realEvent(spec)
    expect(event.derived).toEqual([expect.stringMatching(change)])
    expect(published(event.eventName)).not.toContainEqual(event.payload)
  })
})

describe('gather-context on real pull_request payloads', () => {
  it.each([
    ['opened', false],
    ['synchronize', false],
    ['opened', true],
    ['synchronize', true]
  ] as const)('%s, fork %s: the PR, its author and head from the payload', async (action, fork) => {
    const event = realEvent({ event: 'pull_request', action, fork })
    expect(event.payload.action).toBe(action)
    const { state, count } = await gather(event)
    expect(state).toMatchObject({
      ...HELLO_WORLD,
      event: 'pull_request',
      runId: OWN_RUN_ID,
      branch: 'changes',
      sha: 'ec26c3e57ca3a959ca5aad62de7213c562f8c821',
      pr: { ...PR_2, fork }
    })
    expect(state.failedJobs.map(j => j.name)).toEqual(['test'])
    // The event names the PR: no lookup at all.
    expect(count(COMMIT_PULLS) + count(LIST_PULLS) + count(GET_PULL)).toBe(0)
  })
})

describe('gather-context on real push payloads', () => {
  it('a push to the default branch: no PR, the pushed commit', async () => {
    const event = realEvent({ event: 'push' })
    expect(event.derived).toEqual([])
    const { state, count } = await gather(event)
    expect(state).toMatchObject({
      ...HELLO_WORLD,
      event: 'push',
      branch: 'master',
      sha: '6113728f27ae82c7b1a177c8d03f9e96e0adf246',
      pr: null,
      feature: { id: '', name: '' }
    })
    expect(count(COMMIT_PULLS)).toBe(1)
    expect(count(LIST_PULLS)).toBe(0)
  })

  it('a push to a feature branch: the branch and its feature id, no PR', async () => {
    const event = realEvent({ event: 'push', branch: 'feature/7-login' })
    expect(event.payload.ref).toBe('refs/heads/feature/7-login')
    const { state } = await gather(event)
    expect(state).toMatchObject({
      ...HELLO_WORLD,
      event: 'push',
      branch: 'feature/7-login',
      sha: '6113728f27ae82c7b1a177c8d03f9e96e0adf246',
      pr: null,
      feature: { id: '7', name: 'login' }
    })
  })
})

describe('gather-context on real workflow_run payloads', () => {
  const OCTO_REPO = { owner: 'octo-org', repo: 'octo-repo', defaultBranch: 'master' }
  const TRIGGERING = {
    runId: 289782451,
    branch: 'master',
    sha: '3484a3fb816e0859fd6e1cea078d76385ff50625',
    workflow: { path: '.github/workflows/test.yml' }
  }

  it.each(['success', 'failure'] as const)(
    'completed with %s: the triggering run, and its PR from pull_requests',
    async conclusion => {
      const event = realEvent({ event: 'workflow_run', conclusion })
      const { state, count } = await gather(event)
      expect(state).toMatchObject({
        ...OCTO_REPO,
        ...TRIGGERING,
        // the triggering run's event, read from the run
        event: 'repository_dispatch',
        pr: { number: 2, author: 'Codertocat', fork: false }
      })
      expect(state.failedJobs).toHaveLength(conclusion === 'failure' ? 1 : 0)
      expect(count(GET_PULL)).toBe(1)
      expect(count(COMMIT_PULLS) + count(LIST_PULLS)).toBe(0)
    }
  )

  it('a same-repository run with no PR: the commit lookup only, no fork fallback', async () => {
    const event = realEvent({
      event: 'workflow_run',
      conclusion: 'failure',
      withoutPullRequest: true
    })
    const { state, count } = await gather(event)
    expect(state).toMatchObject({ ...OCTO_REPO, ...TRIGGERING, pr: null })
    expect(count(COMMIT_PULLS)).toBe(1)
    expect(count(LIST_PULLS)).toBe(0)
  })

  it('a fork PR run: the commit lookup answers [], the head branch finds the PR (one extra request)', async () => {
    const event = realEvent({ event: 'workflow_run', conclusion: 'failure', fork: true })
    const { state, count } = await gather(event)
    expect(state).toMatchObject({
      ...OCTO_REPO,
      ...TRIGGERING,
      event: 'pull_request',
      pr: {
        number: FORK_PR_NUMBER,
        author: FORK_OWNER,
        fork: true,
        url: `https://github.com/octo-org/octo-repo/pull/${FORK_PR_NUMBER}`
      }
    })
    expect(count(COMMIT_PULLS)).toBe(1)
    expect(count(LIST_PULLS)).toBe(1)
  })

  it('a fork PR pushed to again since the run: no PR, and a debug line says why', async () => {
    const event = realEvent({ event: 'workflow_run', conclusion: 'failure', fork: true })
    const newer = 'b'.repeat(40)
    event.scenario.pulls![0]!.head.sha = newer
    const { state, core } = await gather(event)
    expect(state.pr).toBeNull()
    expect(core.all()).toContain(
      `debug: log-bugs: no open PR from ${FORK_OWNER}:master has head ${TRIGGERING.sha} (#${FORK_PR_NUMBER} is at ${newer}): pushed again since the run; no PR attached`
    )
  })
})

describe('gather-context on real events without a PR', () => {
  it.each<[string, RealEventSpec, Partial<RunContext>]>([
    [
      'merge_group: the merge queue branch and commit',
      { event: 'merge_group' },
      {
        owner: 'octo-org',
        repo: 'octo-repo',
        event: 'merge_group',
        defaultBranch: 'main',
        branch: 'gh-readonly-queue/main/pr-104-929f8209d40f77f4abc622a499c93a83babdbe64',
        sha: '2ffea6db159f6b6c47a24e778fb9ef40cf6b1c7d'
      }
    ],
    [
      'workflow_dispatch: the dispatched branch',
      { event: 'workflow_dispatch' },
      {
        owner: 'octo-org',
        repo: 'octo-repo',
        event: 'workflow_dispatch',
        defaultBranch: 'main',
        branch: 'main'
      }
    ],
    [
      'schedule: the default branch; the payload names no repository, so no default branch',
      { event: 'schedule' },
      { ...HELLO_WORLD, event: 'schedule', defaultBranch: null, branch: 'master' }
    ]
  ])('%s', async (_, spec, expected) => {
    const event = realEvent(spec)
    const { state } = await gather(event)
    expect(state).toMatchObject({ ...expected, pr: null, runId: OWN_RUN_ID })
    expect(state.sha).toBe(event.context('').sha)
  })
})
