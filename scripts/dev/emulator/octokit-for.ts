import { Octokit } from '@octokit/rest'
import type { Emulator } from './start-emulator.js'

/** A real Octokit pointed at the emulator, with its logging silenced. */
export function octokitFor(gh: Pick<Emulator, 'url'>, token = 'ghs_test-token'): Octokit {
  return new Octokit({
    auth: token,
    baseUrl: gh.url,
    log: { debug() {}, info() {}, warn() {}, error() {} }
  })
}
