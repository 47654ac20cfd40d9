import { analyzeLog } from './lib/log/analyze-log.js';
import { cleanUntrusted } from './lib/issue/build-issue.js';
import { rethrowIfFatal } from './lib/step/errors.js';
import { downloadJobLog } from './lib/github/download-job-log.js';
import { errorMessage } from './lib/step/error-message.js';
import { readInputs } from './lib/step/read-inputs.js';
import { runStep } from './lib/step/run-step.js';
import { readState, writeState } from './lib/step/state-store.js';
/**
 * A job's log can 404 for a few seconds after the job completes (github-platform.md §5), and the
 * signed log URL is fetched outside the retrying client: both get a fresh link and another try.
 */
const LOG_RETRIES = [2000, 4000, 8000];
/**
 * Job logs read per run. A wide matrix can fail hundreds of legs the same way; two requests per
 * log, serially (GitHub's advice), would eat the job's time and the token's hourly budget.
 */
const MAX_LOGS = 25;
const retryable = (status) => status === null || status === 404 || status >= 500;
/**
 * Downloads each failed job's log as a stream and keeps only what explains the failure: the
 * failed step's key error lines and an excerpt around them (never the post-job cleanup).
 * A missing log is a warning; the issue then says "log unavailable" and links the job.
 */
export async function run(deps, inputs = readInputs(process.env)) {
    return runStep(deps, inputs, async (github, core) => {
        const context = readState(inputs.stateDir, 'context');
        const logs = [];
        for (const [index, job] of context.failedJobs.entries()) {
            const log = index < MAX_LOGS
                ? await readJobLog(github, context, job, inputs, deps.sleep)
                : {
                    jobId: job.id,
                    jobName: job.name,
                    logAvailable: false,
                    unavailableReason: `log-bugs reads at most ${MAX_LOGS} job logs per run, and ${context.failedJobs.length} jobs failed`,
                    analysis: null
                };
            if (!log.logAvailable) {
                core.warning(`log-bugs: no log for job "${job.name}": ${log.unavailableReason} (${job.url})`);
            }
            else if (log.analysis) {
                const a = log.analysis;
                core.info(`log-bugs: ${job.name}: step "${a.failedStep?.name ?? '?'}", ${a.category}, ` +
                    `${a.keyLines.length} key line(s), excerpt of ${a.excerpt ? a.excerpt.split('\n').length : 0} line(s) from ${a.totalLines} log lines`);
            }
            logs.push(log);
        }
        writeState(inputs.stateDir, 'logs', logs);
        return { logs: logs.length, unavailable: logs.filter(l => !l.logAvailable).length };
    });
}
/**
 * Secrets leave the log text as soon as it is read, so no state file, issue or summary holds
 * them. Redaction runs on the whole excerpt, where a multi-line secret (a PEM block) is seen
 * whole; a key line that the excerpt's redaction swallowed is shown redacted too, not alone.
 * The signature stays raw: it is only hashed, never shown.
 */
export function redactAnalysis(analysis) {
    const excerpt = cleanUntrusted(analysis.excerpt);
    const keyLines = analysis.keyLines.map(line => {
        const clean = cleanUntrusted(line);
        const swallowed = analysis.excerpt.includes(line) && !excerpt.includes(clean);
        return swallowed ? '[REDACTED: part of a secret]' : clean;
    });
    return { ...analysis, excerpt, keyLines };
}
async function readJobLog(github, context, job, inputs, sleep) {
    const base = { jobId: job.id, jobName: job.name };
    if (job.id === null) {
        return {
            ...base,
            logAvailable: false,
            unavailableReason: 'the jobs API was unavailable, so the job id is unknown',
            analysis: null
        };
    }
    if (job.status !== 'completed') {
        // Reporting from inside the failing job: its log is only uploaded when the job ends.
        return {
            ...base,
            logAvailable: false,
            unavailableReason: 'the job was still running when log-bugs read it, so its log was not uploaded yet',
            analysis: null
        };
    }
    let source;
    for (let attempt = 0;; attempt++) {
        source = await downloadJobLog(github, {
            owner: context.owner,
            repo: context.repo,
            jobId: job.id
        });
        const delay = LOG_RETRIES[attempt];
        if (source.available || !retryable(source.status) || delay === undefined)
            break;
        await (sleep ?? (ms => new Promise(resolve => setTimeout(resolve, ms))))(delay);
    }
    if (!source.available) {
        return { ...base, logAvailable: false, unavailableReason: source.reason, analysis: null };
    }
    try {
        const analysis = await analyzeLog(source.chunks, {
            steps: job.steps,
            failedStep: job.failedStep
                ? { name: job.failedStep.name, number: job.failedStep.number }
                : null,
            maxLines: inputs.logLines
        });
        return {
            ...base,
            logAvailable: true,
            unavailableReason: null,
            analysis: redactAnalysis(analysis)
        };
    }
    catch (error) {
        rethrowIfFatal(error);
        return {
            ...base,
            logAvailable: false,
            unavailableReason: `the log download broke off: ${errorMessage(error)}`,
            analysis: null
        };
    }
}
