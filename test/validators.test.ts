import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { data } from '@actions/expressions'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'

import {
  evaluateCondition,
  evaluateExpression,
  evaluateTemplate,
  type JobStatus
} from '../scripts/dev/evaluate-expressions.js'
import { expressionSpans, findExpressions } from '../scripts/dev/find-expressions.js'
import { listActionFiles, listWorkflowFiles } from '../scripts/dev/list-workflow-files.js'
import { validateWorkflows } from '../scripts/dev/validate-workflows.js'
import { formatFinding } from '../scripts/dev/workflow-finding.js'
import { tempRepos } from './harness/temp-repo.js'

const repoRoot = fileURLToPath(new URL('..', import.meta.url))

const WORKFLOW = `name: ok
on: push
permissions:
  contents: read
jobs:
  build:
    runs-on: ubuntu-latest
    timeout-minutes: 5
    steps:
      - env:
          BRANCH: \${{ github.head_ref }}
        run: echo "$BRANCH"
`

const ACTION = `name: tiny
description: A composite action that GitHub accepts
inputs:
  greeting:
    description: What to say
    default: hello
outputs:
  said:
    description: What was said
    value: \${{ steps.say.outputs.said }}
runs:
  using: composite
  steps:
    - id: say
      shell: bash
      env:
        GREETING: \${{ inputs.greeting }}
      run: echo "said=$GREETING" >> "$GITHUB_OUTPUT"
`

const makeRepo = tempRepos('validators-')

describe("GitHub's validators on this repository", () => {
  it('read every workflow, workflow template and action file', () => {
    const workflows = listWorkflowFiles(repoRoot)
    expect(workflows).toEqual(expect.arrayContaining(['.github/workflows/ci.yml']))
    expect(workflows.some(file => file.startsWith('templates/workflows/'))).toBe(true)
    expect(listActionFiles(repoRoot, { root: true })).toContain('actions/log-bugs/action.yml')
  })

  it('accept all of them', async () => {
    expect((await validateWorkflows(repoRoot)).map(formatFinding)).toEqual([])
  })

  it('accept the baseline workflow and action the cases below break', async () => {
    const root = makeRepo({ '.github/workflows/ok.yml': WORKFLOW, 'action.yml': ACTION })
    expect((await validateWorkflows(root)).map(formatFinding)).toEqual([])
  })

  it('find files by pattern: a root action.yml, a .yaml action, any new workflow', () => {
    const root = makeRepo({
      'action.yml': ACTION,
      'actions/other/action.yaml': ACTION,
      '.github/workflows/release.yml': WORKFLOW,
      'templates/workflows/nightly.yaml': WORKFLOW,
      '.github/workflows/notes.md': 'not a workflow'
    })
    expect(listWorkflowFiles(root)).toEqual([
      '.github/workflows/release.yml',
      'templates/workflows/nightly.yaml'
    ])
    expect(listActionFiles(root, { root: true })).toEqual([
      'action.yml',
      'actions/other/action.yaml'
    ])
    expect(listActionFiles(root)).toEqual(['actions/other/action.yaml'])
  })
})

