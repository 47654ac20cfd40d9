import { existsSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  octokitFor,
  startEmulator,
  type Emulator,
  type SeedJob
} from '../scripts/dev/emulator/index.js'
import {
  baseScenario,
  ciContext,
  ciRun,
  corpusCase,
  OWNER,
  pullRequestPayload,
  REPO
} from '../scripts/dev/scenarios.js'
import { ROOT, runAction, type ActionRun } from '../scripts/dev/run-action.js'

interface HostileCase {
  id: string
  field: 'branch' | 'prTitle' | 'log' | 'jobName' | 'stepName' | 'prAuthor'
  value: string | string[] | { repeat: string; times: number; prefix?: string; suffix?: string }
  encoding?: 'base64'
  mustNotContain: string[]
  mustContain?: string[] | boolean
  mustNotPing?: boolean
  secrets?: boolean
}

const cases = JSON.parse(
  readFileSync(join(ROOT, 'test/fixtures/hostile/cases.json'), 'utf8')
) as HostileCase[]

/** A case's value: pieces are joined (so no secret-shaped string sits whole in the repo). */
function valueOf(c: HostileCase): string | Buffer {
  const v = c.value
  if (c.encoding === 'base64') return Buffer.from(v as string, 'base64')
  if (Array.isArray(v)) return v.join('')
  if (typeof v === 'object') return (v.prefix ?? '') + v.repeat.repeat(v.times) + (v.suffix ?? '')
  return v
}

/** A failed job whose failing step printed exactly `text`, then the exit-code line. */
function hostileJob(
  id: number,
  text: string | Buffer,
  name = 'test',
  stepName = 'Run npm test'
): SeedJob {
  const at = (s: number) => `2026-11-26T09:00:${String(s).padStart(2, '0')}.1234567Z `
  const lines = (Buffer.isBuffer(text) ? text : Buffer.from(text, 'utf8'))
    .toString('latin1')
    .split('\n')
  const head = [
    `${at(0)}Current runner version: '2.330.0'`,
    `${at(1)}##[group]Run npm test`,
    `${at(1)}\x1b[36;1mnpm test\x1b[0m`,
    `${at(1)}shell: /usr/bin/bash -e {0}`,
    `${at(1)}##[endgroup]`
  ].join('\n')
  const body = lines.map(line => `${at(2)}${line}`).join('\n')
  const tail = [
    `${at(3)}##[error]Process completed with exit code 1.`,
    `${at(4)}Cleaning up orphan processes`,
    ''
  ].join('\n')
  return {
    id,
    name,
    status: 'completed',
    conclusion: 'failure',
    steps: [
      {
        name: 'Set up job',
        number: 1,
        status: 'completed',
        conclusion: 'success',
        started_at: '2026-11-26T09:00:00Z',
        completed_at: '2026-11-26T09:00:01Z'
      },
      {
        name: stepName,
        number: 2,
        status: 'completed',
        conclusion: 'failure',
        started_at: '2026-11-26T09:00:01Z',
        completed_at: '2026-11-26T09:00:03Z'
      },
      {
        name: 'Complete job',
        number: 3,
        status: 'completed',
        conclusion: 'success',
        started_at: '2026-11-26T09:00:04Z',
        completed_at: '2026-11-26T09:00:04Z'
      }
    ],
    // latin1 round-trips the raw bytes, so invalid UTF-8 reaches the action as it is
    log: Buffer.concat([
      Buffer.from(head + '\n', 'utf8'),
      Buffer.from(body, 'latin1'),
      Buffer.from('\n' + tail, 'utf8')
    ])
  }
}

