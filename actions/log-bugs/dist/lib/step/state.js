import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from './errors.js';
/**
 * The folder of this invocation: `$RUNNER_TEMP/log-bugs`. The steps of a job run one after
 * another and RUNNER_TEMP is the job's own (emptied at its start and end), so a fixed name is
 * safe, and no step needs it passed through `env:`.
 */
export function stateDir(env) {
    return join(env.RUNNER_TEMP || tmpdir(), 'log-bugs');
}
/** Empties the state folder for a new invocation (gather-context, the first step). */
export function createStateDir(dir) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    return dir;
}
export function writeState(dir, name, value) {
    writeFileSync(join(dir, `${name}.json`), JSON.stringify(value, null, 1));
}
export function readState(dir, name) {
    const file = join(dir, `${name}.json`);
    let text;
    try {
        text = readFileSync(file, 'utf8');
    }
    catch {
        throw new ConfigError(`${file} is missing: the step that writes ${name} did not run (run the steps through actions/log-bugs)`);
    }
    try {
        return JSON.parse(text);
    }
    catch {
        throw new ConfigError(`${file} is not valid JSON`);
    }
}
/** A state file that may not exist yet, or its fallback. */
export function readStateOr(dir, name, fallback) {
    try {
        return JSON.parse(readFileSync(join(dir, `${name}.json`), 'utf8'));
    }
    catch {
        return fallback;
    }
}
