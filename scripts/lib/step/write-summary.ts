import { bestEffort, errorMessage } from './errors.js'
import type { Core } from './types.js'

/** Appends markdown to the job summary; a summary that cannot be written only costs a warning. */
export async function writeSummary(core: Core, markdown: string): Promise<void> {
  await bestEffort(
    async () => {
      await core.summary.addRaw(markdown, true).write()
    },
    error => core.warning(`log-bugs: job summary not written: ${errorMessage(error)}`)
  )
}
