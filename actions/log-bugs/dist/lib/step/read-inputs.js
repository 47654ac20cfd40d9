import { ConfigError } from './errors.js';
/** Env var names, one per input: composite actions get no INPUT_* vars, so action.yml maps them. */
export const INPUT_ENV = {
    jobResults: 'LOG_BUGS_JOB_RESULTS',
    branch: 'LOG_BUGS_BRANCH',
    prNumber: 'LOG_BUGS_PR_NUMBER',
    prUrl: 'LOG_BUGS_PR_URL',
    prAuthor: 'LOG_BUGS_PR_AUTHOR',
    runId: 'LOG_BUGS_RUN_ID',
    labels: 'LOG_BUGS_LABELS',
    assignAuthor: 'LOG_BUGS_ASSIGN_AUTHOR',
    commentOnPr: 'LOG_BUGS_COMMENT_ON_PR',
    logLines: 'LOG_BUGS_LOG_LINES',
    issueTemplate: 'LOG_BUGS_ISSUE_TEMPLATE',
    commentTemplate: 'LOG_BUGS_COMMENT_TEMPLATE',
    dryRun: 'LOG_BUGS_DRY_RUN',
    maxIssues: 'LOG_BUGS_MAX_ISSUES',
    closeOnSuccess: 'LOG_BUGS_CLOSE_ON_SUCCESS',
    stateDir: 'LOG_BUGS_STATE_DIR'
};
const TRUE = new Set(['true', 'True', 'TRUE']);
const FALSE = new Set(['false', 'False', 'FALSE']);
/** Booleans take the YAML 1.2 core spellings only, like @actions/core's getBooleanInput. */
export function parseBoolean(name, raw, fallback) {
    const value = (raw ?? '').trim();
    if (value === '')
        return fallback;
    if (TRUE.has(value))
        return true;
    if (FALSE.has(value))
        return false;
    throw new ConfigError(`input ${name}: expected true or false, got ${JSON.stringify(value)}`);
}
/** A whole number in [min, max]; empty means the default. */
export function parseInteger(name, raw, fallback, min, max) {
    const value = (raw ?? '').trim();
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
    const value = (raw ?? '').trim().replace(/^#/, '');
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
    for (const part of (raw ?? 'bug,ci-failure').split(/[,\n]/)) {
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
/** Reads and validates the inputs. Pure: tests pass a literal env. */
export function readInputs(env) {
    return {
        jobResults: env[INPUT_ENV.jobResults] ?? '',
        branch: (env[INPUT_ENV.branch] ?? '').trim(),
        prNumber: parseOptionalId('pr-number', env[INPUT_ENV.prNumber]),
        prUrl: (env[INPUT_ENV.prUrl] ?? '').trim(),
        prAuthor: (env[INPUT_ENV.prAuthor] ?? '').trim().replace(/^@/, ''),
        runId: parseOptionalId('run-id', env[INPUT_ENV.runId]),
        labels: parseLabels(env[INPUT_ENV.labels]),
        assignAuthor: parseBoolean('assign-author', env[INPUT_ENV.assignAuthor], true),
        commentOnPr: parseBoolean('comment-on-pr', env[INPUT_ENV.commentOnPr], true),
        logLines: parseInteger('log-lines', env[INPUT_ENV.logLines], 50, 5, 500),
        issueTemplate: (env[INPUT_ENV.issueTemplate] ?? '').trim(),
        commentTemplate: (env[INPUT_ENV.commentTemplate] ?? '').trim(),
        dryRun: parseBoolean('dry-run', env[INPUT_ENV.dryRun], false),
        maxIssues: parseInteger('max-issues', env[INPUT_ENV.maxIssues], 5, 1, 50),
        closeOnSuccess: parseBoolean('close-on-success', env[INPUT_ENV.closeOnSuccess], true),
        stateDir: (env[INPUT_ENV.stateDir] ?? '').trim()
    };
}
