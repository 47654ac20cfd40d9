/**
 * Narrow types for what github-script injects: `{github, context, core}`.
 *
 * `@actions/github-script` is not on npm, so its `{github, context, core}` are typed here by the
 * few members we use. `@octokit/rest`'s Octokit satisfies `GitHub`, which is how the same step
 * runs under github-script, the debug CLI and the tests.
 */

export interface OctokitResponse<T = unknown> {
  status: number
  url: string
  headers: Record<string, string | number | undefined>
  data: T
}

export type RequestParameters = Record<string, unknown>

// Octokit types its hooks generically per hook name; `any` here is what lets both
// @octokit/rest and github-script's older client satisfy this interface.
/* eslint-disable @typescript-eslint/no-explicit-any */
export type RequestHook = (
  request: (options: any) => OctokitResponse<any> | Promise<OctokitResponse<any>>,
  options: any
) => Promise<OctokitResponse<any>>
/* eslint-enable @typescript-eslint/no-explicit-any */

export interface GitHub {
  request<T = unknown>(route: string, parameters?: RequestParameters): Promise<OctokitResponse<T>>
  paginate<T = unknown>(route: string, parameters?: RequestParameters): Promise<T[]>
  hook: {
    wrap(name: 'request', hook: RequestHook): void
  }
  /** @octokit/auth-token's view of the token, read from its prefix without a request */
  auth?: () => Promise<unknown>
}

/** The fields of @actions/github's Context that the steps read. */
export interface Context {
  eventName: string
  sha: string
  ref: string
  workflow: string
  job: string
  runId: number
  runNumber: number
  actor: string
  serverUrl: string
  apiUrl: string
  payload: Record<string, unknown>
  repo: { owner: string; repo: string }
}

export interface Summary {
  addRaw(text: string, addEOL?: boolean): Summary
  write(options?: { overwrite?: boolean }): Promise<Summary>
}

/** The @actions/core functions the steps call. */
export interface Core {
  debug(message: string): void
  info(message: string): void
  notice(message: string): void
  warning(message: string): void
  error(message: string): void
  setOutput(name: string, value: unknown): void
  setFailed(message: string): void
  setSecret(secret: string): void
  summary: Summary
}

export interface StepDeps {
  github: GitHub
  context: Context
  core: Core
  /** how retries wait; tests pass one that advances the emulator's clock instead of sleeping */
  sleep?: (ms: number) => Promise<void>
  /** the clock for first/last-seen times; tests fix it */
  now?: () => Date
}
