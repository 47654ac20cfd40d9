import { describe, expect, it } from 'vitest'
import { createManualClock } from '../scripts/dev/emulator/clock.js'
import {
  octokitFor,
  startEmulator,
  type Emulator,
  type SeedPull
} from '../scripts/dev/emulator/index.js'
import type { JobModel } from '../scripts/dev/emulator/state.js'
import { runAction, type ActionRun } from '../scripts/dev/run-action.js'
import { commentsOf, issuesOf } from './harness/read-github.js'
import { runPipeline } from './harness/run-pipeline.js'
import {
  baseScenario,
  ciContext,
  ciRun,
  corpusCase,
  MAIN_SHA,
  OWNER,
  pullRequestPayload,
  REPO
} from '../scripts/dev/scenarios.js'

// Issue 9's scenarios, each through action.yml against the emulator: what a maintainer and a
// PR author see (issues, labels, assignees, comments) and what downstream jobs read (outputs).

const tsc = corpusCase({ tool: 'tsc' })
const tscAgain = corpusCase({ id: tsc.id.replace('--run1', '--run2') })
const tests = corpusCase({ tool: 'vitest' })
const PASSED = ['lint', 'build']
const SHA = (n: number) => n.toString(16).padStart(40, 'c')

interface Report {
  runId: number
  event?: 'pull_request' | 'push'
  pr?: number
  branch?: string
  sha?: string
  attempt?: number
  inputs?: Record<string, string>
}

function report(gh: Emulator, options: Report): Promise<ActionRun> {
  const event = options.event ?? 'pull_request'
  const payload =
    event === 'pull_request'
      ? pullRequestPayload({ number: options.pr, sha: options.sha, ref: options.branch })
      : undefined
  return runAction({
    apiUrl: gh.url,
    inputs: { 'run-id': String(options.runId), ...options.inputs },
    env: { GITHUB_RUN_ATTEMPT: String(options.attempt ?? 1) },
    context: ciContext(gh.url, options.runId, event, payload, options.sha)
  })
}

const labelsOf = (issue: { labels: (string | { name?: string })[] }) =>
  issue.labels.map(l => (typeof l === 'string' ? l : l.name)).sort()

const metadataOf = (body: string | null | undefined) => {
  const json = /<!-- log-bugs:metadata (\{.*\}) -->/.exec(body ?? '')?.[1]
  return json
    ? (JSON.parse(json) as {
        runs: { id: number; attempt: number; pr?: number | null }[]
        flakes?: number
        class?: string
        trunk?: boolean
      })
    : null
}

const failuresOutput = (run: ActionRun) =>
  JSON.parse(run.outputs.failures ?? '[]') as { class: string; issue: number | null }[]

