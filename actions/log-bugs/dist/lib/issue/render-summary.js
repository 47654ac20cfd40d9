import { escapeInline } from '../markdown/escape-markdown.js';
import { fenceCode } from '../markdown/fence-code.js';
import { link } from '../markdown/link.js';
import { outcomeClass, outcomeFailure, outcomeIssue, outcomeSeen } from './outcome.js';
/** The step summary caps at 1 MiB per step (runner's AttachmentSizeLimit); stay well inside. */
const SUMMARY_BUDGET = 512 * 1024;
/**
 * The job summary: each failure with its jobs, its issue and whether it was new or a repeat,
 * plus any problem, and in dry-run or when filing was refused, the would-be issue's source.
 * Every value in it was escaped when the issue was built, or is escaped here.
 */
export function renderSummary(context, outcomes, problems = [], comment) {
    const lines = ['## log-bugs', ''];
    if (context.failedJobs.length === 0)
        lines.push('No failed job was found in this run.', '');
    if (outcomes.length > 0) {
        lines.push('| Failure | Jobs | Class | Issue | Seen |', '| --- | --- | --- | --- | --- |');
        for (const outcome of outcomes) {
            const failure = outcomeFailure(outcome);
            const title = failure?.title ?? outcomeIssue(outcome)?.title ?? '';
            lines.push(`| ${escapeInline(title, 120)} | ${(failure?.jobs ?? []).map(job => escapeInline(job, 80)).join(', ')} | ${outcomeClass(outcome) ?? '—'} | ${where(outcome)} | ${outcomeSeen(outcome)}× |`);
        }
        lines.push('');
    }
    for (const problem of problems)
        lines.push(`> [!WARNING]`, `> ${escapeInline(problem, 1000)}`, '');
    if (comment)
        lines.push('<details><summary>Pull request comment</summary>', '', fenceCode(comment, 'markdown'), '', '</details>', '');
    for (const draft of outcomes.map(draftOf)) {
        if (!draft)
            continue;
        lines.push(`<details><summary>Would-be issue: ${escapeInline(draft.title, 120)}</summary>`, '', fenceCode(draft.body, 'markdown'), '', '</details>', '');
    }
    const text = lines.join('\n');
    return text.length <= SUMMARY_BUDGET
        ? text
        : `${text.slice(0, SUMMARY_BUDGET)}\n\n… (summary truncated)\n`;
}
function where(outcome) {
    switch (outcome.kind) {
        case 'filed':
            return `${link(`#${outcome.issue.number}`, outcome.issue.url)} (new)`;
        case 'recorded':
            return `${link(`#${outcome.issue.number}`, outcome.issue.url)} (${outcome.reopened ? 'reopened' : 'repeat'})`;
        case 'skipped':
            return outcome.issue
                ? `${link(`#${outcome.issue.number}`, outcome.issue.url)} (closed as not planned: not reopened)`
                : 'not filed: the job may fail (continue-on-error)';
        case 'marked':
            return `${link(`#${outcome.issue.number}`, outcome.issue.url)} (${outcome.step})`;
        case 'listed':
            return `${link(`#${outcome.issue.number}`, outcome.issue.url)} (listed: over max-issues)`;
        case 'resolved':
            return `${link(`#${outcome.issue.number}`, outcome.issue.url)} (closed: the default branch is green)`;
        case 'dry-run':
            return outcome.issue === null
                ? 'dry-run: not filed'
                : `${link(`#${outcome.issue.number}`, outcome.issue.url)} (dry-run: would ${outcome.action === 'close' ? 'close it' : outcome.action === 'mark' ? 'mark it' : 'record this run'})`;
        case 'refused':
            return 'not filed (see below)';
    }
}
function draftOf(outcome) {
    return outcome.kind === 'dry-run' || outcome.kind === 'refused' ? outcome.draft : null;
}
