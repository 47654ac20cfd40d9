import { normalizeJobName } from '../log/normalize-job-name.js';
import { escapeInline } from '../markdown/escape-markdown.js';
import { fenceUntrusted } from '../markdown/fence-code.js';
import { link } from '../markdown/link.js';
import { formatMarker, formatMetadata } from '../markdown/marker.js';
import { renderTemplate } from '../markdown/render-template.js';
import { renderHistory } from './history.js';
/**
 * GitHub refuses bodies over 65,536 characters (the error names characters; the stored cap is
 * bytes: docs/github-platform.md §6). JS string length counts UTF-16 units, which is never less than
 * characters, so staying under this in `.length` is safe either way. The margin leaves room for
 * what repeats add: the "Seen" table (at most 20 rows) and the metadata's runs (at most 30).
 */
const BODY_LIMIT = 65_536;
export const BODY_BUDGET = BODY_LIMIT - 14_336;
/** Log text fenced so it cannot break out, after sanitising and redaction. */
const fenced = (text, info = '') => fenceUntrusted(text, info).text;
/** The failed step's command, when the step is a `run:` step ("Run npm test" → `npm test`). */
function stepCommand(step) {
    if (!step || !step.startsWith('Run '))
        return null;
    const command = step.slice(4).trim();
    // `Run actions/setup-node@v4` is an action, not something to type in a shell
    if (/^[\w.-]+\/[\w./-]+@\S+$/.test(command) ||
        (command.startsWith('./') && !command.includes(' '))) {
        return null;
    }
    return command || null;
}
/** The template's variables. Every untrusted value is escaped or fenced here, nowhere else. */
function buildIssueView(input, excerptLines) {
    const { context, failure, metadata } = input;
    const { job, log } = failure.primary;
    const analysis = log.analysis;
    const step = analysis?.failedStep?.name ?? job.failedStep?.name ?? null;
    const keyLines = analysis?.keyLines ?? [];
    const headline = keyLines[0] ?? null;
    let excerpt = analysis?.excerpt ?? '';
    if (excerptLines !== null) {
        const lines = excerpt.split('\n');
        excerpt =
            excerptLines === 0
                ? ''
                : lines.length > excerptLines
                    ? [
                        '… (excerpt shortened to fit GitHub’s size limit)',
                        ...lines.slice(-excerptLines)
                    ].join('\n')
                    : excerpt;
    }
    const server = context.serverUrl;
    const repoUrl = `${server}/${context.owner}/${context.repo}`;
    const range = analysis?.excerptLines;
    const command = stepCommand(step);
    const legs = failure.jobs;
    return {
        headline: escapeInline(headline ?? `${normalizeJobName(job.name)} failed${step ? ` in step "${step}"` : ''}`, 200),
        featureId: escapeInline(context.feature.id),
        featureName: escapeInline(context.feature.name),
        workflow: `${escapeInline(context.workflow.name)}${context.workflow.path ? ` (${escapeInline(context.workflow.path)})` : ''}`,
        jobs: legs
            .slice(0, 20)
            .map(leg => link(leg.name, leg.url))
            .join(', ') + (legs.length > 20 ? ` and ${legs.length - 20} more` : ''),
        step: step ? link(step, job.failedStep?.url ?? job.url) : 'unknown',
        category: escapeInline(failure.category),
        logLines: range ? `${range.first}–${range.last} of ${analysis?.totalLines ?? '?'}` : '—',
        comparedWith: log.baseline
            ? `${link(`run ${log.baseline.runId}`, log.baseline.url)}, the last green run of this job: lines it printed too are shown as context, new ones as candidates`
            : '',
        branch: escapeInline(context.branch || '(none)'),
        pr: context.pr
            ? `${link(`#${context.pr.number}`, context.pr.url)}${context.pr.author ? ` by ${escapeInline(context.pr.author)}` : ''}${context.pr.title ? `: ${escapeInline(context.pr.title, 120)}` : ''}`
            : '—',
        commit: /^[0-9a-f]{7,40}$/i.test(context.sha)
            ? link(context.sha.slice(0, 7), `${repoUrl}/commit/${context.sha}`)
            : '—',
        run: link(`run ${context.runId}`, context.runUrl),
        attempt: String(context.attempt),
        keyLines: keyLines.length > 0 ? fenced(keyLines.join('\n')) : '',
        excerpt: excerpt ? fenced(excerpt) : '',
        logUnavailable: escapeInline(log.unavailableReason ?? 'no excerpt could be taken from the log', 300),
        jobUrl: /^https?:\/\/\S+$/.test(job.failedStep?.url ?? job.url)
            ? (job.failedStep?.url ?? job.url)
            : context.runUrl,
        otherJobs: legs.length > 1
            ? legs
                .slice(1, 10)
                .map(leg => link(leg.name, leg.url))
                .join(', ')
            : '',
        command: command ? fenced(command, 'sh') : '',
        issueNumber: input.issueNumber === null ? '' : String(input.issueNumber),
        class: metadata.class ?? 'new',
        seen: String(metadata.attemptCount),
        flakes: String(metadata.flakes ?? 0),
        history: renderHistory(metadata, context),
        assignment: input.assignment,
        extra: input.extra,
        fingerprint: failure.fingerprint,
        marker: formatMarker(failure.fingerprint),
        metadata: formatMetadata(metadata)
    };
}
/**
 * Renders the body and, when it is over GitHub's limit, shrinks it: the excerpt first (halving
 * its lines down to none), then the per-job detail, then the key lines. The marker and metadata
 * at the end always survive, or dedup would break.
 */
export function renderIssueBody(template, input, unknown = new Set()) {
    const full = buildIssueView(input, null);
    let body = renderTemplate(template, full, unknown);
    if (body.length <= BODY_BUDGET)
        return body;
    let lines = (input.failure.primary.log.analysis?.excerpt ?? '').split('\n').length;
    while (lines > 0) {
        lines = Math.floor(lines / 2);
        body = renderTemplate(template, buildIssueView(input, lines), unknown);
        if (body.length <= BODY_BUDGET)
            return body;
    }
    const lean = {
        ...buildIssueView(input, 0),
        jobs: `${input.failure.jobs.length} job(s); see the run`,
        otherJobs: '',
        extra: input.extra.slice(0, 2000)
    };
    body = renderTemplate(template, lean, unknown);
    if (body.length <= BODY_BUDGET)
        return body;
    body = renderTemplate(template, {
        ...lean,
        keyLines: fenced((input.failure.primary.log.analysis?.keyLines[0] ?? '').slice(0, 500)),
        extra: ''
    }, unknown);
    if (body.length <= BODY_BUDGET)
        return body;
    // A custom template that is itself too long: keep its start and our markers.
    const tail = `\n\n${lean.marker}\n${lean.metadata}\n`;
    return body.slice(0, BODY_BUDGET - tail.length - 40) + '\n\n… (truncated)' + tail;
}
/** The section of the last issue a run files that lists the failures over `max-issues`. */
export function renderOverflow(overflow, maxIssues) {
    if (overflow.length === 0)
        return '';
    const lines = overflow.map(failure => {
        const job = failure.primary.job;
        const headline = failure.primary.log.analysis?.keyLines[0];
        return `- ${link(job.name, job.failedStep?.url ?? job.url)}${headline ? `: ${escapeInline(headline, 160)}` : ''} (\`${failure.fingerprint}\`)`;
    });
    return [
        `### More failures in this run`,
        '',
        `This run had ${overflow.length} more distinct failure(s); \`max-issues\` is ${maxIssues}, so they are listed here instead of filed:`,
        '',
        ...lines,
        ''
    ].join('\n');
}
