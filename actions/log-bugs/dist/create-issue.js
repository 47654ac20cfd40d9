import { buildIssueTitle, cleanUntrusted, link, renderIssueBody } from './lib/build-issue.js';
import { dedupLabel } from './lib/dedup-label.js';
import { categoryLabel, ensureLabels } from './lib/ensure-labels.js';
import { errorMessage, errorStatus } from './lib/error-message.js';
import { escapeInline } from './lib/escape-markdown.js';
import { FatalError, rethrowIfFatal } from './lib/errors.js';
import { fenceUntrusted } from './lib/fence-code.js';
import { listTrackedIssues } from './lib/list-tracked-issues.js';
import { loadTemplate } from './lib/load-template.js';
import { readInputs } from './lib/read-inputs.js';
import { listOccurrences, mergeRuns, occurrenceKey, occurrenceMarker, replaceMetadata } from './lib/record-occurrence.js';
import { renderTemplate } from './lib/render-template.js';
import { runStep } from './lib/run-step.js';
import { readState, writeState } from './lib/state-store.js';
import { renderSummary } from './lib/render-summary.js';
/**
 * Files one issue per new failure, and records a known failure on its open issue (one comment
 * per run and attempt, never two) instead of filing again. Cannot file → fails the step with one
 * line naming the cause and the fix, after putting the would-be issue in the job summary.
 */
export async function run(deps, inputs = readInputs(process.env), env = process.env) {
    return runStep(deps, inputs, async (github, core) => {
        const context = readState(inputs.stateDir, 'context');
        const failures = readState(inputs.stateDir, 'failures');
        const { botLogin } = readState(inputs.stateDir, 'identity');
        const template = loadTemplate('issue', inputs.issueTemplate, env.GITHUB_WORKSPACE);
        const now = (deps.now ?? (() => new Date()))().toISOString();
        const plan = {
            context,
            inputs,
            botLogin,
            labels: [],
            now,
            run: { id: context.runId, attempt: context.attempt }
        };
        const filed = [];
        const fresh = failures.filter(f => !f.existing);
        const overflow = fresh.slice(inputs.maxIssues);
        const toCreate = fresh.slice(0, inputs.maxIssues);
        if (failures.length === 0 && inputs.closeOnSuccess && ranGreen(context)) {
            filed.push(...(await resolveGreen(github, core, plan)));
        }
        if (toCreate.length > 0) {
            const wanted = [
                ...inputs.labels,
                ...new Set(toCreate.map(f => categoryLabel(f.category)).filter(isString))
            ];
            plan.labels = inputs.dryRun
                ? wanted
                : await ensureLabels(github, { owner: context.owner, repo: context.repo }, wanted, core);
        }
        const assignment = toCreate.length > 0
            ? await decideAssignee(github, context, inputs)
            : { assignee: null, note: '' };
        for (const failure of failures) {
            if (failure.existing) {
                filed.push(await recordOccurrence(github, core, plan, failure, failure.existing));
                continue;
            }
            const index = toCreate.indexOf(failure);
            if (index === -1)
                continue;
            const extra = index === toCreate.length - 1 ? overflowSection(overflow, inputs.maxIssues) : '';
            try {
                const issue = await createIssue(github, core, plan, failure, template, assignment, extra);
                filed.push(issue);
                for (const skipped of extra ? overflow : []) {
                    filed.push({
                        ...issue,
                        fingerprint: skipped.fingerprint,
                        created: false,
                        jobs: skipped.jobs.map(j => j.name)
                    });
                }
            }
            catch (error) {
                if (!(error instanceof CannotFileError))
                    throw error;
                // Leave the would-be issue where a maintainer can see it, then fail with one line.
                filed.push({
                    fingerprint: failure.fingerprint,
                    number: null,
                    url: null,
                    title: error.wouldBe.title,
                    created: false,
                    isRetry: false,
                    attemptCount: 1,
                    jobs: failure.jobs.map(j => j.name),
                    wouldBe: error.wouldBe,
                    error: error.message
                });
                writeState(inputs.stateDir, 'issues', filed);
                await writeSummarySafely(core, renderSummary(context, filed, [error.message]));
                throw error;
            }
        }
        writeState(inputs.stateDir, 'issues', filed);
        const created = filed.filter(f => f.created).length;
        return {
            created,
            updated: filed.filter(f => !f.created && f.number !== null).length,
            issues: filed.map(f => ({ number: f.number, url: f.url, created: f.created }))
        };
    });
}
const isString = (value) => value !== null;
/** What ties an issue to "its" workflow: the file path, which is stable, else the name. */
const workflowKey = (context) => context.workflow.path || context.workflow.name;
/**
 * The run passed: no failed job in the jobs API, or, when the API was unavailable, job-results
 * that list jobs and none that failed. Without either we cannot tell, so nothing is closed.
 */
