// The reusable workflow .github/workflows/bug-logger.yml runs in the caller's workspace, where
// `./actions/log-bugs` would be the caller's folder (docs/github-platform.md §2). So it names its
// own action in full, at its own release: `<owner>/<repo>/actions/log-bugs@v<version>`, the
// owner and repository from package.json's `repository`, the version from its `version`. The
// release script (scripts/dev/release.ts) rewrites the reference with every version bump.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'

export interface PackageJson {
  version: string
  repository?: string | { type?: string; url?: string }
}

export function readPackageJson(root: string): PackageJson {
  return JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as PackageJson
}

/**
 * `owner/repo` from package.json's `repository`, in any form npm documents for GitHub:
 * 'git+https://github.com/log-bugs/log-bugs.git', 'github:log-bugs/log-bugs', 'log-bugs/log-bugs'.
 */
export function repositorySlug(pkg: PackageJson): string {
  const repository = typeof pkg.repository === 'string' ? pkg.repository : pkg.repository?.url
  const slug = repository?.match(
    /^(?:github:|(?:git\+)?(?:https?|ssh|git):\/\/(?:git@)?github\.com\/)?([\w.-]+\/[\w.-]+?)(?:\.git)?\/?$/
  )?.[1]
  if (slug === undefined)
    throw new Error(`package.json: repository ${String(repository)} names no GitHub repository`)
  return slug
}

/** The path of log-bugs' action inside its repository. */
export const ACTION_PATH = 'actions/log-bugs'

/** `owner/repo/actions/log-bugs@v<version>`: what bug-logger.yml must use. */
export function ownActionReference(pkg: PackageJson, version = pkg.version): string {
  return `${repositorySlug(pkg)}/${ACTION_PATH}@v${version}`
}

/** Every `uses:` of this repository's action in a workflow, as written (`owner/repo/…@ref`). */
export function findOwnReferences(workflow: string, slug: string): string[] {
  const escaped = `${slug}/${ACTION_PATH}`.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  const uses = new RegExp(`^\\s*(?:-\\s+)?uses:\\s*['"]?(${escaped}@[^\\s'"#]*)`, 'gm')
  return [...workflow.matchAll(uses)].map(match => match[1] ?? '')
}
