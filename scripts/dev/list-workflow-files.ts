import { existsSync, readdirSync, statSync } from 'node:fs'
import { join, posix } from 'node:path'

/** Where workflows live: GitHub's folder, and the templates users copy into theirs. */
export const WORKFLOW_DIRS = ['.github/workflows', 'templates/workflows']

const ACTION_FILES = ['action.yml', 'action.yaml']

/** Every `*.yml` / `*.yaml` in the workflow folders under `root`, as sorted posix paths. */
export function listWorkflowFiles(root: string): string[] {
  return WORKFLOW_DIRS.flatMap(dir => {
    const abs = join(root, dir)
    if (!existsSync(abs)) return []
    return readdirSync(abs)
      .filter(name => /\.ya?ml$/.test(name))
      .sort()
      .map(name => posix.join(dir, name))
  })
}

/**
 * Every action's metadata file: `actions/<name>/action.yml` (or .yaml) and, when `root: true`,
 * the one at the repository root that `uses: owner/repo@ref` reads.
 */
export function listActionFiles(root: string, options: { root?: boolean } = {}): string[] {
  const abs = join(root, 'actions')
  const nested = existsSync(abs)
    ? readdirSync(abs)
        .filter(name => statSync(join(abs, name)).isDirectory())
        .sort()
        .flatMap(name => ACTION_FILES.map(file => posix.join('actions', name, file)))
    : []
  const top = options.root === true ? ACTION_FILES : []
  return [...top, ...nested].filter(file => existsSync(join(root, file)))
}
