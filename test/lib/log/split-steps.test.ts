import { describe, expect, it } from 'vitest'
import { analyzeLog } from '../../../scripts/lib/log/analyze-log.js'
import {
  alignSections,
  failedApiStep,
  findFailedSections,
  stepRole,
  type SectionInfo
} from '../../../scripts/lib/log/split-steps.js'
import type { JobStep } from '../../../scripts/lib/log/types.js'
import { LogBuilder } from './make-log.js'

const TSC_ERROR = "src/a.ts(3,7): error TS2322: Type 'string' is not assignable to type 'number'."

function checkoutAndInstall(log: LogBuilder): LogBuilder {
  log.uses('actions/checkout@v4', { repository: 'acme/app', token: '***' }, [
    'Syncing repository: acme/app'
  ])
  log.run('npm ci', ['added 412 packages in 9s', 'found 0 vulnerabilities'])
  return log
}

describe('finding the failed step', () => {
  it('maps a custom-named step by time and order, when neighbours share a second', async () => {
    const log = checkoutAndInstall(new LogBuilder())
    // lint ends and type-check starts within the same second; lint prints an error-looking line
    log.run('npm run lint', ['Error: retrying flaky lint cache (ignored)', 'done'], {
      name: 'Lint'
    })
    log.run('npx tsc --noEmit', [TSC_ERROR], { name: 'Type-check', exit: 2 })
    log.post('Post Run actions/checkout@v4', ['[command]/usr/bin/git version']).complete()
    const lint = log.steps.find(s => s.name === 'Lint') as JobStep
    const types = log.steps.find(s => s.name === 'Type-check') as JobStep
    expect(lint.completed_at).toBe(types.started_at)

    const withApi = await analyzeLog(log.text(), { steps: log.steps })
    expect(withApi.failedStep).toEqual({ name: 'Type-check', number: types.number })
    expect(withApi.keyLines).toEqual([TSC_ERROR])
    expect(withApi.exitCode).toBe(2)
    expect(withApi.category).toBe('type-check')

    const headersOnly = await analyzeLog(log.text())
    expect(headersOnly.failedStep).toEqual({ name: 'Run npx tsc --noEmit', number: null })
    expect(headersOnly.keyLines).toEqual([TSC_ERROR])
  })

  it('takes the API failedStep option over the step list', async () => {
    const log = checkoutAndInstall(new LogBuilder())
    log.run('npm test', ['FAIL src/a.test.ts', '  ● a › works'], { exit: 1 })
    const steps = log.steps.map(s => ({ ...s, conclusion: 'success' }))
    const failing = log.steps.find(s => s.name === 'Run npm test') as JobStep
    const analysis = await analyzeLog(log.text(), {
      steps,
      failedStep: { name: failing.name, number: failing.number }
    })
    expect(analysis.failedStep).toEqual({ name: 'Run npm test', number: failing.number })
    expect(analysis.keyLines[0]).toBe('  ● a › works')
  })

  it('never takes lines from later always() steps or from post-job cleanup', async () => {
    const log = checkoutAndInstall(new LogBuilder())
    log.run('npm test', ['Tests: 1 failed', '  ● cart › sums prices'], { exit: 1 })
    log.uses(
      'actions/upload-artifact@v4',
      { name: 'coverage', path: 'coverage/', 'if-no-files-found': 'error' },
      [
        '##[error]No files were found with the provided path: coverage/. No artifacts will be uploaded.'
      ],
      { conclusion: 'failure' }
    )
    log.post('Post Run actions/checkout@v4', [
      "##[error]The process '/usr/bin/git' failed with exit code 128",
      '##[error]Something broke in cleanup'
    ])
    log.complete()
    for (const options of [{ steps: log.steps }, {}]) {
      const analysis = await analyzeLog(log.text(), options)
      expect(analysis.failedStep?.name).toBe('Run npm test')
      expect(analysis.keyLines).toEqual(['  ● cart › sums prices'])
      expect(analysis.excerpt).not.toContain('No files were found')
      expect(analysis.excerpt).not.toContain('cleanup')
    }
  })

  it('finds a failing setup step that prints ##[error] and no exit code', async () => {
    const log = new LogBuilder()
    log.uses('actions/checkout@v4', { repository: 'acme/app' }, ['Syncing repository: acme/app'])
    log.uses(
      'actions/setup-node@v4',
      { 'node-version': '99' },
      [
        'Attempting to download 99...',
        "##[error]Unable to find Node version '99' for platform linux and architecture x64."
      ],
      { name: 'Set up Node', conclusion: 'failure' }
    )
    log.skip('Run npm ci').skip('Run npm test')
    log.post('Post Run actions/checkout@v4', ['[command]/usr/bin/git version']).complete()
    const withApi = await analyzeLog(log.text(), { steps: log.steps })
    expect(withApi.failedStep?.name).toBe('Set up Node')
    expect(withApi.category).toBe('infrastructure')
    expect(withApi.keyLines).toEqual([
      "Unable to find Node version '99' for platform linux and architecture x64."
    ])
    expect(withApi.exitCode).toBeNull()
    const headersOnly = await analyzeLog(log.text())
    expect(headersOnly.failedStep).toEqual({ name: 'Run actions/setup-node@v4', number: null })
    expect(headersOnly.category).toBe('infrastructure')
  })

  it('finds a failing JavaScript action by its `The process … failed with exit code` line', async () => {
    const log = new LogBuilder()
    log.uses(
      'actions/checkout@v4',
      { repository: 'acme/private-dep' },
      [
        "fatal: could not read Username for 'https://github.com': terminal prompts disabled",
        "##[error]The process '/usr/bin/git' failed with exit code 128"
      ],
      { conclusion: 'failure' }
    )
    log.skip('Run npm test')
    log.post('Post Run actions/checkout@v4', [
      "##[warning]The process '/usr/bin/git' failed with exit code 128"
    ])
    log.complete()
    const analysis = await analyzeLog(log.text())
    expect(analysis.failedStep?.name).toBe('Run actions/checkout@v4')
    expect(analysis.exitCode).toBe(128)
    expect(analysis.keyLines).toEqual([
      "fatal: could not read Username for 'https://github.com': terminal prompts disabled"
    ])
    expect(analysis.category).toBe('infrastructure')
  })

  it('reports a step timeout as a terminal failure of that step', async () => {
    const log = checkoutAndInstall(new LogBuilder())
    log.run(
      'npm test',
      [' ✓ a 3ms', ' ✓ b 4ms', "##[error]The action 'Test' has timed out after 10 minutes."],
      {
        name: 'Test',
        conclusion: 'failure'
      }
    )
    log.complete()
    for (const options of [{ steps: log.steps }, {}]) {
      const analysis = await analyzeLog(log.text(), options)
      expect(analysis.terminal).toBe('timeout')
      expect(analysis.category).toBe('infrastructure')
      expect(analysis.keyLines[0]).toBe("The action 'Test' has timed out after 10 minutes.")
      expect(analysis.signature).toEqual(['terminal:timeout'])
    }
  })

  it('reports a cancellation', async () => {
    const log = checkoutAndInstall(new LogBuilder())
    log.run('npm test', [' ✓ a 3ms', '##[error]The operation was canceled.'], {
      conclusion: 'failure'
    })
    const analysis = await analyzeLog(log.text())
    expect(analysis.terminal).toBe('cancelled')
    expect(analysis.failedStep?.name).toBe('Run npm test')
  })

  it('gives a composite action all its inner `Run` sections', async () => {
    const log = new LogBuilder()
    log.uses('actions/checkout@v4', {}, ['Syncing repository: acme/app'])
    log.begin('Build and test')
    log.line('##[group]Run ./.github/actions/build')
    log.line('##[endgroup]')
    log.line('##[group]Run npm ci')
    log.line('\x1b[36;1mnpm ci\x1b[0m')
    log.line('shell: /usr/bin/bash --noprofile --norc -e -o pipefail {0}')
    log.line('##[endgroup]')
    log.line('added 3 packages')
    log.line('##[group]Run npm run build')
    log.line('\x1b[36;1mnpm run build\x1b[0m')
    log.line('##[endgroup]')
    log.line("src/x.ts(1,1): error TS2304: Cannot find name 'y'.")
    log.line('##[error]Process completed with exit code 2.')
    log.finish('failure')
    log.complete()
    const analysis = await analyzeLog(log.text(), { steps: log.steps })
    expect(analysis.failedStep?.name).toBe('Build and test')
    expect(analysis.keyLines).toEqual(["src/x.ts(1,1): error TS2304: Cannot find name 'y'."])
  })

  it("does not take a tool's own `::group::Run …` for a step", async () => {
    const log = checkoutAndInstall(new LogBuilder())
    log.run(
      'make test',
      ['##[group]Run unit tests', 'running 3 tests', '--- FAIL: TestAdd (0.00s)', '##[endgroup]'],
      { exit: 2 }
    )
    const analysis = await analyzeLog(log.text())
    expect(analysis.failedStep?.name).toBe('Run make test')
    expect(analysis.keyLines).toEqual(['--- FAIL: TestAdd (0.00s)'])
  })

  it('keeps continuation lines (no timestamp) in the step of the line they continue', async () => {
    const log = checkoutAndInstall(new LogBuilder())
    log.begin('Run ./deploy.sh')
    log.line('##[group]Run ./deploy.sh').line('\x1b[36;1m./deploy.sh\x1b[0m').line('##[endgroup]')
    // a multi-line `::error::` message: its later lines carry no timestamp
    log.line('##[error]Deploy failed:')
    log.continuation('Post job cleanup.')
    log.continuation('  details: quota exceeded')
    log.line('##[error]Process completed with exit code 1.')
    log.finish('failure')
    for (const options of [{ steps: log.steps }, {}]) {
      const analysis = await analyzeLog(log.text(), options)
      expect(analysis.failedStep?.name).toBe('Run ./deploy.sh')
      expect(analysis.keyLines[0]).toBe('Deploy failed:')
      expect(analysis.excerpt.split('\n')).toEqual([
        'Deploy failed:',
        'Post job cleanup.',
        '  details: quota exceeded'
      ])
    }
  })
})