describe('triage: whose failure it is', () => {
  it('main fails with F, then a PR fails with F: broken trunk, listed with a link, nobody assigned, no new issue; a second failure G on the PR is new and assigned', async () => {
    await using gh = await startEmulator(
      baseScenario([
        ciRun({
          id: 5001,
          event: 'push',
          branch: 'main',
          sha: MAIN_SHA,
          pr: null,
          passed: PASSED,
          failed: [['typecheck', tsc]]
        }),
        ciRun({ id: 5002, pr: 12, passed: PASSED, failed: [['typecheck', tscAgain]] }),
        ciRun({
          id: 5003,
          pr: 12,
          passed: PASSED,
          failed: [
            ['typecheck', tsc],
            ['test', tests]
          ]
        })
      ])
    )
    const trunk = await report(gh, { runId: 5001, event: 'push' })
    expect(trunk.failed).toBeNull()
    const [f] = await issuesOf(gh)
    expect(metadataOf(f?.body)?.trunk).toBe(true)

    const pr = await report(gh, { runId: 5002 })
    expect(pr.failed).toBeNull()
    expect(await issuesOf(gh)).toHaveLength(1)
    const [fAfter] = await issuesOf(gh)
    expect(fAfter?.assignees).toEqual([]) // alice did not break main
    expect(metadataOf(fAfter?.body)?.runs.map(r => r.pr)).toEqual([null, 12]) // the PR recorded
    expect(pr.outputs['new-failures']).toBe('0')
    expect(pr.outputs['unrelated-failures']).toBe('1')
    expect(failuresOutput(pr)).toEqual([
      { fingerprint: expect.any(String), class: 'broken-trunk', issue: f?.number }
    ])
    const [prComment] = await commentsOf(gh, 12)
    const body = prComment?.body ?? ''
    expect(body).toContain(
      '**0 new failures from this pull request**, 1 unrelated (1 broken trunk, 0 flaky)'
    )
    expect(body).toContain('None of them is this pull request’s')
    expect(body).toMatch(
      /#### Broken trunk\n\nAlso failing on the default branch[^\n]*\n\n[^\n]*\n[^\n]*\n\| \[#\d+\]\(https:\/\/github\.com\/acme\/webapp\/issues\/\d+\)/
    )
    expect(body).toContain(`[#${f?.number}](https://github.com/acme/webapp/issues/${f?.number})`)

    const second = await report(gh, { runId: 5003 })
    expect(second.failed).toBeNull()
    const all = await issuesOf(gh)
    expect(all).toHaveLength(2)
    const g = all.find(issue => issue.number !== f?.number)
    expect(g?.assignees?.map(a => a.login)).toEqual(['alice'])
    expect(all.find(issue => issue.number === f?.number)?.assignees).toEqual([])
    expect(second.outputs['new-failures']).toBe('1')
    expect(second.outputs['unrelated-failures']).toBe('1')
    const edited = (await commentsOf(gh, 12))[0]?.body ?? ''
    expect(edited).toContain('#### New')
    expect(edited).toContain('#### Broken trunk')
    expect(await commentsOf(gh, 12)).toHaveLength(1)
    // F's watchers got no notification for the PRs that hit it
    expect(await commentsOf(gh, f!.number)).toHaveLength(0)
  })

  it('a job with continue-on-error fails beside a real failure: only the real one is filed and assigned; the allowed one is listed as not blocking', async () => {
    await using gh = await startEmulator(
      baseScenario([
        ciRun({
          id: 5401,
          pr: 12,
          passed: PASSED,
          failed: [
            ['typecheck', tsc],
            ['test', tests]
          ]
        })
      ])
    )
    const jobResults = JSON.stringify({
      lint: { result: 'success' },
      build: { result: 'success' },
      typecheck: { result: 'failure' },
      test: { result: 'success' } // continue-on-error: the job failed, needs says success
    })
    const run = await report(gh, { runId: 5401, inputs: { 'job-results': jobResults } })
    expect(run.failed).toBeNull()
    const filed = await issuesOf(gh)
    expect(filed).toHaveLength(1)
    expect(filed[0]?.title).toContain('typecheck')
    expect(filed[0]?.assignees?.map(a => a.login)).toEqual(['alice'])
    expect(failuresOutput(run).map(f => [f.class, f.issue])).toEqual([
      ['new', filed[0]?.number],
      ['allowed', null]
    ])
    expect(run.outputs['new-failures']).toBe('1')
    const body = (await commentsOf(gh, 12))[0]?.body ?? ''
    expect(body).toContain('1 allowed to fail')
    expect(body).toMatch(
      /#### Allowed to fail\n\nJobs with `continue-on-error`: not blocking\.[\s\S]*test job failed/
    )
  })
})

