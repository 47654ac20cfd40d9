import { describe, expect, it } from 'vitest'
import { groupFailures } from '../../../scripts/lib/issue/group-failures.js'
import type { FailedJob, JobLog, RunContext } from '../../../scripts/lib/issue/types.js'
import type { LogAnalysis } from '../../../scripts/lib/log/types.js'

const context: RunContext = {
  owner: 'acme',
  repo: 'webapp',
  serverUrl: 'https://github.com',
  runId: 1,
  attempt: 1,
  runUrl: 'https://github.com/acme/webapp/actions/runs/1',
  event: 'push',
  workflow: { name: 'CI', path: '.github/workflows/ci.yml' },
  branch: 'main',
  defaultBranch: 'main',
  sha: 'a'.repeat(40),
  pr: null,
  feature: { id: '', name: '' },
  failedJobs: [],
  jobsSource: 'api',
  jobResults: {},
  earlierAttempts: []
}

const job = (id: number, name: string, step = 'Run npm test'): FailedJob => ({
  id,
  name,
  status: 'completed',
  conclusion: 'failure',
  url: `https://github.com/acme/webapp/actions/runs/1/job/${id}`,
  runAttempt: 1,
  steps: [],
  failedStep: {
    name: step,
    number: 3,
    url: `https://github.com/acme/webapp/actions/runs/1/job/${id}#step:3:1`
  }
})

const analysis = (keyLine: string, step = 'Run npm test'): LogAnalysis => ({
  failedStep: { name: step, number: 3 },
  category: 'test',
  terminal: null,
  keyLines: [keyLine],
  excerpt: keyLine,
  excerptLines: { first: 10, last: 10 },
  exitCode: 1,
  signature: [keyLine],
  totalLines: 20,
  bytes: 400
})

const read = (j: FailedJob, a: LogAnalysis): JobLog => ({
  jobId: j.id,
  jobName: j.name,
  logAvailable: true,
  unavailableReason: null,
  analysis: a
})
const unread = (j: FailedJob, why = 'the log has expired or was deleted (HTTP 410)'): JobLog => ({
  jobId: j.id,
  jobName: j.name,
  logAvailable: false,
  unavailableReason: why,
  analysis: null
})

describe('groupFailures', () => {
  it('puts matrix legs that failed the same way into one failure', () => {
    const jobs = [job(1, 'test (ubuntu-latest, 20)'), job(2, 'test (windows-latest, 22)')]
    const failures = groupFailures(
      { ...context, failedJobs: jobs },
      jobs.map(j => read(j, analysis('FAIL src/a.test.ts > adds')))
    )
    expect(failures).toHaveLength(1)
    expect(failures[0]?.jobs.map(j => j.name)).toEqual([
      'test (ubuntu-latest, 20)',
      'test (windows-latest, 22)'
    ])
  })

  it('keeps different failures of the same job apart', () => {
    const jobs = [job(1, 'test (a)'), job(2, 'test (b)')]
    const failures = groupFailures({ ...context, failedJobs: jobs }, [
      read(jobs[0]!, analysis('FAIL adds')),
      read(jobs[1]!, analysis('FAIL subtracts'))
    ])
    expect(failures).toHaveLength(2)
  })

  it('lets a leg whose log was not read join an analysed leg of the same job and step', () => {
    const jobs = [job(1, 'test (a)'), job(2, 'test (b)'), job(3, 'lint')]
    const failures = groupFailures({ ...context, failedJobs: jobs }, [
      unread(jobs[0]!),
      read(jobs[1]!, analysis('FAIL adds')),
      unread(jobs[2]!)
    ])
    expect(failures.map(f => f.jobs.map(j => j.name))).toEqual([['test (b)', 'test (a)'], ['lint']])
    expect(failures[0]?.primary.job.name).toBe('test (b)')
    expect(failures[1]?.primary.log.unavailableReason).toMatch(/expired/)
  })

  it('does not join a leg that failed in another step', () => {
    const jobs = [job(1, 'test (a)', 'Run npm ci'), job(2, 'test (b)')]
    const failures = groupFailures({ ...context, failedJobs: jobs }, [
      unread(jobs[0]!),
      read(jobs[1]!, analysis('FAIL adds'))
    ])
    expect(failures).toHaveLength(2)
  })

  it('gives the same failure the same fingerprint in another run, and a new one elsewhere', () => {
    const jobs = [job(1, 'test (a)')]
    const one = groupFailures({ ...context, failedJobs: jobs }, [
      read(jobs[0]!, analysis('FAIL adds'))
    ])
    const again = groupFailures({ ...context, runId: 2, failedJobs: jobs }, [
      read(jobs[0]!, analysis('FAIL adds'))
    ])
    const other = groupFailures(
      {
        ...context,
        workflow: { name: 'Nightly', path: '.github/workflows/nightly.yml' },
        failedJobs: jobs
      },
      [read(jobs[0]!, analysis('FAIL adds'))]
    )
    expect(again[0]?.fingerprint).toBe(one[0]?.fingerprint)
    expect(other[0]?.fingerprint).not.toBe(one[0]?.fingerprint)
    expect(one[0]?.fingerprint).toMatch(/^v1:[0-9a-f]{32}$/)
  })
})