describe('alignSections', () => {
  const section = (title: string, startTime: string) => ({ title, startTime })
  const step = (name: string, number: number, started: string, completed: string): JobStep => ({
    name,
    number,
    status: 'completed',
    conclusion: 'success',
    started_at: `2026-01-01T00:00:${started}Z`,
    completed_at: `2026-01-01T00:00:${completed}Z`
  })

  it('matches one section per step by time even with custom names', () => {
    const sections = [
      section('Run a', '2026-01-01T00:00:01.5Z'),
      section('Run b', '2026-01-01T00:00:05.1Z')
    ]
    const steps = [step('First', 2, '01', '04'), step('Second', 3, '05', '09')]
    expect(alignSections(sections, steps)).toEqual([0, 1])
  })

  it('splits same-second neighbours by order', () => {
    const sections = [
      section('Run a', '2026-01-01T00:00:05.1Z'),
      section('Run b', '2026-01-01T00:00:05.6Z'),
      section('Run c', '2026-01-01T00:00:05.9Z')
    ]
    const steps = [step('A', 2, '05', '05'), step('B', 3, '05', '05'), step('C', 4, '05', '06')]
    expect(alignSections(sections, steps)).toEqual([0, 1, 2])
  })

  it('gives a composite step its inner sections (by time and default names)', () => {
    const sections = [
      section('Run ./action', '2026-01-01T00:00:01.1Z'),
      section('Run npm ci', '2026-01-01T00:00:02.1Z'),
      section('Run npm test', '2026-01-01T00:00:07.1Z')
    ]
    const steps = [step('Composite', 2, '01', '06'), step('Run npm test', 3, '07', '09')]
    expect(alignSections(sections, steps)).toEqual([0, 0, 1])
  })

  it('uses the default `Run …` names when times are missing', () => {
    const sections = [section('Run a', ''), section('Run b', ''), section('Run c', '')]
    const steps: JobStep[] = ['Run a', 'Run c'].map((name, i) => ({
      name,
      number: i + 2,
      status: 'completed',
      conclusion: 'success'
    }))
    expect(alignSections(sections, steps)).toEqual([0, 0, 1])
  })
})