/** Adds attempt `attempt` of a run: the job `name` fails or passes, the others pass again. */
function rerun(gh: Emulator, runId: number, attempt: number, fails: boolean) {
  const run = gh.state.runs.find(r => r.id === runId)
  if (!run) throw new Error(`no run ${runId}`)
  const first = run.jobs.filter(job => job.run_attempt === 1)
  let id = Math.max(...run.jobs.map(job => job.id))
  for (const job of first) {
    const failing = fails && job.conclusion === 'failure'
    const copy: JobModel = {
      ...job,
      id: ++id,
      run_attempt: attempt,
      conclusion: job.conclusion === 'failure' && !failing ? 'success' : job.conclusion,
      steps: job.steps.map(step => ({
        ...step,
        conclusion: step.conclusion === 'failure' && !failing ? 'success' : step.conclusion
      }))
    }
    run.jobs.push(copy)
  }
  run.run_attempt = attempt
}

describe('triage: flaky', () => {
  it('attempt 1 fails with F, attempt 2 passes: labelled flaky, not closed; 10 alternating attempts: still open, 5 flakes, one comment, never closed', async () => {
    await using gh = await startEmulator(
      baseScenario([ciRun({ id: 5101, pr: 12, passed: PASSED, failed: [['typecheck', tsc]] })])
    )
    const first = await report(gh, { runId: 5101, attempt: 1 })
    expect(first.failed).toBeNull()
    const [filed] = await issuesOf(gh)

    rerun(gh, 5101, 2, false)
    const green = await report(gh, { runId: 5101, attempt: 2 })
    expect(green.failed).toBeNull()
    let [issue] = await issuesOf(gh)
    expect(issue?.state).toBe('open')
    expect(labelsOf(issue!)).toContain('flaky')
    expect(metadataOf(issue?.body)?.flakes).toBe(1)

    for (let attempt = 3; attempt <= 10; attempt++) {
      rerun(gh, 5101, attempt, attempt % 2 === 1)
      const run = await report(gh, { runId: 5101, attempt })
      expect(run.failed).toBeNull()
      if (attempt % 2 === 1) expect(failuresOutput(run).map(f => f.class)).toEqual(['flaky'])
    }
    const all = await issuesOf(gh)
    expect(all).toHaveLength(1)
    ;[issue] = all
    expect(issue?.number).toBe(filed?.number)
    expect(issue?.state).toBe('open')
    expect(metadataOf(issue?.body)?.flakes).toBe(5)
    expect(issue?.body).toContain('failed and then passed on the same commit 5×')
    const notes = await commentsOf(gh, issue!.number)
    expect(notes).toHaveLength(1)
    expect(notes[0]?.body).toMatch(/^Flaky: /)
    // no close/reopen churn: nothing ever asked to change the issue's state
    const stateChanges = gh
      .writeRequests()
      .filter(r => r.route === 'PATCH /repos/{owner}/{repo}/issues/{issue_number}')
      .filter(r => typeof r.body === 'object' && r.body !== null && 'state' in r.body)
    expect(stateChanges).toEqual([])
  })
})

