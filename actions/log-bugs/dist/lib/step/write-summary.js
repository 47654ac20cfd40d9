import { bestEffort, errorMessage } from './errors.js';
/** Appends markdown to the job summary; a summary that cannot be written only costs a warning. */
export async function writeSummary(core, markdown) {
    await bestEffort(async () => {
        await core.summary.addRaw(markdown, true).write();
    }, error => core.warning(`log-bugs: job summary not written: ${errorMessage(error)}`));
}
