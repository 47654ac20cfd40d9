import { describe, expect, it } from 'vitest'
import {
  defaultToken,
  startEmulator,
  type Emulator,
  type TokenSpec
} from '../scripts/dev/emulator/index.js'
import { runAction, type ActionRun } from '../scripts/dev/run-action.js'
import { commentsOf, issuesOf } from './harness/read-github.js'
import {
  baseScenario,
  ciContext,
  ciRun,
  corpusCase,
  OWNER,
  pullRequestPayload,
  REPO
} from '../scripts/dev/scenarios.js'

const tsc = corpusCase({ tool: 'tsc' })
const tscAgain = corpusCase({ id: tsc.id.replace('--run1', '--run2') })
const tests = corpusCase({ tool: 'vitest' })
const PASSED = ['lint', 'build']

/** A GitHub App's installation token: GET /user answers 403, and it writes as `<app>[bot]`. */
const APP_TOKEN = 'ghs_app-installation-token'
const appToken: TokenSpec = { ...defaultToken, login: 'acme-ci-bot[bot]' }

async function everything(gh: Emulator, token = APP_TOKEN) {
  return { issues: await issuesOf(gh, token), comments: (n: number) => commentsOf(gh, n, token) }
}

describe('a GitHub App installation token', () => {
  it('finds its own issues and PR comment again: a re-run files nothing new, and the writer is kept in the metadata', async () => {
    await using gh = await startEmulator(
      baseScenario(
        [
          ciRun({
            id: 7001,
            pr: 12,
            passed: PASSED,
            failed: [
              ['typecheck', tsc],
              ['test', tests]
            ]
          }),
          ciRun({
            id: 7002,
            pr: 12,
            passed: PASSED,
            failed: [
              ['typecheck', tscAgain],
              ['test', tests]
            ]
          })
        ],
        { tokens: { [APP_TOKEN]: appToken } }
      )
    )
    const report = (runId: number): Promise<ActionRun> =>
      runAction({
        apiUrl: gh.url,
        token: APP_TOKEN,
        inputs: { 'run-id': String(runId) },
        context: ciContext(gh.url, runId)
      })
    expect((await report(7001)).failed).toBeNull()
    expect((await report(7001)).failed).toBeNull() // the reporter job re-run
    const second = await report(7002)
    expect(second.failed).toBeNull()

    const { issues, comments } = await everything(gh)
    expect(issues).toHaveLength(2)
    expect(issues.every(issue => issue.user?.login === 'acme-ci-bot[bot]')).toBe(true)
    expect(issues.every(issue => issue.body?.includes('"writer":"acme-ci-bot[bot]"'))).toBe(true)
    expect(second.outputs.created).toBe('0')
    const prComments = await comments(12)
    expect(prComments).toHaveLength(1)
    expect(prComments[0]?.user?.login).toBe('acme-ci-bot[bot]')
    // no request was spent on GET /user, which installation tokens cannot read
    expect(gh.routeCounts()['GET /user']).toBeUndefined()
  })

  it('still trusts no marker a person wrote, nor one another bot wrote on an issue that names its writer', async () => {
    await using first = await startEmulator(
      baseScenario([ciRun({ id: 7101, pr: 12, passed: PASSED, failed: [['typecheck', tsc]] })], {
        tokens: { [APP_TOKEN]: appToken }
      })
    )
    await runAction({
      apiUrl: first.url,
      token: APP_TOKEN,
      inputs: { 'run-id': '7101' },
      context: ciContext(first.url, 7101)
    })
    const body = first.state.issues.find(i => !i.pull_request)?.body ?? ''
    const claimed = body.replace(
      '<!-- log-bugs:metadata {',
      '<!-- log-bugs:metadata {"writer":"acme-ci-bot[bot]",'
    )
    await using gh = await startEmulator(
      baseScenario(
        [ciRun({ id: 7102, pr: 12, passed: PASSED, failed: [['typecheck', tscAgain]] })],
        {
          tokens: { [APP_TOKEN]: appToken },
          users: [
            { login: 'alice', type: 'User', assignable: true },
            { login: 'mallory', type: 'User', assignable: false },
            { login: 'other-app[bot]', type: 'Bot', assignable: false },
            { login: 'acme-ci-bot[bot]', type: 'Bot', assignable: false }
          ],
          issues: [
            { title: 'copied by a person', body, user: 'mallory', labels: ['ci-failure'] },
            {
              title: 'copied by another app',
              body: claimed,
              user: 'other-app[bot]',
              labels: ['ci-failure']
            }
          ]
        }
      )
    )
    const run = await runAction({
      apiUrl: gh.url,
      token: APP_TOKEN,
      inputs: { 'run-id': '7102' },
      context: ciContext(gh.url, 7102)
    })
    expect(run.failed).toBeNull()
    expect(run.outputs.created).toBe('1') // neither copy was taken as ours
  })
})

describe('GitHub Enterprise Server', () => {
  it('links in issues, the PR comment and the summary use the server’s address; nothing points at github.com', async () => {
    const server = 'https://ghe.acme.internal'
    await using gh = await startEmulator(
      baseScenario([ciRun({ id: 7201, pr: 12, passed: PASSED, failed: [['typecheck', tsc]] })], {
        serverUrl: server
      })
    )
    const payload = pullRequestPayload()
    const pr = payload.pull_request
    const context = {
      ...ciContext(gh.url, 7201, 'pull_request', {
        ...payload,
        pull_request: { ...pr, html_url: `${server}/${OWNER}/${REPO}/pull/12` }
      }),
      serverUrl: server
    }
    const run = await runAction({ apiUrl: gh.url, inputs: { 'run-id': '7201' }, context })
    expect(run.failed).toBeNull()
    expect(run.warnings).toEqual([])
    const { issues, comments } = await everything(gh, 'ghs_test-token')
    const texts = [
      ...issues.map(issue => issue.body ?? ''),
      ...(await comments(12)).map(comment => comment.body ?? ''),
      run.summary,
      run.outputs['issue-urls'] ?? '',
      run.outputs['comment-url'] ?? ''
    ]
    for (const text of texts) expect(text).not.toContain('https://github.com')
    expect(issues[0]?.body).toContain(`${server}/${OWNER}/${REPO}/actions/runs/7201`)
    expect(issues[0]?.body).toContain(`${server}/${OWNER}/${REPO}/pull/12`)
    expect(run.outputs['comment-url']).toMatch(
      new RegExp(`^${server}/${OWNER}/${REPO}/pull/12#issuecomment-`)
    )
    // every request went to the API URL the runner gave (the emulator stands for /api/v3)
    expect(gh.requests.length).toBeGreaterThan(0)
  })
})