describe('triage: lifecycle', () => {
  it('F on a feature branch, then G on a later push: F fix-pending with one comment; the branch green: both pending-merge; the default branch green: both closed, each naming the run', async () => {
    const [a, b, c] = [SHA(1), SHA(2), SHA(3)]
    await using gh = await startEmulator(
      baseScenario([
        ciRun({
          id: 5201,
          pr: 12,
          sha: a,
          passed: [...PASSED, 'test'],
          failed: [['typecheck', tsc]]
        }),
        ciRun({
          id: 5202,
          pr: 12,
          sha: b,
          passed: [...PASSED, 'typecheck'],
          failed: [['test', tests]]
        }),
        ciRun({ id: 5203, pr: 12, sha: c, passed: [...PASSED, 'typecheck', 'test'], failed: [] }),
        ciRun({
          id: 5204,
          event: 'push',
          branch: 'main',
          sha: c,
          pr: null,
          passed: [...PASSED, 'typecheck', 'test'],
          failed: []
        })
      ])
    )
    expect((await report(gh, { runId: 5201, sha: a })).failed).toBeNull()
    const [f] = await issuesOf(gh)
    expect((await report(gh, { runId: 5202, sha: b })).failed).toBeNull()
    let [fIssue, gIssue] = await issuesOf(gh)
    expect(labelsOf(fIssue!)).toContain('fix-pending')
    expect(labelsOf(gIssue!)).not.toContain('fix-pending')
    let fNotes = await commentsOf(gh, f!.number)
    expect(fNotes).toHaveLength(1)
    expect(fNotes[0]?.body).toMatch(/^Fix pending: \[run 5202\]/)

    expect((await report(gh, { runId: 5203, sha: c })).failed).toBeNull()
    ;[fIssue, gIssue] = await issuesOf(gh)
    for (const issue of [fIssue!, gIssue!]) {
      expect(issue.state).toBe('open')
      expect(labelsOf(issue)).toContain('pending-merge')
      expect(labelsOf(issue)).not.toContain('fix-pending')
      expect((await commentsOf(gh, issue.number)).at(-1)?.body).toMatch(
        /^Pending merge: .*\[run 5203\]/
      )
    }

    const merged = await report(gh, { runId: 5204, event: 'push', sha: c })
    expect(merged.failed).toBeNull()
    for (const issue of await issuesOf(gh)) {
      expect([issue.state, issue.state_reason]).toEqual(['closed', 'completed'])
      expect((await commentsOf(gh, issue.number)).at(-1)?.body).toMatch(
        /^Resolved: main passed in \[run 5204\]/
      )
    }
    expect(merged.outputs['resolved-issues']?.split(',').map(Number).sort()).toEqual([
      fIssue!.number,
      gIssue!.number
    ])
    fNotes = await commentsOf(gh, f!.number)
    expect(fNotes.map(n => n.body?.split(':')[0])).toEqual([
      'Fix pending',
      'Pending merge',
      'Resolved'
    ])
  })

  async function closedAgo(days: number) {
    const DAY = 86_400_000
    // the action reads the real clock; the emulator's runs `days` behind, so the issue was
    // closed that long before the failure comes back
    const clock = createManualClock(Date.now() - days * DAY)
    const gh = await startEmulator(
      baseScenario([
        ciRun({ id: 5301, pr: 12, passed: PASSED, failed: [['typecheck', tsc]] }),
        ciRun({ id: 5302, pr: 12, sha: SHA(4), passed: PASSED, failed: [['typecheck', tscAgain]] })
      ]),
      { clock }
    )
    expect((await report(gh, { runId: 5301 })).failed).toBeNull()
    const [filed] = await issuesOf(gh)
    const octokit = octokitFor(gh)
    await octokit.rest.issues.update({
      owner: OWNER,
      repo: REPO,
      issue_number: filed!.number,
      state: 'closed',
      state_reason: 'completed'
    })
    const back = await report(gh, { runId: 5302, sha: SHA(4) })
    expect(back.failed).toBeNull()
    return { gh, filed: filed!, back }
  }

  it('F closed 2 days ago comes back: reopened with a comment, no new issue', async () => {
    const { gh, filed, back } = await closedAgo(2)
    await using _ = gh
    const all = await issuesOf(gh)
    expect(all).toHaveLength(1)
    expect(all[0]?.state).toBe('open')
    expect((await commentsOf(gh, filed.number)).at(-1)?.body).toMatch(
      /^Reopened: the failure came back in \[run 5302\]/
    )
    expect(back.outputs['issue-numbers']).toBe(String(filed.number))
    expect(back.outputs.created).toBe('0')
  })

  it('F closed 30 days ago comes back: a new issue that links the old one', async () => {
    const { gh, filed, back } = await closedAgo(30)
    await using _ = gh
    const all = await issuesOf(gh)
    expect(all).toHaveLength(2)
    expect(all[0]?.state).toBe('closed')
    expect(all[1]?.body).toContain(`Seen before in #${filed.number}`)
    expect(back.outputs.created).toBe('1')
  })

  it('an issue closed as not planned is never reopened', async () => {
    await using gh = await startEmulator(
      baseScenario([
        ciRun({ id: 5311, pr: 12, passed: PASSED, failed: [['typecheck', tsc]] }),
        ciRun({ id: 5312, pr: 12, sha: SHA(5), passed: PASSED, failed: [['typecheck', tscAgain]] })
      ]),
      { clock: createManualClock(Date.now() - 86_400_000) }
    )
    await report(gh, { runId: 5311 })
    const [filed] = await issuesOf(gh)
    await octokitFor(gh).rest.issues.update({
      owner: OWNER,
      repo: REPO,
      issue_number: filed!.number,
      state: 'closed',
      state_reason: 'not_planned'
    })
    const back = await report(gh, { runId: 5312, sha: SHA(5) })
    expect(back.failed).toBeNull()
    const all = await issuesOf(gh)
    expect(all).toHaveLength(1)
    expect([all[0]?.state, all[0]?.state_reason]).toEqual(['closed', 'not_planned'])
    expect((await commentsOf(gh, 12))[0]?.body).toContain('closed as not planned')
  })
})

