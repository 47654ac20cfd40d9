import { mkdirSync, readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError } from './errors.js';
/**
 * Steps hand results to each other through JSON files in one folder under RUNNER_TEMP: step
 * outputs cap at 1 MB and env values at 128 KiB per variable on Linux, and excerpts can be large.
 * RUNNER_TEMP is emptied at the start and end of every job, so nothing outlives the job.
 */
export function createStateDir(base) {
    mkdirSync(base, { recursive: true });
    return mkdtempSync(join(base, 'log-bugs-'));
}
export function writeState(dir, name, value) {
    writeFileSync(join(dir, `${name}.json`), JSON.stringify(value, null, 1));
}
export function readState(dir, name) {
    if (!dir) {
        throw new ConfigError('LOG_BUGS_STATE_DIR is empty: run the steps through actions/log-bugs (gather-context creates it)');
    }
    const file = join(dir, `${name}.json`);
    let text;
    try {
        text = readFileSync(file, 'utf8');
    }
    catch {
        throw new ConfigError(`${file} is missing: the step that writes ${name} did not run`);
    }
    try {
        return JSON.parse(text);
    }
    catch {
        throw new ConfigError(`${file} is not valid JSON`);
    }
}
