import { link } from '../issue/build-issue.js';
import { errorMessage } from '../step/error-message.js';
import { rethrowIfFatal } from '../step/errors.js';
import { escapeInline } from '../markdown/escape-markdown.js';
import { fenceUntrusted } from '../markdown/fence-code.js';
import { newMetadata } from '../issue/issue-plan.js';
import { loadTemplate } from '../step/load-template.js';
import { formatCommentMarker, formatMetadata } from '../markdown/marker.js';
import { renderTemplate } from '../markdown/render-template.js';
/** Runs kept in an issue's metadata; the count goes on beyond it. */
const MAX_RUNS = 100;
const OCCURRENCE = /<!-- log-bugs:occurrence=(\d+)-(\d+) -->/;
export const occurrenceKey = (run) => `${run.id}-${run.attempt}`;
/** The runs recorded on an issue: its own metadata plus one per occurrence comment by the bot. */
export async function listOccurrences(github, target) {
    const comments = await github.paginate('GET /repos/{owner}/{repo}/issues/{issue_number}/comments', {
        owner: target.owner,
        repo: target.repo,
        issue_number: target.issue,
        per_page: 100
    });
    const runs = [];
    const found = [];
    for (const comment of comments) {
        if (comment.user?.login !== target.botLogin)
            continue;
        const match = OCCURRENCE.exec(comment.body ?? '');
        if (!match)
            continue;
        const run = { id: Number(match[1]), attempt: Number(match[2]) };
        runs.push(run);
        found.push({ id: comment.id, key: occurrenceKey(run) });
    }
    return { runs, comments: found };
}
/** Metadata with the runs merged (each run and attempt once, oldest first) and counts updated. */
export function mergeRuns(meta, runs, now) {
    const seen = new Map();
    for (const run of [...meta.runs, ...runs])
        seen.set(occurrenceKey(run), { id: run.id, attempt: run.attempt });
    const all = [...seen.values()];
    const attemptCount = Math.max(meta.attemptCount, all.length);
    return { ...meta, runs: all.slice(-MAX_RUNS), attemptCount, lastSeen: now };
}
/** The body with its metadata block replaced (or added when a human deleted it). */
export function replaceMetadata(body, meta) {
    const block = formatMetadata(meta);
    const start = body.lastIndexOf('<!-- log-bugs:metadata');
    if (start === -1)
        return `${body.trimEnd()}\n${block}\n`;
    const end = body.indexOf('-->', start);
    return end === -1
        ? `${body.slice(0, start)}${block}\n`
        : `${body.slice(0, start)}${block}${body.slice(end + 3)}`;
}
export const occurrenceMarker = (run) => formatCommentMarker('occurrence', occurrenceKey(run));
/**
 * Records this run on a known failure's issue: one occurrence comment per run and attempt
 * (looked up first, so a re-run of this step never posts twice), then the metadata's run list
 * and count. Concurrent runs may each write a stale count; the last writer re-reads the
 * comments once more so the count converges.
 */
export async function recordOccurrence(github, core, plan, failure, issue) {
    const { context, inputs } = plan;
    const target = {
        owner: context.owner,
        repo: context.repo,
        issue: issue.number,
        botLogin: plan.botLogin
    };
    const base = issue.metadata ?? {
        ...newMetadata(plan, failure.fingerprint),
        runs: [],
        attemptCount: 1
    };
    const result = {
        fingerprint: failure.fingerprint,
        number: issue.number,
        url: issue.url,
        title: issue.title,
        created: false,
        isRetry: true,
        attemptCount: base.attemptCount,
        jobs: failure.jobs.map(j => j.name)
    };
    const ownKey = occurrenceKey(plan.run);
    if (base.runs.some(run => occurrenceKey(run) === ownKey)) {
        return { ...result, isRetry: base.runs.length > 1 };
    }
    let occurrences = await listOccurrences(github, target);
    const comment = renderTemplate(loadTemplate('occurrence'), {
        run: link(`run ${context.runId}`, context.runUrl),
        attempt: String(context.attempt),
        branch: escapeInline(context.branch || '(none)'),
        pr: context.pr ? link(`#${context.pr.number}`, context.pr.url) : '',
        commit: /^[0-9a-f]{7,40}$/i.test(context.sha) ? `\`${context.sha.slice(0, 7)}\`` : '',
        jobs: failure.jobs.map(job => link(job.name, job.url)).join(', '),
        headline: failure.primary.log.analysis?.keyLines[0]
            ? fenceUntrusted(failure.primary.log.analysis.keyLines[0]).text
            : '',
        marker: occurrenceMarker(plan.run)
    });
    const already = occurrences.runs.some(run => occurrenceKey(run) === ownKey);
    const projected = mergeRuns(base, [...occurrences.runs, plan.run], plan.now);
    if (inputs.dryRun) {
        core.info(`log-bugs: dry-run: would record run ${ownKey} on #${issue.number}\n${comment}`);
        return {
            ...result,
            attemptCount: projected.attemptCount,
            wouldBe: { title: issue.title, body: comment }
        };
    }
    const api = { owner: context.owner, repo: context.repo };
    if (!already) {
        const { data: posted } = await github.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', { ...api, issue_number: issue.number, body: comment });
        // Two reporters of the same run (matrix legs reporting separately) can both find no comment
        // for it and both post: the oldest stays, a later twin deletes itself.
        occurrences = await listOccurrences(github, target);
        const twin = occurrences.comments.find(c => c.key === ownKey && c.id < posted.id);
        if (twin) {
            await github.request('DELETE /repos/{owner}/{repo}/issues/comments/{comment_id}', {
                ...api,
                comment_id: posted.id
            });
            occurrences = await listOccurrences(github, target);
        }
    }
    let written = -1;
    for (let round = 0; round < 3; round++) {
        const meta = mergeRuns(base, occurrences.runs.concat(already ? [] : [plan.run]), plan.now);
        if (meta.runs.length === written)
            break;
        try {
            await github.request('PATCH /repos/{owner}/{repo}/issues/{issue_number}', {
                ...api,
                issue_number: issue.number,
                body: replaceMetadata(issue.body, meta)
            });
        }
        catch (error) {
            rethrowIfFatal(error);
            core.warning(`log-bugs: could not update the run count on #${issue.number}: ${errorMessage(error)}`);
            break;
        }
        written = meta.runs.length;
        result.attemptCount = meta.attemptCount;
        occurrences = await listOccurrences(github, target);
    }
    core.info(`log-bugs: recorded run ${ownKey} on #${issue.number} (seen ${result.attemptCount} times)`);
    return result;
}