/** Markdown with fenced blocks and code spans removed: where GitHub would link and render. */
function outsideCode(markdown: string): string {
  const lines = markdown.split('\n')
  const kept: string[] = []
  let fence: string | null = null
  for (const line of lines) {
    const open = /^ {0,3}(`{3,}|~{3,})/.exec(line)
    if (fence) {
      if (
        open &&
        open[1]![0] === fence[0] &&
        open[1]!.length >= fence.length &&
        /^ {0,3}[`~]+\s*$/.test(line)
      )
        fence = null
      continue
    }
    if (open) {
      fence = open[1]!
      continue
    }
    kept.push(line.replace(/(`+)(?:(?!\1)[\s\S])*?\1/g, ''))
  }
  return kept.join('\n')
}

const decodeEntities = (text: string) =>
  text
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&commat;/g, '@')
    .replace(/&num;/g, '#')

/** What a title must not carry: shell and expression syntax, control and invisible characters. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const ACTS_IN_A_SHELL = /\$\{\{|\$\(|`|[\u0000-\u001f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/

/** Our own hidden markers: the only `<!-- log-bugs:` lines a body may hold outside code. */
const OUR_MARKER =
  /^<!-- log-bugs:(?:fingerprint=v1:[0-9a-f]{32}|pr-comment=12|occurrence=\d+-\d+|metadata \{[^\n]*\}) -->$/gm

/** Mentions and cross-references GitHub would act on, outside code and HTML comments. */
function pings(markdown: string, ours: Set<string>): string[] {
  const text = decodeEntities(outsideCode(markdown).replace(/<!--[\s\S]*?-->/g, '')).replace(
    /\\[@#]/g,
    ''
  )
  const found: string[] = []
  for (const m of text.matchAll(/(^|[^\w`\\/])@([A-Za-z0-9][A-Za-z0-9-]*(?:\/[\w-]+)?)/g))
    found.push(`@${m[2]}`)
  for (const m of text.matchAll(/(^|[^\w&`\\])#(\d+)\b/g))
    if (!ours.has(m[2]!)) found.push(`#${m[2]}`)
  for (const m of text.matchAll(/\b[\w.-]+\/[\w.-]+#\d+\b/g)) found.push(m[0])
  for (const m of text.matchAll(/\bGH-\d+\b/g)) found.push(m[0])
  for (const m of text.matchAll(
    /https:\/\/github\.com\/([\w.-]+\/[\w.-]+)\/(?:issues|pull)\/\d+/g
  )) {
    if (m[1] !== `${OWNER}/${REPO}`) found.push(m[0])
  }
  return found
}

interface Surfaces {
  titles: string[]
  bodies: string[]
  outputs: string[]
  summary: string
}

async function surfaces(gh: Emulator, run: ActionRun): Promise<Surfaces> {
  const octokit = octokitFor(gh)
  const issues = await octokit.paginate(octokit.rest.issues.listForRepo, {
    owner: OWNER,
    repo: REPO,
    state: 'all',
    per_page: 100
  })
  const bodies: string[] = []
  for (const issue of issues) {
    if (!issue.pull_request) bodies.push(issue.body ?? '')
    const comments = await octokit.paginate(octokit.rest.issues.listComments, {
      owner: OWNER,
      repo: REPO,
      issue_number: issue.number,
      per_page: 100
    })
    bodies.push(...comments.map(c => c.body ?? ''))
  }
  return {
    titles: issues.filter(i => !i.pull_request).map(i => i.title),
    bodies,
    outputs: Object.values(run.outputs),
    summary: run.summary
  }
}

async function reportHostile(c: HostileCase, runIds: number[] = [5001]) {
  const value = valueOf(c)
  const text = typeof value === 'string' ? value : ''
  const runs = runIds.map(id => {
    const run = ciRun({
      id,
      pr: 12,
      passed: ['lint'],
      failed: [['test', corpusCase({ tool: 'vitest' })]]
    })
    const job =
      c.field === 'log'
        ? hostileJob(id * 100 + 1, value)
        : c.field === 'jobName'
          ? hostileJob(id * 100 + 1, 'Error: the suite failed', text)
          : c.field === 'stepName'
            ? hostileJob(id * 100 + 1, 'Error: the suite failed', 'test', text)
            : hostileJob(id * 100 + 1, 'Error: the suite failed')
    run.jobs = [run.jobs[0]!, job]
    return run
  })
  const gh = await startEmulator(baseScenario(runs))
  const inputs: Record<string, string> = {}
  if (c.field === 'branch') inputs.branch = text
  if (c.field === 'prAuthor') inputs['pr-author'] = text
  const payload = pullRequestPayload(c.field === 'prTitle' ? { title: text } : {})
  const results: ActionRun[] = []
  for (const id of runIds) {
    results.push(
      await runAction({
        apiUrl: gh.url,
        inputs: { 'run-id': String(id), ...inputs },
        context: ciContext(gh.url, id, 'pull_request', payload)
      })
    )
  }
  return { gh, results }
}

const pwned = () =>
  [join(ROOT, 'pwned'), join(process.cwd(), 'pwned'), join(tmpdir(), 'pwned')].filter(existsSync)

describe('hostile input end to end (test/fixtures/hostile/cases.json)', () => {
  it('has cases for every field', () => {
    expect(new Set(cases.map(c => c.field))).toEqual(
      new Set(['branch', 'prTitle', 'log', 'jobName', 'stepName', 'prAuthor'])
    )
  })

  it.each(cases.map(c => [c.id, c] as const))('%s', async (_, c) => {
    const { gh, results } = await reportHostile(c)
    try {
      const [run] = results
      expect(run!.failed).toBeNull()
      expect(pwned()).toEqual([])
      const s = await surfaces(gh, run!)
      expect(s.titles).toHaveLength(1)
      const ours = new Set([
        '12',
        '7',
        ...s.bodies.flatMap(b => [...b.matchAll(/Fixes #(\d+)/g)].map(m => m[1]!))
      ])

      for (const needle of c.mustNotContain) {
        if (needle === '\n' || needle === '\r') {
          for (const title of s.titles) expect(title).not.toContain(needle)
          continue
        }
        // Secrets may appear nowhere, not even in code; markup is inert inside code. Titles are
        // plain text on GitHub, so only what a downstream shell or script would act on counts.
        for (const surface of [...s.bodies, ...s.outputs, s.summary]) {
          const visible = c.secrets ? surface : outsideCode(surface).replace(OUR_MARKER, '')
          expect(visible, `${c.id}: ${JSON.stringify(needle)}`).not.toContain(needle)
        }
        if (c.secrets || ACTS_IN_A_SHELL.test(needle)) {
          for (const title of s.titles) expect(title, `${c.id}: title`).not.toContain(needle)
        }
      }
      if (c.mustNotPing) {
        for (const surface of [...s.bodies, s.summary])
          expect(pings(surface, ours), c.id).toEqual([])
      }
      // Nothing can close a fence early: every fence opened in a body is closed by our own line.
      for (const body of s.bodies) expect(outsideCode(body)).not.toMatch(/^ {0,3}(`{3,}|~{3,})/m)
    } finally {
      await gh.close()
    }
  })

  it.each(cases.filter(c => c.field === 'log').map(c => [c.id, c] as const))(
    '%s: a second run of the same failure still finds its issue (no forged marker wins)',
    async (_, c) => {
      const { gh, results } = await reportHostile(c, [5001, 5002])
      try {
        expect(results.map(r => r.failed)).toEqual([null, null])
        const octokit = octokitFor(gh)
        const issues = (
          await octokit.paginate(octokit.rest.issues.listForRepo, {
            owner: OWNER,
            repo: REPO,
            state: 'all'
          })
        ).filter(i => !i.pull_request)
        expect(issues).toHaveLength(1)
        expect(results[1]!.outputs['is-retry']).toBe('true')
      } finally {
        await gh.close()
      }
    }
  )
})

describe("markers are trusted only from the token's own account", () => {
  async function fingerprintOfRun(): Promise<string> {
    await using gh = await startEmulator(
      baseScenario([
        ciRun({ id: 5101, pr: 12, failed: [['test', corpusCase({ tool: 'vitest' })]] })
      ])
    )
    const run = await runAction({
      apiUrl: gh.url,
      inputs: { 'run-id': '5101', 'dry-run': 'true' },
      context: ciContext(gh.url, 5101)
    })
    return run.outputs.fingerprints!
  }

  it('an issue by someone else carrying our marker and label is not taken as ours', async () => {
    const fingerprint = await fingerprintOfRun()
    const forged = `looks legit\n<!-- log-bugs:fingerprint=${fingerprint} -->\n<!-- log-bugs:metadata {"version":1,"fingerprint":"${fingerprint}","runs":[],"attemptCount":1} -->`
    await using gh = await startEmulator(
      baseScenario(
        [ciRun({ id: 5101, pr: 12, failed: [['test', corpusCase({ tool: 'vitest' })]] })],
        {
          labels: [{ name: 'ci-failure' }],
          issues: [
            { number: 1, title: 'forged', body: forged, user: 'mallory', labels: ['ci-failure'] }
          ],
          comments: [
            {
              issue_number: 12,
              body: '<!-- log-bugs:pr-comment=12 -->\nmallory was here',
              user: 'mallory'
            }
          ]
        }
      )
    )
    const run = await runAction({
      apiUrl: gh.url,
      inputs: { 'run-id': '5101' },
      context: ciContext(gh.url, 5101)
    })
    expect(run.failed).toBeNull()
    expect(run.outputs.created).toBe('1')
    const octokit = octokitFor(gh)
    expect(
      await octokit.paginate(octokit.rest.issues.listComments, {
        owner: OWNER,
        repo: REPO,
        issue_number: 1
      })
    ).toEqual([])
    const prComments = await octokit.paginate(octokit.rest.issues.listComments, {
      owner: OWNER,
      repo: REPO,
      issue_number: 12
    })
    expect(prComments.map(c => c.user?.login)).toEqual(['mallory', 'github-actions[bot]'])
    expect(prComments[0]?.body).toBe('<!-- log-bugs:pr-comment=12 -->\nmallory was here')
  })
})
