import { execFileSync } from 'node:child_process'
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import {
  findOwnReferences,
  ownActionReference,
  readPackageJson,
  repositorySlug
} from '../scripts/dev/own-action-reference.js'
import {
  prepareRelease,
  release,
  RELEASED_FILES,
  type ReleaseFiles
} from '../scripts/dev/release.js'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const BUG_LOGGER = '.github/workflows/bug-logger.yml'

const temps: string[] = []
afterAll(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true })
})

/** A copy of the files a release edits, in a temporary folder. */
function copyRepository(): string {
  const dir = mkdtempSync(join(tmpdir(), 'log-bugs-release-'))
  temps.push(dir)
  for (const path of Object.values(RELEASED_FILES)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true })
    cpSync(join(ROOT, path), join(dir, path))
  }
  return dir
}

/** What bug-logger.yml under `root` must use for the package.json beside it. */
function expectPointsAtItsVersion(root: string): void {
  const pkg = readPackageJson(root)
  const workflow = readFileSync(join(root, BUG_LOGGER), 'utf8')
  const references = findOwnReferences(workflow, repositorySlug(pkg))
  expect(references).toEqual([`log-bugs/log-bugs/actions/log-bugs@v${pkg.version}`])
  expect(workflow).not.toMatch(/^\s*(?:-\s+)?uses:\s*\.\/actions\//m)
}

describe('bug-logger.yml', () => {
  it('names this repository’s action at package.json’s version, not a workspace path', () => {
    const pkg = readPackageJson(ROOT)
    expect(repositorySlug(pkg)).toBe('log-bugs/log-bugs')
    expectPointsAtItsVersion(ROOT)
    expect(ownActionReference(pkg)).toBe(`log-bugs/log-bugs/actions/log-bugs@v${pkg.version}`)
  })
})

describe('repositorySlug', () => {
  it.each([
    ['git+https://github.com/log-bugs/log-bugs.git', 'log-bugs/log-bugs'],
    ['https://github.com/o/r', 'o/r'],
    ['git://github.com/o/r.js.git', 'o/r.js'],
    ['github:o/r', 'o/r'],
    ['o/r', 'o/r']
  ])('reads %s as %s', (url, slug) => {
    expect(repositorySlug({ version: '1.0.0', repository: { type: 'git', url } })).toBe(slug)
    expect(repositorySlug({ version: '1.0.0', repository: url })).toBe(slug)
  })

  it.each([undefined, 'https://gitlab.com/o/r.git', 'just-a-name'])('refuses %s', url => {
    expect(() => repositorySlug({ version: '1.0.0', repository: url })).toThrow(/package\.json/)
  })
})

describe('npm run release', () => {
  const read = (root: string): ReleaseFiles =>
    Object.fromEntries(
      Object.entries(RELEASED_FILES).map(([key, path]) => [
        key,
        readFileSync(join(root, path), 'utf8')
      ])
    ) as ReleaseFiles

  it('bumps the version, points bug-logger.yml at it and dates the Unreleased section', () => {
    const dir = copyRepository()
    const before = read(dir)
    const changed = release(dir, '1.1.0', '2026-12-08')
    expect(changed.sort()).toEqual(Object.values(RELEASED_FILES).sort())
    const after = read(dir)

    expect(readPackageJson(dir).version).toBe('1.1.0')
    const lock = JSON.parse(after.packageLock) as {
      version: string
      packages: Record<string, { version: string }>
    }
    expect([lock.version, lock.packages['']?.version]).toEqual(['1.1.0', '1.1.0'])
    // nothing else moved: the dependencies' versions and the layout stay as they were
    expect(after.packageJson).toBe(
      before.packageJson.replace(/"version": "[^"]+"/, '"version": "1.1.0"')
    )
    expect(after.packageLock.split('\n').length).toBe(before.packageLock.split('\n').length)

    expectPointsAtItsVersion(dir)
    expect(after.bugLogger.replace('@v1.1.0', '@vX')).toBe(
      before.bugLogger.replace(/@v\d+\.\d+\.\d+\n/, '@vX\n')
    )

    const unreleased = before.changelog
      .split('## [Unreleased]\n')[1]
      ?.split('\n[Unreleased]: ')[0]
      ?.trim()
    expect(unreleased).toMatch(/^### Added/)
    expect(after.changelog).toContain(
      `## [Unreleased]\n\n## [1.1.0] - 2026-12-08\n\n${unreleased}\n\n[Unreleased]:`
    )
    expect(after.changelog).toMatch(
      /\n\[Unreleased\]: https:\/\/github\.com\/log-bugs\/log-bugs\/compare\/v1\.1\.0\.\.\.HEAD\n\[1\.1\.0\]: https:\/\/github\.com\/log-bugs\/log-bugs\/releases\/tag\/v1\.1\.0\n$/
    )

    // the next release compares with this one, and its Unreleased section must say something
    expect(() => release(dir, '1.2.0', '2027-01-05')).toThrow(/nothing under Unreleased/)
    const next = after.changelog.replace(
      '## [Unreleased]\n',
      '## [Unreleased]\n\n### Fixed\n\n- A fix.\n'
    )
    const second = prepareRelease({ ...after, changelog: next }, '1.2.0', '2027-01-05')
    expect(second.changelog).toContain(
      '## [Unreleased]\n\n## [1.2.0] - 2027-01-05\n\n### Fixed\n\n- A fix.\n\n## [1.1.0] - 2026-12-08'
    )
    expect(second.changelog).toContain(
      '[Unreleased]: https://github.com/log-bugs/log-bugs/compare/v1.2.0...HEAD\n[1.2.0]: https://github.com/log-bugs/log-bugs/compare/v1.1.0...v1.2.0\n[1.1.0]: '
    )
    expect(findOwnReferences(second.bugLogger, 'log-bugs/log-bugs')).toEqual([
      'log-bugs/log-bugs/actions/log-bugs@v1.2.0'
    ])
  })

  it.each([
    ['1.1', '2026-12-08', /is not x\.y\.z/],
    ['0.9.0', '2026-12-08', /lower than package\.json's/],
    ['1.1.0', '8.12.2026', /is not YYYY-MM-DD/]
  ])('refuses %s on %s', (version, date, message) => {
    expect(() => prepareRelease(read(ROOT), version, date)).toThrow(message)
  })

  it('refuses a version CHANGELOG.md already has, and a workflow without the reference', () => {
    const files = read(ROOT)
    const released = prepareRelease(files, '1.1.0', '2026-12-08')
    expect(() =>
      prepareRelease(
        {
          ...released,
          changelog: released.changelog.replace('## [Unreleased]\n', '## [Unreleased]\n\n- x\n')
        },
        '1.1.0',
        '2026-12-09'
      )
    ).toThrow(/already has a \[1\.1\.0\] section/)
    expect(() =>
      prepareRelease({ ...files, bugLogger: 'jobs: {}\n' }, '1.1.0', '2026-12-08')
    ).toThrow(/bug-logger\.yml has no uses:/)
  })

  it('runs from the command line and leaves a failed release unwritten', () => {
    const dir = copyRepository()
    const output = execFileSync(
      'npx',
      ['tsx', 'scripts/debug/release.ts', 'v1.1.0', '--root', dir, '--date', '2026-12-08'],
      { cwd: ROOT, encoding: 'utf8' }
    )
    expect(output).toMatch(/^release 1\.1\.0: edited package\.json, package-lock\.json/)
    expect(readPackageJson(dir).version).toBe('1.1.0')
    const before = read(dir)
    expect(() =>
      execFileSync('npx', ['tsx', 'scripts/debug/release.ts', '1.0.9', '--root', dir], {
        cwd: ROOT,
        stdio: 'pipe'
      })
    ).toThrow(/release: version 1\.0\.9 is lower than package\.json's 1\.1\.0/)
    expect(read(dir)).toEqual(before)
  })
})
