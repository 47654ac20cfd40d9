import { errorMessage, errorStatus, isFatal } from '../step/errors.js';
import { waitWithinBudget } from './with-retries.js';
/**
 * Opens a job's log as a stream. The API answers 302 to a signed URL that lives one minute
 * (docs/github-platform.md §5); we take the Location ourselves and fetch it without our token:
 * the signed blob URL rejects a foreign Authorization header, and the token must not leak to
 * another host. If something in between already followed the redirect, the body is the log.
 */
async function downloadJobLog(github, target, fetchLog = fetch) {
    let location;
    try {
        const response = await github.request('GET /repos/{owner}/{repo}/actions/jobs/{job_id}/logs', {
            owner: target.owner,
            repo: target.repo,
            job_id: target.jobId,
            request: { redirect: 'manual' }
        });
        const header = response.headers.location;
        if (response.status >= 300 && response.status < 400 && header) {
            location = new URL(String(header), response.url).toString();
        }
        else {
            return { available: true, chunks: once(response.data) };
        }
    }
    catch (error) {
        if (isFatal(error))
            throw error;
        const status = errorStatus(error) ?? null;
        return { available: false, status, reason: unavailableReason(status) };
    }
    const response = await fetchLog(location, { redirect: 'follow' });
    if (!response.ok || !response.body) {
        return {
            available: false,
            status: response.status,
            reason: `the log link answered HTTP ${response.status} (links expire after one minute)`
        };
    }
    return { available: true, chunks: response.body };
}
/** Why a log is missing, in the words the issue body uses. */
export function unavailableReason(status) {
    switch (status) {
        case 410:
            return 'the log has expired or was deleted (HTTP 410)';
        case 404:
            return 'the log is not available (HTTP 404): the job may still be running, or its runner never uploaded it';
        case 403:
            return 'reading logs was refused (HTTP 403): grant `actions: read`';
        case null:
            return 'the log could not be downloaded (network error)';
        default:
            return `the log could not be downloaded (HTTP ${status})`;
    }
}
async function* once(data) {
    if (typeof data === 'string')
        yield data;
    else if (data instanceof ArrayBuffer)
        yield new Uint8Array(data);
    else if (data instanceof Uint8Array)
        yield data;
    else if (data !== undefined && data !== null)
        yield JSON.stringify(data);
}
/**
 * A job's log can 404 for a few seconds after the job completes (docs/github-platform.md §5),
 * and the signed link is fetched outside the retrying client: such logs get a fresh link and
 * another try, in rounds, so that one wait serves every log still missing.
 */
export const LOG_RETRY_DELAYS_MS = [2000, 4000, 8000];
/** Logs downloaded and read at once: enough to overlap round trips, few enough for 2 cores. */
const PARALLEL = 2;
const retryable = (status) => status === null || status === 404 || status >= 500;
/**
 * Downloads each job's log and hands the stream to `read` (which must consume it at once: the
 * link expires). Logs that are missing for a reason that may pass are tried again after each
 * delay of LOG_RETRY_DELAYS_MS, all together; the waits come out of the action's one budget, so
 * however many logs fail, the action never waits longer than that budget.
 */
export async function readJobLogs(github, target, jobIds, read, options = {}) {
    const results = [];
    const prepared = new Map();
    let pending = jobIds.map((_, index) => index);
    for (let round = 0;; round++) {
        const missing = [];
        const readOne = async (index) => {
            // The download starts while `prepare` works (the green log): its stream waits, unread,
            // until the comparison is ready, so the two sets of round trips overlap.
            const [ready, source] = await Promise.all([
                prepared.has(index)
                    ? prepared.get(index)
                    : options.prepare?.(index),
                downloadJobLog(github, { ...target, jobId: jobIds[index] }, options.fetchLog ?? fetch)
            ]);
            prepared.set(index, ready);
            if (!source.available) {
                results[index] = source;
                if (retryable(source.status))
                    missing.push(index);
                else
                    prepared.delete(index);
                return;
            }
            try {
                results[index] = {
                    available: true,
                    value: await read(source.chunks, index, prepared.get(index))
                };
                prepared.delete(index);
            }
            catch (error) {
                if (isFatal(error))
                    throw error;
                prepared.delete(index);
                results[index] = {
                    available: false,
                    status: null,
                    reason: `the log download broke off: ${errorMessage(error)}`
                };
            }
        };
        // Downloads are reads, so a few go at once: the round trips overlap, and the streams are
        // read as they arrive, so memory grows with PARALLEL, not with the number of logs.
        const queue = [...pending];
        const workers = Array.from({ length: Math.min(PARALLEL, queue.length) }, async () => {
            for (let index = queue.shift(); index !== undefined; index = queue.shift())
                await readOne(index);
        });
        await Promise.all(workers);
        missing.sort((x, y) => x - y);
        const delay = options.retry === false ? undefined : LOG_RETRY_DELAYS_MS[round];
        if (missing.length === 0 || delay === undefined)
            break;
        const why = `${missing.length} job log(s) not available yet`;
        if (!(await waitWithinBudget(github, delay, why)))
            break;
        pending = missing;
    }
    return results;
}