describe('triage: one broken trunk, many pull requests', () => {
  it('20 concurrent runs of one broken-trunk failure from 20 PRs: one open issue, the 20 PRs in its body, at most one new comment, each PR comment linking it under broken trunk', async () => {
    const prs = Array.from({ length: 20 }, (_, i) => 101 + i)
    const pulls: SeedPull[] = prs.map(n => ({
      number: n,
      title: `Change ${n}`,
      user: 'alice',
      head: { ref: `feature/${n}-change`, sha: SHA(n) },
      base: { ref: 'main' }
    }))
    await using gh = await startEmulator(
      baseScenario(
        [
          ciRun({
            id: 6000,
            event: 'push',
            branch: 'main',
            sha: MAIN_SHA,
            pr: null,
            passed: PASSED,
            failed: [['typecheck', tsc]]
          }),
          ...prs.map((n, i) =>
            ciRun({
              id: 6001 + i,
              pr: n,
              branch: `feature/${n}-change`,
              sha: SHA(n),
              passed: PASSED,
              failed: [['typecheck', i % 2 ? tsc : tscAgain]]
            })
          )
        ],
        { pulls }
      )
    )
    expect((await report(gh, { runId: 6000, event: 'push' })).failed).toBeNull()
    const [trunk] = await issuesOf(gh)
    const before = (await commentsOf(gh, trunk!.number)).length

    // runAction sets process.env for each step, so concurrent runs go through the in-process
    // pipeline: the same five modules in action.yml's order (a test keeps the two in step)
    const runs = await Promise.all(
      prs.map((n, i) =>
        runPipeline({
          emulator: gh,
          context: ciContext(
            gh.url,
            6001 + i,
            'pull_request',
            pullRequestPayload({ number: n, sha: SHA(n), ref: `feature/${n}-change` }),
            SHA(n)
          ),
          inputs: { 'run-id': String(6001 + i) }
        })
      )
    )
    expect(runs.map(r => r.failed)).toEqual(prs.map(() => null))
    const open = (await issuesOf(gh)).filter(issue => issue.state === 'open')
    expect(open.map(issue => issue.number)).toEqual([trunk!.number])
    const recorded = new Set(metadataOf(open[0]?.body)?.runs.map(r => r.pr))
    expect(prs.filter(n => !recorded.has(n))).toEqual([])
    expect((await commentsOf(gh, trunk!.number)).length - before).toBeLessThanOrEqual(1)
    for (const n of prs) {
      const [comment, ...more] = await commentsOf(gh, n)
      expect(more).toEqual([])
      expect(comment?.body).toMatch(/#### Broken trunk[\s\S]*\[#\d+\]/)
      expect(comment?.body).toContain(
        `[#${trunk!.number}](https://github.com/acme/webapp/issues/${trunk!.number})`
      )
    }
    expect(
      runs.every(r => r.outputs['new-failures'] === '0' && r.outputs['unrelated-failures'] === '1')
    ).toBe(true)
  })
})
