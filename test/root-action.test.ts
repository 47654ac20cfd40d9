import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import {
  ACTION,
  checkRootAction,
  ROOT,
  ROOT_ACTION,
  rootActionYaml
} from '../scripts/dev/build-dist.js'
import { brandingIcons, checkMarketplace } from '../scripts/dev/check-marketplace.js'
import { octokitFor, startEmulator } from '../scripts/dev/emulator/index.js'
import { readActionYaml, runAction } from '../scripts/dev/run-action.js'
import {
  baseScenario,
  ciContext,
  ciRun,
  corpusCase,
  OWNER,
  REPO
} from '../scripts/dev/scenarios.js'

const temps: string[] = []
const tempDir = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'log-bugs-root-action-'))
  temps.push(dir)
  return dir
}
afterAll(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true })
})

const inner = readActionYaml()
const root = readActionYaml(ROOT)

describe('the root action.yml (uses: owner/log-bugs@v1)', () => {
  it('is what npm run build makes from actions/log-bugs/action.yml', () => {
    expect(readFileSync(ROOT_ACTION, 'utf8')).toBe(rootActionYaml(readFileSync(ACTION, 'utf8')))
    expect(checkRootAction()).toEqual([])
  })

  it('has the inner action’s inputs and outputs, and its steps save where they load from', () => {
    expect(root.inputs).toEqual(inner.inputs)
    expect(root.outputs).toEqual(inner.outputs)
    const withoutScripts = (action: typeof inner) =>
      action.runs.steps.map(({ with: inputs, ...step }) => ({
        ...step,
        with: { ...inputs, script: undefined }
      }))
    expect(withoutScripts(root)).toEqual(withoutScripts(inner))
    for (const step of root.runs.steps)
      expect(step.with?.script).toContain(`'actions', 'log-bugs', 'dist', '${step.id}.js'`)
  })

  it('check-dist reports it missing or stale', () => {
    const dir = tempDir()
    expect(checkRootAction(join(dir, 'action.yml'))).toEqual([
      "missing: action.yml (the repository root's)"
    ])
    writeFileSync(join(dir, 'action.yml'), readFileSync(ACTION, 'utf8'))
    expect(checkRootAction(join(dir, 'action.yml'))).toEqual([
      "stale: action.yml (the repository root's)"
    ])
  })

  it('refuses a step that finds its folder in a way the rewrite does not know', () => {
    const source = readFileSync(ACTION, 'utf8').replace(
      "require('node:path').join(process.env.GITHUB_ACTION_PATH, 'dist', 'tail-log.js')",
      "process.env.GITHUB_ACTION_PATH + '/dist/tail-log.js'"
    )
    expect(() => rootActionYaml(source)).toThrow(/action\.yml:\d+: a step finds its folder/)
  })

  it('runs end to end against the emulator, GITHUB_ACTION_PATH at the repository root', async () => {
    await using gh = await startEmulator(
      baseScenario([
        ciRun({
          id: 1001,
          pr: 12,
          passed: ['lint'],
          failed: [['typecheck', corpusCase({ tool: 'tsc' })]]
        })
      ])
    )
    const run = await runAction({
      actionDir: ROOT,
      apiUrl: gh.url,
      inputs: { 'run-id': '1001' },
      env: { GITHUB_RUN_ATTEMPT: '1' },
      context: ciContext(gh.url, 1001, 'pull_request')
    })
    expect(run.failed).toBeNull()
    expect(run.steps.map(step => step.outcome)).toEqual(inner.runs.steps.map(() => 'success'))
    expect(run.outputs.created).toBe('1')
    const octokit = octokitFor(gh)
    const { data: issues } = await octokit.rest.issues.listForRepo({ owner: OWNER, repo: REPO })
    expect(issues.filter(issue => !issue.pull_request).map(issue => issue.title)).toEqual([
      expect.stringMatching(/^\[feature\/7-login\] typecheck job failed/)
    ])
    expect(run.outputs['comment-url']).toMatch(/\/pull\/12#issuecomment-\d+$/)
  })

  it('is needed: the inner action.yml alone at the root would find no modules', async () => {
    const dir = tempDir()
    copyFileSync(ACTION, join(dir, 'action.yml'))
    await using gh = await startEmulator(
      baseScenario([ciRun({ id: 1001, pr: 12, passed: ['lint'], failed: [] })])
    )
    const run = await runAction({
      actionDir: dir,
      apiUrl: gh.url,
      inputs: { 'run-id': '1001' },
      context: ciContext(gh.url, 1001, 'pull_request')
    })
    expect(run.failed).toMatch(/Cannot find module|ERR_MODULE_NOT_FOUND/)
    expect(run.steps[0]?.outcome).toBe('failure')
  })
})

describe('the Marketplace rules', () => {
  it('hold for the root action.yml', () => {
    expect(checkMarketplace(parse(readFileSync(ROOT_ACTION, 'utf8')))).toEqual([])
  })

  it('know GitHub’s Feather icons', () => {
    const icons = brandingIcons()
    expect(icons.length).toBeGreaterThan(200)
    expect(icons).toContain('alert-triangle')
    // GitHub leaves out Feather's brand icons
    expect(icons).not.toContain('github')
  })

  const good = {
    name: 'log-bugs',
    description: 'Files issues',
    branding: { icon: 'alert-triangle', color: 'red' }
  }
  it.each([
    [{ ...good, name: undefined }, 'name: missing'],
    [{ ...good, name: 'GitHub Action' }, 'name: "GitHub Action" is generic'],
    [{ ...good, description: 'x'.repeat(126) }, 'description: 126 characters, more than 125'],
    [{ ...good, description: '' }, 'description: missing'],
    [{ ...good, branding: { ...good.branding, icon: 'github' } }, 'branding.icon: github is not'],
    [{ ...good, branding: { icon: 'activity' } }, 'branding.color: undefined is not one of'],
    [
      { ...good, branding: { icon: 'activity', color: 'pink' } },
      'branding.color: pink is not one of'
    ]
  ])('refuse %j', (metadata, problem) => {
    expect(checkMarketplace(metadata)).toEqual([expect.stringContaining(problem)])
  })

  it('accept the good example and a 125-character description', () => {
    expect(checkMarketplace(good)).toEqual([])
    expect(checkMarketplace({ ...good, description: 'x'.repeat(125) })).toEqual([])
  })
})
