import { describe, expect, it } from 'vitest'
import { octokitFor, signedLogRoute, startEmulator } from '../../scripts/dev/emulator/index.js'
import { asFailure, shouldHaveFailed } from '../../scripts/dev/emulator/request-failure.js'
import { sampleScenario } from './sample-scenario.js'

const owner = 'octo-org'
const repo = 'widgets'

async function logLocation(
  gh: Awaited<ReturnType<typeof startEmulator>>,
  jobId: number
): Promise<string> {
  const response = await octokitFor(gh).request(
    'GET /repos/{owner}/{repo}/actions/jobs/{job_id}/logs',
    {
      owner,
      repo,
      job_id: jobId,
      request: { redirect: 'manual' }
    }
  )
  expect(response.status).toBe(302)
  return response.headers.location ?? ''
}

describe('GET /repos/{owner}/{repo}/actions/jobs/{job_id}/logs', () => {
  it('answers 302 with a signed location that a plain fetch can download', async () => {
    await using gh = await startEmulator(sampleScenario())
    const location = await logLocation(gh, 202)
    expect(location).toMatch(
      new RegExp(
        `^${gh.logsUrl}/_signed/job-logs/202\\?expires=${gh.clock.now() + 60_000}&sig=[\\w-]+$`
      )
    )
    // The signed URL is on another origin, like the blob host behind the real redirect.
    expect(new URL(location).origin).not.toBe(new URL(gh.url).origin)

    const download = await fetch(location)
    expect(download.status).toBe(200)
    expect(download.headers.get('content-type')).toBe('text/plain; charset=utf-8')
    expect(await download.text()).toContain('##[error]expected 2 to be 3')
    expect(gh.requests.at(-1)).toMatchObject({ route: signedLogRoute, status: 200, token: null })
  })

  it("lets Octokit's default redirect-following return the log, without leaking the token", async () => {
    await using gh = await startEmulator(sampleScenario())
    const { data, status } = await octokitFor(gh).rest.actions.downloadJobLogsForWorkflowRun({
      owner,
      repo,
      job_id: 202
    })
    expect(status).toBe(200)
    expect(typeof data === 'string' ? data : '').toContain('expected 2 to be 3')
    // fetch drops Authorization on a cross-origin redirect; the signed URL would refuse it.
    expect(gh.requests.map(r => [r.route, r.status, r.token])).toEqual([
      ['GET /repos/{owner}/{repo}/actions/jobs/{job_id}/logs', 302, 'ghs_test-token'],
      [signedLogRoute, 200, null]
    ])
  })

  it('refuses a signed URL fetched with a forwarded Authorization header (400, Azure XML)', async () => {
    await using gh = await startEmulator(sampleScenario())
    const location = await logLocation(gh, 202)
    const response = await fetch(location, { headers: { authorization: 'token ghs_test-token' } })
    expect(response.status).toBe(400)
    expect(response.headers.get('content-type')).toBe('application/xml')
    expect(await response.text()).toContain('<Code>InvalidAuthenticationInfo</Code>')
  })

  it('refuses the signed URL once its minute has passed (403 AuthenticationFailed)', async () => {
    await using gh = await startEmulator(sampleScenario())
    const location = await logLocation(gh, 202)
    expect((await fetch(location)).status).toBe(200)
    gh.clock.advance(61_000)
    const expired = await fetch(location)
    expect(expired.status).toBe(403)
    expect(await expired.text()).toContain('<Code>AuthenticationFailed</Code>')
  })

  it('refuses a tampered signature', async () => {
    await using gh = await startEmulator(sampleScenario())
    const location = new URL(await logLocation(gh, 202))
    location.searchParams.set('expires', String(gh.clock.now() + 3_600_000))
    expect((await fetch(location)).status).toBe(403)
  })

  it('answers 410 for an expired log and 404 for a missing one', async () => {
    await using gh = await startEmulator(sampleScenario())
    const octokit = octokitFor(gh)
    const gone = await octokit.rest.actions
      .downloadJobLogsForWorkflowRun({ owner, repo, job_id: 301 })
      .then(shouldHaveFailed, asFailure)
    expect(gone.status).toBe(410)
    expect(gone.response.data).toEqual({
      message: 'Server Error',
      documentation_url:
        'https://docs.github.com/rest/actions/workflow-jobs#download-job-logs-for-a-workflow-run',
      status: '410'
    })
    const missing = await octokit.rest.actions
      .downloadJobLogsForWorkflowRun({ owner, repo, job_id: 302 })
      .then(shouldHaveFailed, asFailure)
    expect(missing.status).toBe(404)
  })

  it('answers 404 while the job is still running, since its log is not finalised', async () => {
    await using gh = await startEmulator(sampleScenario())
    const error = await octokitFor(gh)
      .rest.actions.downloadJobLogsForWorkflowRun({ owner, repo, job_id: 203 })
      .then(shouldHaveFailed, asFailure)
    expect(error.status).toBe(404)
    expect(error.response.data.message).toBe('Not Found')
    expect(gh.requests.map(r => r.route)).not.toContain(signedLogRoute)
  })

  it('streams a generated log lazily instead of materialising it', async () => {
    const chunk = new Uint8Array(1024 * 1024).fill(0x61)
    const totalChunks = 1024 // 1 GiB if anyone read it all
    let produced = 0
    await using gh = await startEmulator(
      sampleScenario({
        runs: [
          {
            id: 1,
            name: 'CI',
            path: '.github/workflows/ci.yml',
            head_branch: 'main',
            head_sha: 'c'.repeat(40),
            event: 'push',
            jobs: [
              {
                id: 5,
                name: 'huge',
                conclusion: 'failure',
                log: async function* () {
                  for (let i = 0; i < totalChunks; i++) {
                    produced++
                    yield chunk
                  }
                }
              }
            ]
          }
        ]
      })
    )
    const response = await fetch(await logLocation(gh, 5))
    expect(response.headers.get('content-length')).toBeNull()
    const reader = response.body?.getReader()
    let received = 0
    while (received < 8 * 1024 * 1024) {
      const { value, done } = (await reader?.read()) ?? { done: true, value: undefined }
      if (done) break
      received += value.byteLength
    }
    await reader?.cancel()
    expect(received).toBeGreaterThanOrEqual(8 * 1024 * 1024)
    // Backpressure: the server has produced roughly what was read plus socket buffers, not 1 GiB.
    expect(produced).toBeLessThan(totalChunks / 4)
  })

  it('streams a fixed log in full with a content-length', async () => {
    const line = '2026-11-26T09:41:00.0000000Z some output line\n'
    const log = line.repeat(200_000) + 'LAST LINE\n'
    await using gh = await startEmulator(
      sampleScenario({
        runs: [
          {
            id: 1,
            name: 'CI',
            path: '.github/workflows/ci.yml',
            head_branch: 'main',
            head_sha: 'c'.repeat(40),
            event: 'push',
            jobs: [{ id: 5, name: 'big', conclusion: 'failure', log: Buffer.from(log) }]
          }
        ]
      })
    )
    const response = await fetch(await logLocation(gh, 5))
    expect(Number(response.headers.get('content-length'))).toBe(Buffer.byteLength(log))
    const text = await response.text()
    expect(text.length).toBe(log.length)
    expect(text.endsWith('LAST LINE\n')).toBe(true)
  })
})