describe('@actions/workflow-parser', () => {
  const cases: { name: string; edit: (source: string) => string; line: number; message: RegExp }[] =
    [
      {
        name: 'an unknown job key',
        edit: source => source.replace('    steps:', '    stepz:'),
        line: 9,
        message: /Unexpected value 'stepz'/
      },
      {
        name: 'a job graph with no job to start from',
        edit: source => source.replace('    timeout-minutes: 5\n', '    needs: build\n'),
        line: 6,
        message: /at least one job with no dependencies/
      },
      {
        name: 'a context the key may not name',
        edit: source => source.replace('github.head_ref', 'secret.token'),
        line: 11,
        message: /Unrecognized named-value: 'secret'/
      },
      {
        name: 'a string where a number belongs',
        edit: source => source.replace('timeout-minutes: 5', 'timeout-minutes: soon'),
        line: 8,
        message: /Unexpected value 'soon'/
      }
    ]

  it.each(cases)('reports $name with its line', async ({ edit, line, message }) => {
    const source = edit(WORKFLOW)
    expect(source).not.toBe(WORKFLOW)
    const root = makeRepo({ '.github/workflows/broken.yml': source })
    const findings = (await validateWorkflows(root)).filter(f => f.rule === 'workflow-parser')
    expect(findings).toContainEqual({
      file: '.github/workflows/broken.yml',
      line,
      rule: 'workflow-parser',
      message: expect.stringMatching(message)
    })
  })

  it('checks a call of a local reusable workflow against its inputs', async () => {
    const callee = `on:
  workflow_call:
    inputs:
      job_results: { type: string, required: true }
jobs:
  report:
    runs-on: ubuntu-latest
    steps:
      - run: echo hi
`
    const caller = `on: push
jobs:
  report:
    uses: ./.github/workflows/callee.yml
    with:
      jobresults: x
`
    const root = makeRepo({
      '.github/workflows/callee.yml': callee,
      'templates/workflows/caller.yml': caller
    })
    const findings = (await validateWorkflows(root)).filter(f => f.rule === 'workflow-parser')
    expect(findings.map(formatFinding)).toEqual([
      'templates/workflows/caller.yml:4: [workflow-parser] Input job_results is required, but not provided while calling.',
      'templates/workflows/caller.yml:6: [workflow-parser] Invalid input, jobresults is not defined in the referenced workflow.'
    ])
  })

  it('reports an action.yml key the runner does not know', async () => {
    const root = makeRepo({
      'actions/tiny/action.yml': ACTION.replace('      shell: bash\n', '      shel: bash\n')
    })
    const findings = (await validateWorkflows(root)).filter(f => f.rule === 'workflow-parser')
    expect(findings).toContainEqual(
      expect.objectContaining({ file: 'actions/tiny/action.yml', line: 15 })
    )
  })

  it('fails npm run lint:workflows with file:line on the broken workflow', () => {
    const root = makeRepo({
      '.github/workflows/broken.yml': WORKFLOW.replace('    steps:', '    stepz:')
    })
    let output = ''
    let status = 0
    try {
      execFileSync('npx', ['tsx', 'scripts/debug/lint-workflows.ts', root], {
        cwd: repoRoot,
        encoding: 'utf8',
        stdio: 'pipe'
      })
    } catch (error) {
      ;({ stdout: output, status } = error as { stdout: string; status: number })
    }
    expect(status).toBe(1)
    expect(output).toContain(
      ".github/workflows/broken.yml:9: [workflow-parser] Unexpected value 'stepz'"
    )
  })
})

