import type { EmulatorState } from '../state.js'

/** What the serializers need: the model, and the API base URL that `url` fields point at. */
export interface JsonContext {
  state: EmulatorState
  /** The emulator's own URL, so `url`/`*_url` fields can be followed like api.github.com ones. */
  apiUrl: string
}

/** The web address of the server the emulator stands for: github.com or an Enterprise host. */
export const webUrl = (ctx: JsonContext): string => ctx.state.serverUrl

export function repoApiUrl(ctx: JsonContext, fullName: string = ctx.state.fullName): string {
  return `${ctx.apiUrl}/repos/${fullName}`
}