function ranGreen(context) {
    if (context.failedJobs.length > 0)
        return false;
    if (context.jobsSource === 'api')
        return true;
    const results = Object.values(context.jobResults);
    return results.length > 0 && results.every(result => result === 'success' || result === 'skipped');
}
/**
 * The branch went green in this workflow: close the issues log-bugs filed for failures of this
 * workflow on this branch, with a comment naming the run that passed. Issues of other branches
 * or other workflows stay open.
 */
async function resolveGreen(github, core, plan) {
    const { context, inputs } = plan;
    const tracked = await listTrackedIssues(github, {
        owner: context.owner,
        repo: context.repo,
        label: dedupLabel(inputs.labels),
        botLogin: plan.botLogin
    });
    const resolved = [];
    for (const [fingerprint, issue] of tracked) {
        const meta = issue.metadata;
        if (!meta ||
            meta.branch !== cleanUntrusted(context.branch) ||
            (meta.workflow ?? '') !== workflowKey(context))
            continue;
        const note = `Resolved: ${escapeInline(context.branch)} passed in ${link(`run ${context.runId}`, context.runUrl)} (attempt ${context.attempt}). log-bugs closes this issue; it files a new one if the failure comes back.`;
        const entry = {
            fingerprint,
            number: issue.number,
            url: issue.url,
            title: issue.title,
            created: false,
            isRetry: false,
            attemptCount: meta.attemptCount,
            jobs: [],
            resolved: true
        };
        if (inputs.dryRun) {
            core.info(`log-bugs: dry-run: would close #${issue.number} (${context.branch} is green)`);
            resolved.push({ ...entry, wouldBe: { title: issue.title, body: note } });
            continue;
        }
        const target = { owner: context.owner, repo: context.repo, issue_number: issue.number };
        await github.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', {
            ...target,
            body: note
        });
        await github.request('PATCH /repos/{owner}/{repo}/issues/{issue_number}', {
            ...target,
            state: 'closed',
            state_reason: 'completed'
        });
        core.info(`log-bugs: closed #${issue.number}: ${context.branch} is green`);
        resolved.push(entry);
    }
    return resolved;
}
/** Filing was refused: carries the would-be issue for the job summary. */
class CannotFileError extends FatalError {
    wouldBe;
    constructor(message, wouldBe) {
        super(message);
        this.wouldBe = wouldBe;
    }
}
/** The PR author when GitHub would accept them as assignee; otherwise why not, for the body. */
async function decideAssignee(github, context, inputs) {
    const author = context.pr?.author;
    if (!inputs.assignAuthor || !author)
        return { assignee: null, note: '' };
    const who = escapeInline(author);
    if (/\[bot\]$/.test(author)) {
        return { assignee: null, note: `_Not assigned: the pull request's author ${who} is a bot._` };
    }
    try {
        // 204 when assignable, 404 when not; creating with an unassignable user fails the whole
        // request with 422, so ask first (github-platform.md §5).
        await github.request('GET /repos/{owner}/{repo}/assignees/{assignee}', {
            owner: context.owner,
            repo: context.repo,
            assignee: author
        });
        return { assignee: author, note: '' };
    }
    catch (error) {
        rethrowIfFatal(error);
        const status = errorStatus(error);
        return {
            assignee: null,
            note: status === 404
                ? `_Not assigned: ${who} cannot be assigned in this repository (only people with access can be; fork contributors usually cannot)._`
                : `_Not assigned: checking whether ${who} can be assigned failed (HTTP ${status ?? '?'})._`
        };
    }
}
function overflowSection(overflow, maxIssues) {
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
function newMetadata(plan, fingerprint) {
    return {
        version: 1,
        fingerprint,
        workflow: workflowKey(plan.context),
        featureId: plan.context.feature.id,
        branch: cleanUntrusted(plan.context.branch),
        pr: plan.context.pr?.number ?? null,
        runs: [plan.run],
        attemptCount: 1,
        firstSeen: plan.now,
        lastSeen: plan.now
    };
}
async function createIssue(github, core, plan, failure, template, assignment, extra) {
    const { context, inputs } = plan;
    const { job, log } = failure.primary;
    const title = buildIssueTitle(context.branch, job.name, log.analysis?.keyLines[0] ?? null);
    const metadata = newMetadata(plan, failure.fingerprint);
    const unknown = new Set();
    const render = (issueNumber, note) => renderIssueBody(template, { context, failure, metadata, issueNumber, assignment: note, extra }, unknown);
    let body = render(null, assignment.note);
    if (unknown.size > 0)
        core.warning(`log-bugs: the issue template uses unknown names: ${[...unknown].join(', ')}`);
    const base = {
        fingerprint: failure.fingerprint,
        number: null,
        url: null,
        title,
        created: false,
        isRetry: false,
        attemptCount: 1,
        jobs: failure.jobs.map(j => j.name)
    };
    if (inputs.dryRun) {
        core.info(`log-bugs: dry-run: would file "${title}"\n${body}`);
        return { ...base, wouldBe: { title, body } };
    }
    const target = { owner: context.owner, repo: context.repo };
    // The configured labels plus this failure's own category, of those that exist or were created.
    const category = categoryLabel(failure.category);
    const labels = plan.labels.filter(label => inputs.labels.includes(label) || label === category);
    let created;
    let note = assignment.note;
    try {
        created = (await github.request('POST /repos/{owner}/{repo}/issues', {
            ...target,
            title,
            body,
            labels,
            ...(assignment.assignee ? { assignees: [assignment.assignee] } : {})
        })).data;
    }
    catch (error) {
        rethrowIfFatal(error);
        const status = errorStatus(error);
        if (status === 422 &&
            assignment.assignee &&
            /assignee/i.test(JSON.stringify(errorBody(error)))) {
            // Someone lost access between the check and the create: file unassigned.
            note = `_Not assigned: GitHub refused ${escapeInline(assignment.assignee)} as assignee._`;
            body = render(null, note);
            created = (await github.request('POST /repos/{owner}/{repo}/issues', {
                ...target,
                title,
                body,
                labels
            })).data;
        }
        else {
            throw new CannotFileError(cannotFile(status, error, context), { title, body });
        }
    }
    core.info(`log-bugs: filed #${created.number} ${created.html_url}`);
    // The number is known only now: write the `Fixes #N` line for the fixing commit.
    try {
        await github.request('PATCH /repos/{owner}/{repo}/issues/{issue_number}', {
            ...target,
            issue_number: created.number,
            body: render(created.number, note)
        });
    }
    catch (error) {
        rethrowIfFatal(error);
        core.warning(`log-bugs: could not add the commit identifier to #${created.number}: ${errorMessage(error)}`);
    }
    const filed = {
        ...base,
        number: created.number,
        url: created.html_url,
        created: true
    };
    return reconcileRace(github, core, plan, failure, filed);
}
/**
 * Concurrent runs of the same failure can all miss each other and file at once. Listing is
 * consistent right after a write, so after filing we look again: if an older open issue has
 * the same fingerprint, ours is closed as its duplicate and the run is recorded there instead.
 * Issue numbers grow with creation time, so every racer agrees on the same survivor.
 */
async function reconcileRace(github, core, plan, failure, filed) {
    const { context } = plan;
    let oldest;
    try {
        const tracked = await listTrackedIssues(github, {
            owner: context.owner,
            repo: context.repo,
            label: plan.labels.includes(dedupLabel(plan.inputs.labels) ?? '')
                ? dedupLabel(plan.inputs.labels)
                : null,
            botLogin: plan.botLogin
        });
        oldest = tracked.get(failure.fingerprint);
    }
    catch (error) {
        rethrowIfFatal(error);
        core.debug(`log-bugs: duplicate check after filing failed: ${errorMessage(error)}`);
        return filed;
    }
    if (!oldest || filed.number === null || oldest.number >= filed.number)
        return filed;
    const target = { owner: context.owner, repo: context.repo };
    try {
        await github.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', {
            ...target,
            issue_number: filed.number,
            body: `Duplicate of #${oldest.number}: another run filed the same failure (\`${failure.fingerprint}\`) at the same time.`
        });
        await github.request('PATCH /repos/{owner}/{repo}/issues/{issue_number}', {
            ...target,
            issue_number: filed.number,
            state: 'closed',
            state_reason: 'duplicate'
        });
        core.info(`log-bugs: closed #${filed.number} as a duplicate of #${oldest.number} (concurrent runs)`);
    }
    catch (error) {
        rethrowIfFatal(error);
        core.warning(`log-bugs: #${filed.number} duplicates #${oldest.number} but could not be closed: ${errorMessage(error)}`);
    }
    const recorded = await recordOccurrence(github, core, plan, failure, oldest);
    return { ...recorded, created: false, isRetry: true };
}
/**
 * Records this run on a known failure's issue: one occurrence comment per run and attempt
 * (looked up first, so a re-run of this step never posts twice), then the metadata's run list
 * and count. Concurrent runs may each write a stale count; the last writer re-reads the
 * comments once more so the count converges.
 */