describe("SchemaStore's schemas (action-validator)", () => {
  const actionCases: { name: string; action: string; line: number; message: RegExp }[] = [
    {
      name: 'an input with a misspelt key',
      action: ACTION.replace('    description: What to say', '    descripton: What to say'),
      line: 4,
      message: /\/inputs\/greeting: Additional property 'descripton' is not allowed/
    },
    {
      name: 'a composite action without steps',
      action: ACTION.slice(0, ACTION.indexOf('  steps:')),
      line: 11,
      message:
        /\/runs: OneOf conditions are not met \(closest: .*\/runs\/steps: This property is required/
    },
    {
      name: 'no description',
      action: ACTION.replace('description: A composite action that GitHub accepts\n', ''),
      line: 1,
      message: /\/description: This property is required/
    }
  ]

  it.each(actionCases)('report $name in action.yml', async ({ action, line, message }) => {
    const root = makeRepo({ 'action.yml': action })
    const findings = (await validateWorkflows(root)).filter(f => f.rule === 'action-schema')
    expect(findings).toContainEqual({
      file: 'action.yml',
      line,
      rule: 'action-schema',
      message: expect.stringMatching(message)
    })
  })

  it('report a workflow the github-workflow schema refuses', async () => {
    const root = makeRepo({
      '.github/workflows/broken.yml': WORKFLOW.replace('runs-on: ubuntu-latest', 'runs_on: x')
    })
    const findings = (await validateWorkflows(root)).filter(f => f.rule === 'workflow-schema')
    expect(findings.length).toBeGreaterThan(0)
    expect(findings[0]).toMatchObject({ file: '.github/workflows/broken.yml', line: 6 })
  })
})

describe('@actions/expressions', () => {
  it('parses every expression in the workflows and finds plenty', () => {
    const count = listWorkflowFiles(repoRoot)
      .map(file => findExpressions(readFileSync(join(repoRoot, file), 'utf8')).length)
      .reduce((a, b) => a + b, 0)
    // The validators found no error above; this shows they had something to check.
    expect(count).toBeGreaterThan(30)
  })

  it('reports a syntax error with the file and line of the ${{', async () => {
    const source = WORKFLOW.replace(
      '        run: echo "$BRANCH"\n',
      '          TITLE: ${{ github.event.pull_request.title == }}\n        run: echo "$BRANCH"\n'
    )
    const root = makeRepo({ '.github/workflows/broken.yml': source })
    const findings = (await validateWorkflows(root)).filter(f => f.rule === 'expression')
    expect(findings.map(formatFinding)).toEqual([
      expect.stringMatching(
        /^\.github\/workflows\/broken\.yml:12: \[expression\] \$\{\{ github\.event\.pull_request\.title == \}\} at jobs\.build\.steps\.0\.env\.TITLE: /
      )
    ])
  })

  it('reports a bare if: naming a context an action cannot see, and an unclosed ${{', async () => {
    const action = ACTION.replace(
      '    - id: say\n',
      "    - id: say\n      if: secrets.token != ''\n"
    ).replace('default: hello', 'default: ${{ github.actor')
    const root = makeRepo({ 'action.yml': action })
    const findings = (await validateWorkflows(root)).filter(f => f.rule === 'expression')
    expect(findings.map(formatFinding)).toEqual([
      'action.yml:6: [expression] ${{ has no closing }}',
      expect.stringMatching(
        /^action\.yml:15: \[expression\] secrets\.token != '' at runs\.steps\.0\.if: .*secrets/
      )
    ])
  })

  it('finds the line of each ${{ in a block scalar and the end of each one', () => {
    const found = findExpressions(
      "a:\n  b: |\n    one\n    ${{ x }} and ${{ format('{0}}}', y) }}\n  if: always()\n"
    )
    expect(found).toEqual([
      { expression: 'x', path: ['a', 'b'], line: 4, bare: false },
      { expression: "format('{0}}}', y)", path: ['a', 'b'], line: 4, bare: false },
      { expression: 'always()', path: ['a', 'if'], line: 5, bare: true }
    ])
    expect(expressionSpans('${{ a }}${{ b')).toEqual([
      { raw: ' a ', start: 0, end: 8, unterminated: false },
      { raw: ' b', start: 8, end: 13, unterminated: true }
    ])
  })

  it("evaluates every expression in the action files against a runner's contexts", () => {
    for (const file of listActionFiles(repoRoot, { root: true })) {
      const source = readFileSync(join(repoRoot, file), 'utf8')
      const action = parse(source) as {
        inputs?: Record<string, { default?: string }>
        outputs?: Record<string, { value: string }>
        runs: { steps?: { id?: string; env?: Record<string, string> }[] }
      }
      const contexts = runnerContexts(action)
      const found = findExpressions(source)
      expect(found.length).toBeGreaterThan(0)
      for (const { expression, path, line, bare } of found) {
        const where = `${file}:${line} ${path.join('.')}`
        if (bare || String(path.at(-1)).endsWith('if')) {
          expect(typeof evaluateCondition(expression, contexts), where).toBe('boolean')
          continue
        }
        const value = evaluateExpression(expression, contexts)
        // An unknown property evaluates to null rather than failing: that is how a typo in a
        // step id or input name shows.
        expect(value.kind, `${where}: ${expression} is null`).not.toBe(data.Kind.Null)
      }

      // toJSON(inputs) hands the first step every input, by its name, defaults applied.
      const inputsEnv = action.runs.steps
        ?.flatMap(step => Object.values(step.env ?? {}))
        .find(value => value.includes('toJSON(inputs)'))
      if (inputsEnv !== undefined) {
        const json = evaluateTemplate(inputsEnv, contexts)
        expect(json.kind).toBe(data.Kind.String)
        const passed = JSON.parse(json.coerceString()) as Record<string, string>
        expect(Object.keys(passed).sort()).toEqual(Object.keys(action.inputs ?? {}).sort())
        expect(passed['github-token'] ?? TOKEN).toBe(TOKEN)
      }

      // Each output reads exactly one step's output, and that step exists.
      for (const [name, output] of Object.entries(action.outputs ?? {})) {
        const read = /^\$\{\{ steps\.([\w-]+)\.outputs\.([\w-]+) \}\}$/.exec(output.value)
        expect(read, `output ${name}: ${output.value}`).not.toBeNull()
        const [, step = '', key = ''] = read ?? []
        expect(evaluateTemplate(output.value, contexts).coerceString()).toBe(`${step}/${key}`)
      }
    }
  })

  const conditions: { condition: string; status: JobStatus; runs: boolean }[] = [
    { condition: "github.event_name == 'pull_request'", status: 'success', runs: true },
    // No status function: the implicit success() && stops it once the job has failed.
    { condition: "github.event_name == 'pull_request'", status: 'failure', runs: false },
    { condition: '${{ failure() }}', status: 'failure', runs: true },
    { condition: "always() && github.event_name == 'push'", status: 'failure', runs: false },
    { condition: 'cancelled()', status: 'cancelled', runs: true },
    { condition: '!cancelled()', status: 'failure', runs: true }
  ]

  it.each(conditions)(
    'evaluates if: $condition on $status as $runs',
    ({ condition, status, runs }) => {
      const contexts = { github: { event_name: 'pull_request' } }
      expect(evaluateCondition(condition, contexts, status)).toBe(runs)
    }
  )

  it('refuses a context that was not given', () => {
    expect(() => evaluateExpression('nope.x', { github: {} })).toThrow(/Unrecognized named-value/)
  })
})

const TOKEN = 'ghs_16C7e42F292c6912E7710c838347Ae178B4a'

/**
 * The contexts a composite action's step sees on a runner, for a pull_request run. Input
 * defaults are evaluated first (they may name github), as the runner does; each step's outputs
 * hold `<step>/<name>` for the names the action's outputs read, so a value shows where it came from.
 */
function runnerContexts(action: {
  inputs?: Record<string, { default?: string }>
  outputs?: Record<string, { value: string }>
  runs: { steps?: { id?: string }[] }
}): Record<string, unknown> {
  const github = {
    token: TOKEN,
    event_name: 'pull_request',
    run_id: '16582131405',
    run_number: '412',
    run_attempt: '1',
    repository: 'octo-org/octo-repo',
    repository_owner: 'octo-org',
    ref: 'refs/pull/7/merge',
    head_ref: 'fix-parser',
    base_ref: 'main',
    sha: '6dcb09b5b57875f334f61aebed695e2e4193db5e',
    actor: 'octocat',
    workflow: 'CI',
    job: 'log-bugs',
    server_url: 'https://github.com',
    api_url: 'https://api.github.com',
    workspace: '/home/runner/work/octo-repo/octo-repo',
    action_path: '/home/runner/work/_actions/octo-org/log-bugs/v1/actions/log-bugs',
    event: { number: 7, pull_request: { number: 7, user: { login: 'octocat' } } }
  }
  const runner = {
    os: 'Linux',
    arch: 'X64',
    name: 'GitHub Actions 2',
    temp: '/home/runner/work/_temp'
  }
  const inputs: Record<string, string> = {}
  for (const [name, input] of Object.entries(action.inputs ?? {})) {
    inputs[name] = evaluateTemplate(input.default ?? '', { github, runner }).coerceString()
  }
  const stepIds = new Set((action.runs.steps ?? []).flatMap(step => (step.id ? [step.id] : [])))
  const steps: Record<
    string,
    { outputs: Record<string, string>; outcome: string; conclusion: string }
  > = {}
  for (const id of stepIds)
    steps[id] = { outputs: { result: '{}' }, outcome: 'success', conclusion: 'success' }
  for (const output of Object.values(action.outputs ?? {})) {
    for (const [, id = '', name = ''] of output.value.matchAll(
      /steps\.([\w-]+)\.outputs\.([\w-]+)/g
    )) {
      const step = steps[id]
      if (step) step.outputs[name] = `${id}/${name}`
    }
  }
  return {
    github,
    runner,
    inputs,
    steps,
    env: {},
    job: { status: 'success' },
    strategy: {},
    matrix: {},
    vars: {}
  }
}
