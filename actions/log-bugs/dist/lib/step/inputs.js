import { ConfigError } from './errors.js';
/** Every input action.yml declares, but `github-token`, which github-script takes itself. */
export const INPUT_NAMES = [
    'job-results',
    'branch',
    'pr-number',
    'pr-url',
    'pr-author',
    'run-id',
    'labels',
    'assign-author',
    'comment-on-pr',
    'log-lines',
    'issue-template',
    'comment-template',
    'dry-run',
    'max-issues',
    'close-on-success',
    'compare-with-green',
    'green-log-max-mb',
    'green-log-seconds',
    'flaky-label',
    'fix-pending-label',
    'pending-merge-label',
    'reopen-days',
    'comment-period-hours',
    'file-allowed-failures'
];
/** The env variable gather-context gets `toJSON(inputs)` in: the only one action.yml sets. */
export const INPUTS_ENV = 'LOG_BUGS_INPUTS';
const TRUE = new Set(['true', 'True', 'TRUE']);
const FALSE = new Set(['false', 'False', 'FALSE']);
/** Booleans take the YAML 1.2 core spellings only, like @actions/core's getBooleanInput. */
function parseBoolean(name, raw, fallback) {
    const value = raw.trim();
    if (value === '')
        return fallback;
    if (TRUE.has(value))
        return true;
    if (FALSE.has(value))
        return false;
    throw new ConfigError(`input ${name}: expected true or false, got ${JSON.stringify(value)}`);
}
/** A whole number in [min, max]; empty means the default. */
function parseInteger(name, raw, fallback, min, max) {
    const value = raw.trim();
    if (value === '')
        return fallback;
    if (!/^\d+$/.test(value)) {
        throw new ConfigError(`input ${name}: expected a whole number, got ${JSON.stringify(value)}`);
    }
    const n = Number(value);
    if (n < min || n > max) {
        throw new ConfigError(`input ${name}: expected a number from ${min} to ${max}, got ${n}`);
    }
    return n;
}
/** An optional positive id (PR number, run id); `#12` is accepted for PR numbers. */
function parseOptionalId(name, raw) {
    const value = raw.trim().replace(/^#/, '');
    if (value === '')
        return null;
    if (!/^\d+$/.test(value) || Number(value) === 0) {
        throw new ConfigError(`input ${name}: expected a positive number, got ${JSON.stringify(value)}`);
    }
    return Number(value);
}
/**
 * Label names: comma or newline separated, trimmed, de-duplicated case-insensitively (GitHub
 * label names are case-insensitive), at most 50 characters each (GitHub's limit).
 */
export function parseLabels(raw) {
    const seen = new Set();
    const labels = [];
    for (const part of (raw.trim() === '' ? 'bug,ci-failure' : raw).split(/[,\n]/)) {
        const label = part.trim();
        if (label === '' || seen.has(label.toLowerCase()))
            continue;
        if (label.length > 50) {
            throw new ConfigError(`input labels: ${JSON.stringify(label)} is over 50 characters`);
        }
        seen.add(label.toLowerCase());
        labels.push(label);
    }
    return labels;
}
/** One label name: trimmed, at most 50 characters, no comma (labels inputs split on commas). */
function parseLabel(name, raw, fallback) {
    const label = raw.trim();
    if (label === '')
        return fallback;
    if (label.length > 50 || /[,\n]/.test(label)) {
        throw new ConfigError(`input ${name}: expected one label name of at most 50 characters, got ${JSON.stringify(label)}`);
    }
    return label;
}
/**
 * Validates the inputs, given by their action.yml names as `toJSON(inputs)` makes them (missing
 * or empty values take the defaults). Pure: tests pass a literal. A bad value throws a
 * ConfigError naming the input.
 */
export function readInputs(raw) {
    const value = (name) => {
        const given = raw[name];
        return given === undefined || given === null ? '' : String(given);
    };
    return {
        jobResults: value('job-results'),
        branch: value('branch').trim(),
        prNumber: parseOptionalId('pr-number', value('pr-number')),
        prUrl: value('pr-url').trim(),
        prAuthor: value('pr-author').trim().replace(/^@/, ''),
        runId: parseOptionalId('run-id', value('run-id')),
        labels: parseLabels(value('labels')),
        assignAuthor: parseBoolean('assign-author', value('assign-author'), true),
        commentOnPr: parseBoolean('comment-on-pr', value('comment-on-pr'), true),
        logLines: parseInteger('log-lines', value('log-lines'), 50, 5, 500),
        issueTemplate: value('issue-template').trim(),
        commentTemplate: value('comment-template').trim(),
        dryRun: parseBoolean('dry-run', value('dry-run'), false),
        maxIssues: parseInteger('max-issues', value('max-issues'), 5, 1, 50),
        closeOnSuccess: parseBoolean('close-on-success', value('close-on-success'), true),
        compareWithGreen: parseBoolean('compare-with-green', value('compare-with-green'), true),
        greenLogMaxBytes: parseInteger('green-log-max-mb', value('green-log-max-mb'), 64, 1, 1024) * 1024 * 1024,
        greenLogMaxMs: parseInteger('green-log-seconds', value('green-log-seconds'), 20, 1, 120) * 1000,
        flakyLabel: parseLabel('flaky-label', value('flaky-label'), 'flaky'),
        fixPendingLabel: parseLabel('fix-pending-label', value('fix-pending-label'), 'fix-pending'),
        pendingMergeLabel: parseLabel('pending-merge-label', value('pending-merge-label'), 'pending-merge'),
        reopenDays: parseInteger('reopen-days', value('reopen-days'), 7, 0, 365),
        commentPeriodMs: parseInteger('comment-period-hours', value('comment-period-hours'), 24, 1, 720) * 3_600_000,
        fileAllowedFailures: parseBoolean('file-allowed-failures', value('file-allowed-failures'), false)
    };
}
/** The inputs from `LOG_BUGS_INPUTS`, as action.yml passes them to gather-context. */
export function readInputsEnv(env) {
    const text = env[INPUTS_ENV];
    if (text === undefined || text.trim() === '') {
        throw new ConfigError(`${INPUTS_ENV} is not set: run log-bugs through its action.yml, which passes toJSON(inputs)`);
    }
    let parsed;
    try {
        parsed = JSON.parse(text);
    }
    catch {
        throw new ConfigError(`${INPUTS_ENV} is not JSON: action.yml must pass toJSON(inputs)`);
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
        throw new ConfigError(`${INPUTS_ENV} must be an object of inputs`);
    }
    return readInputs(parsed);
}
