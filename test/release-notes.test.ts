import { execFileSync } from 'node:child_process'
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { checkReleaseTag, extractReleaseNotes } from '../scripts/dev/release-notes.js'
import { release } from '../scripts/dev/release.js'

const ROOT = fileURLToPath(new URL('..', import.meta.url))

const CHANGELOG = `# Changelog

## [Unreleased]

## [1.1.0] - 2026-12-08

### Fixed

- The PR comment names the run.

## [1.0.0] - 2026-11-26

### Added

- Everything.

[Unreleased]: https://github.com/o/r/compare/v1.1.0...HEAD
[1.1.0]: https://github.com/o/r/compare/v1.0.0...v1.1.0
[1.0.0]: https://github.com/o/r/releases/tag/v1.0.0
`

describe('extractReleaseNotes', () => {
  it.each([
    ['1.1.0', '### Fixed\n\n- The PR comment names the run.\n'],
    // the last section ends at the link references
    ['1.0.0', '### Added\n\n- Everything.\n']
  ])('takes the body of [%s]', (version, notes) => {
    expect(extractReleaseNotes(CHANGELOG, version)).toBe(notes)
  })

  it('refuses a missing or empty section', () => {
    expect(() => extractReleaseNotes(CHANGELOG, '1.2.0')).toThrow(/no "## \[1\.2\.0\]" section/)
    expect(() => extractReleaseNotes(CHANGELOG, '1.0')).toThrow(/no "## \[1\.0\]" section/)
    const empty = CHANGELOG.replace('- Everything.\n', '').replace('### Added\n', '')
    expect(() => extractReleaseNotes(empty, '1.0.0')).toThrow(/\[1\.0\.0\] section is empty/)
  })
})

describe('checkReleaseTag', () => {
  it.each([
    ['v1.1.0', '1.1.0', null],
    ['v1.1.1', '1.1.0', /tag v1\.1\.1 is not v1\.1\.0, the version in package\.json/],
    ['1.1.0', '1.1.0', /is not vX\.Y\.Z/],
    ['v1.1.0-rc.1', '1.1.0', /is not vX\.Y\.Z/],
    ['v1', '1.1.0', /is not vX\.Y\.Z/]
  ])('%s with package.json at %s', (tag, version, problem) => {
    const found = checkReleaseTag(tag, version)
    if (problem === null) expect(found).toBeNull()
    else expect(found).toMatch(problem)
  })
})

describe('npm run release-notes', () => {
  const dir = mkdtempSync(join(tmpdir(), 'log-bugs-notes-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))
  const notes = (tag: string): string =>
    execFileSync('npx', ['tsx', 'scripts/debug/release-notes.ts', tag, '--root', dir], {
      cwd: ROOT,
      encoding: 'utf8',
      stdio: 'pipe'
    })

  it('prints the notes npm run release prepared, and refuses any other tag', () => {
    for (const file of ['package.json', 'package-lock.json', 'CHANGELOG.md', '.github'])
      cpSync(join(ROOT, file), join(dir, file), { recursive: true })
    expect(() => notes('v1.0.0')).toThrow(/release-notes: CHANGELOG\.md has no "## \[1\.0\.0\]"/)
    release(dir, '1.0.0', '2026-12-08')
    const printed = notes('v1.0.0')
    expect(printed).toMatch(/^### Added\n\n- The log-bugs composite action/)
    expect(printed).not.toContain('## [')
    expect(() => notes('v1.0.1')).toThrow(/tag v1\.0\.1 is not v1\.0\.0/)
  })
})

describe('.github/workflows/release.yml', () => {
  interface Step {
    uses?: string
    run?: string
    env?: Record<string, string>
    with?: Record<string, unknown>
  }
  const workflow = parse(readFileSync(join(ROOT, '.github/workflows/release.yml'), 'utf8')) as {
    on: { push: { tags: string[] } }
    permissions: Record<string, string>
    jobs: Record<string, { permissions: Record<string, string>; steps: Step[] }>
  }
  const jobs = Object.values(workflow.jobs)
  const steps = jobs.flatMap(job => job.steps)
  const runs = steps.map(step => step.run ?? '')

  it('runs on version tags, with contents: write on its one job only', () => {
    expect(workflow.on.push.tags).toEqual(['v*.*.*'])
    expect(workflow.permissions).toEqual({})
    expect(jobs.map(job => job.permissions)).toEqual([{ contents: 'write' }])
  })

  it('checks out as CI does, then tests, checks dist and the tag before it publishes', () => {
    const ci = readFileSync(join(ROOT, '.github/workflows/ci.yml'), 'utf8')
    expect(ci).toContain(`uses: ${steps[0]?.uses}`)
    const order = [
      'npm ci',
      'npm test',
      'npm run check-dist',
      'release-notes',
      'gh release create',
      'git/refs'
    ]
    const at = order.map(command => runs.findIndex(run => run.includes(command)))
    expect(at.every(index => index >= 0)).toBe(true)
    expect(at).toEqual([...at].sort((a, b) => a - b))
    expect(runs.find(run => run.includes('gh release create'))).toContain('--notes-file')
  })

  it('hands the token and the tag to its scripts through env: only', () => {
    for (const run of runs) expect(run).not.toContain('${{')
    for (const step of steps.filter(step => /\bgh\b/.test(step.run ?? '')))
      expect(step.env?.GH_TOKEN).toBe('${{ github.token }}')
  })
})