async function recordOccurrence(github, core, plan, failure, issue) {
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
function errorBody(error) {
    return typeof error === 'object' && error !== null && 'response' in error
        ? error.response?.data
        : undefined;
}
/** One line: what failed and how to fix it. */
function cannotFile(status, error, context) {
    const fork = context.pr?.fork
        ? ' This looks like a pull request from a fork, whose token is read-only: use the workflow_run recipe in the log-bugs README.'
        : '';
    switch (status) {
        case 401:
            return 'cannot file the issue: the token was rejected (HTTP 401). Pass a valid github-token.';
        case 403:
        case 429:
            if (/rate limit/i.test(errorMessage(error))) {
                return `cannot file the issue: GitHub's secondary rate limit asked to wait longer than log-bugs may (HTTP ${status}). Re-run the job in a few minutes.`;
            }
            if (status === 429)
                return `cannot file the issue: GitHub answered HTTP 429 (${errorMessage(error)}). Re-run the job later.`;
            return `cannot file the issue: the token lacks \`issues: write\` (HTTP 403: ${errorMessage(error)}). Add \`permissions: { issues: write }\` to the job.${fork}`;
        case 404:
            return `cannot file the issue: ${context.owner}/${context.repo} was not found with this token (HTTP 404). Check the github-token input.`;
        case 410:
            return `cannot file the issue: issues are disabled in ${context.owner}/${context.repo} (HTTP 410). Enable them in the repository settings.`;
        case 422:
            return `cannot file the issue: GitHub refused it as invalid (HTTP 422: ${errorMessage(error)}).`;
        default:
            return `cannot file the issue (${status ? `HTTP ${status}` : 'network error'}: ${errorMessage(error)}).`;
    }
}
async function writeSummarySafely(core, markdown) {
    try {
        await core.summary.addRaw(markdown, true).write();
    }
    catch (error) {
        rethrowIfFatal(error);
        core.debug(`log-bugs: job summary not written: ${errorMessage(error)}`);
    }
}
