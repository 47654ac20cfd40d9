// npm run release -- <version>: the one edit a release needs before its tag. It bumps the version
// in package.json and package-lock.json, points bug-logger.yml at the action of that version
// (own-action-reference.ts says why it names a version), and moves CHANGELOG.md's Unreleased
// section under the version, dated. The tag and the GitHub release follow in
// .github/workflows/release.yml.
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import {
  findOwnReferences,
  ownActionReference,
  repositorySlug,
  type PackageJson
} from './own-action-reference.js'

export const RELEASED_FILES = {
  packageJson: 'package.json',
  packageLock: 'package-lock.json',
  bugLogger: '.github/workflows/bug-logger.yml',
  changelog: 'CHANGELOG.md'
} as const

export type ReleaseFiles = Record<keyof typeof RELEASED_FILES, string>

const SEMVER = /^(\d+)\.(\d+)\.(\d+)$/

/**
 * The files of a release of `version` made on `date` (YYYY-MM-DD). Throws, changing nothing,
 * when the version is not x.y.z, is lower than package.json's, or is already in CHANGELOG.md,
 * or when Unreleased is empty: a release that says nothing is a mistake.
 */
export function prepareRelease(files: ReleaseFiles, version: string, date: string): ReleaseFiles {
  const pkg = JSON.parse(files.packageJson) as PackageJson
  if (!SEMVER.test(version)) throw new Error(`version ${version} is not x.y.z`)
  if (compareVersions(version, pkg.version) < 0)
    throw new Error(`version ${version} is lower than package.json's ${pkg.version}`)
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new Error(`date ${date} is not YYYY-MM-DD`)
  const slug = repositorySlug(pkg)
  return {
    packageJson: setVersion(files.packageJson, version),
    packageLock: setLockVersion(files.packageLock, version),
    bugLogger: pointAtVersion(files.bugLogger, pkg, version),
    changelog: moveUnreleased(files.changelog, version, date, slug)
  }
}

/** Reads the files under `root`, prepares the release and writes back what changed. */
export function release(root: string, version: string, date: string): string[] {
  const paths = Object.entries(RELEASED_FILES) as [keyof ReleaseFiles, string][]
  const before = Object.fromEntries(
    paths.map(([key, path]) => [key, readFileSync(join(root, path), 'utf8')])
  ) as ReleaseFiles
  const after = prepareRelease(before, version, date)
  const changed = paths.filter(([key]) => after[key] !== before[key])
  for (const [key, path] of changed) writeFileSync(join(root, path), after[key])
  return changed.map(([, path]) => path)
}

function compareVersions(a: string, b: string): number {
  const parts = (v: string) => (v.match(SEMVER) ?? []).slice(1).map(Number)
  const [x, y] = [parts(a), parts(b)]
  for (let i = 0; i < 3; i++) if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) - (y[i] ?? 0)
  return 0
}

// package.json is edited as text so that its layout (and prettier's) stays as it is; only the
// top-level "version" (two spaces in) is touched, never a dependency's.
function setVersion(packageJson: string, version: string): string {
  const top = /^( {2}"version": )"[^"]*"/m
  if (!top.test(packageJson)) throw new Error('package.json has no top-level "version"')
  return packageJson.replace(top, `$1"${version}"`)
}

// package-lock.json is npm's own output (JSON.stringify with two spaces), so it round-trips.
function setLockVersion(packageLock: string, version: string): string {
  const lock = JSON.parse(packageLock) as {
    version?: string
    packages?: Record<string, { version?: string }>
  }
  lock.version = version
  const root = lock.packages?.['']
  if (root) root.version = version
  return `${JSON.stringify(lock, null, 2)}\n`
}

function pointAtVersion(workflow: string, pkg: PackageJson, version: string): string {
  const slug = repositorySlug(pkg)
  if (findOwnReferences(workflow, slug).length === 0)
    throw new Error(`bug-logger.yml has no uses: ${slug}/actions/log-bugs@… to point at ${version}`)
  const reference = ownActionReference(pkg, version)
  let result = workflow
  for (const old of new Set(findOwnReferences(workflow, slug)))
    result = result.replaceAll(`uses: ${old}`, `uses: ${reference}`)
  return result
}

// Keep a Changelog: '## [Unreleased]', then '## [x.y.z] - YYYY-MM-DD' sections, newest first,
// and link references at the bottom:
//   [Unreleased]: https://github.com/o/r/compare/v1.1.0...HEAD
//   [1.1.0]: https://github.com/o/r/compare/v1.0.0...v1.1.0
//   [1.0.0]: https://github.com/o/r/releases/tag/v1.0.0
const UNRELEASED = /^## \[Unreleased\][^\n]*\n/im
const SECTION = /^## \[([^\]]+)\]/gm
const UNRELEASED_LINK = /^\[Unreleased\]: .*$/im

function moveUnreleased(changelog: string, version: string, date: string, slug: string): string {
  const heading = UNRELEASED.exec(changelog)
  if (heading === null) throw new Error('CHANGELOG.md has no "## [Unreleased]" section')
  const versions = [...changelog.matchAll(SECTION)].map(match => match[1] ?? '')
  if (versions.includes(version)) throw new Error(`CHANGELOG.md already has a [${version}] section`)
  const bodyStart = heading.index + heading[0].length
  const next = changelog.slice(bodyStart).search(/^## \[|^\[[^\]]+\]: /m)
  const bodyEnd = next === -1 ? changelog.length : bodyStart + next
  const body = changelog.slice(bodyStart, bodyEnd).trim()
  if (body === '') throw new Error('CHANGELOG.md: nothing under Unreleased to release')
  const previous = versions.find(v => SEMVER.test(v))
  const base = `https://github.com/${slug}`
  const links = [
    `[Unreleased]: ${base}/compare/v${version}...HEAD`,
    `[${version}]: ${
      previous === undefined
        ? `${base}/releases/tag/v${version}`
        : `${base}/compare/v${previous}...v${version}`
    }`
  ].join('\n')
  const released =
    changelog.slice(0, bodyStart) +
    `\n## [${version}] - ${date}\n\n${body}\n\n` +
    changelog.slice(bodyEnd)
  if (!UNRELEASED_LINK.test(released)) return `${released.trimEnd()}\n\n${links}\n`
  return released.replace(UNRELEASED_LINK, () => links)
}