describe('step roles and the failed API step', () => {
  const steps: JobStep[] = [
    { name: 'Set up job', number: 1, status: 'completed', conclusion: 'success' },
    { name: 'Run actions/checkout@v4', number: 2, status: 'completed', conclusion: 'success' },
    { name: 'Post results', number: 3, status: 'completed', conclusion: 'failure' },
    { name: 'Post Run actions/checkout@v4', number: 4, status: 'completed', conclusion: 'failure' },
    { name: 'Complete job', number: 5, status: 'completed', conclusion: 'success' }
  ]

  it.each([
    [0, 'setup'],
    [1, 'main'],
    [2, 'main'],
    [3, 'post'],
    [4, 'complete']
  ])('step %i is %s', (index, role) => {
    expect(stepRole(steps[index] as JobStep, steps.slice(0, index))).toBe(role)
  })

  it('picks the first failed step', () => {
    expect(failedApiStep(steps)?.number).toBe(3)
    expect(failedApiStep([])).toBeNull()
  })

  it('falls back to markers when there are no steps', () => {
    const sections: SectionInfo[] = [
      {
        index: 0,
        kind: 'setup',
        title: null,
        startTime: null,
        firstLine: 1,
        lastLine: 3,
        exitCode: null,
        terminal: null,
        errorCount: 0
      },
      {
        index: 1,
        kind: 'step',
        title: 'Run a',
        startTime: null,
        firstLine: 4,
        lastLine: 8,
        exitCode: 1,
        terminal: null,
        errorCount: 0
      },
      {
        index: 2,
        kind: 'step',
        title: 'Run b',
        startTime: null,
        firstLine: 9,
        lastLine: 12,
        exitCode: 1,
        terminal: null,
        errorCount: 1
      },
      {
        index: 3,
        kind: 'post',
        title: null,
        startTime: null,
        firstLine: 13,
        lastLine: 14,
        exitCode: 1,
        terminal: null,
        errorCount: 1
      }
    ]
    expect(findFailedSections(sections)).toEqual({
      sections: [1],
      step: { name: 'Run a', number: null }
    })
  })
})
