/**
 * The part of github-script's behaviour that both local runners mimic (run-action.ts in this
 * process, spawned-step.ts in a process per step): the script's argument names and values, and
 * its wrapped require. Only node: imports, so a spawned step loads no more than github-script.
 */
import { createRequire } from 'node:module'
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'

/** github-script's argument names, in its order (src/main.ts callAsyncFunction). */
export const SCRIPT_ARGUMENTS = [
  'require',
  '__original_require__',
  'github',
  'octokit',
  'context',
  'core',
  'exec',
  'glob',
  'io'
]

/** The values for SCRIPT_ARGUMENTS; exec, glob and io are not used by log-bugs. */
export function scriptValues(client: unknown, context: unknown, core: unknown): unknown[] {
  return [
    wrapRequire(),
    createRequire(import.meta.url),
    client,
    client,
    context,
    core,
    undefined,
    undefined,
    undefined
  ]
}

/** github-script's wrapped require: relative ids resolve from the workspace (cwd). */
function wrapRequire(): NodeJS.Require {
  const real = createRequire(pathToFileURL(resolve('package.json')).href)
  return new Proxy(real, {
    apply: (target, thisArg, [id]: [string]) => {
      if (id.startsWith('.')) return target.apply(thisArg, [resolve(id)])
      return target.apply(thisArg, [target.resolve(id, { paths: [process.cwd()] })])
    },
    get: () => undefined
  })
}

/** What a failed script leaves, as github-script's handleError sets it. */
export const unhandled = (error: unknown): string =>
  `Unhandled error: ${error instanceof Error ? error.stack : String(error)}`
