import { closeIssue } from './lib/github/close-issue.js';
import { createIssue, settleTwins } from './lib/github/file-issue.js';
import { postNote } from './lib/github/post-note.js';
import { updateTrackedIssue } from './lib/github/update-tracked-issue.js';
import { issueOutputs } from './lib/issue/action-outputs.js';
import { assigneeFor } from './lib/issue/assignee-for.js';
import { renderIssueBody, renderOverflow } from './lib/issue/issue-body.js';
import { buildIssueTitle } from './lib/issue/issue-title.js';
import { categoryLabel, dedupLabel } from './lib/issue/labels.js';
import { addRun, hasRun, isTrunkRun, newMetadata, runKeyOf } from './lib/issue/metadata.js';
import { notes } from './lib/issue/notes.js';
import { planIssues } from './lib/issue/plan-issues.js';
import { renderSummary } from './lib/issue/render-summary.js';
import { bestEffort, CannotFileError, errorMessage } from './lib/step/errors.js';
import { loadTemplate } from './lib/step/load-template.js';
import { runStep } from './lib/step/run-step.js';
import { readState, readStateOr, writeState } from './lib/step/state.js';
import { writeSummary } from './lib/step/write-summary.js';
/**
 * Carries out the plan (plan-issues.ts): files one issue per new failure (then one list
 * settles racers), records a known failure in its issue's body (a comment only when a
 * watcher should act: notes.ts), reopens an issue closed lately, moves the branch's issues
 * through the lifecycle, and closes them when the default branch is green. Cannot file → fails
 * the step with one line naming the cause and the fix, after putting the would-be issue in the
 * job summary. Writes `outcomes.json`; sets the outputs, also when it fails part-way.
 */
export async function run(deps, env = process.env) {
    return runStep(deps, env, async (scope) => {
        const { core, inputs, dir } = scope;
        const context = readState(dir, 'context');
        const at = scope.now().toISOString();
        const plan = planIssues({
            context,
            failures: readState(dir, 'failures'),
            tracked: readState(dir, 'tracked'),
            closed: readStateOr(dir, 'closed', {}),
            maxIssues: inputs.maxIssues,
            closeOnSuccess: inputs.closeOnSuccess,
            fileAllowed: inputs.fileAllowedFailures,
            reopenDays: inputs.reopenDays,
            flakyLabel: inputs.flakyLabel,
            now: at
        });
        const run = {
            ...scope,
            context,
            botLogin: readState(dir, 'identity').botLogin,
            at,
            checks: []
        };
        const outcomes = [];
        try {
            outcomes.push(...(await carryOut(run, plan, env.GITHUB_WORKSPACE)));
        }
        catch (error) {
            if (error instanceof CannotFileError) {
                outcomes.push(...error.done);
                // leave the would-be issue where a maintainer can see it, then fail with one line
                await writeSummary(core, renderSummary(context, outcomes, [error.message]));
            }
            throw error;
        }
        finally {
            writeState(dir, 'outcomes', outcomes);
            for (const [name, value] of Object.entries(issueOutputs(outcomes)))
                core.setOutput(name, value);
        }
        return {
            created: outcomes.filter(o => o.kind === 'filed').length,
            recorded: outcomes.filter(o => o.kind === 'recorded').length,
            resolved: outcomes.filter(o => o.kind === 'resolved').length
        };
    });
}
/** Files first (so a refusal fails fast), then the other steps, one issue at a time. */
async function carryOut(run, plan, workspace) {
    const filing = plan.filter(step => step.kind === 'file');
    const outcomes = filing.length > 0 ? await fileAll(run, filing, workspace) : [];
    // One write at a time: GitHub asks integrations not to send mutating requests concurrently
    // (it answers with secondary rate limits), and issue numbers then follow the plan's order.
    for (const step of plan)
        if (step.kind !== 'file')
            outcomes.push(await carryOutOne(run, step));
    // A racer that read an issue before our write and wrote after our read-back dropped our
    // record; by now its write has landed, so one more read tells, and writes it again if so.
    for (const check of run.checks)
        await bestEffort(check, () => undefined);
    return outcomes;
}
function refOf({ context }, failure, klass) {
    return {
        fingerprint: failure.fingerprint,
        title: buildIssueTitle(context.branch, failure.primary.job.name, failure.primary.log.analysis?.keyLines[0] ?? null),
        jobs: failure.jobs.map(job => job.name),
        class: klass
    };
}
const issueRef = (issue) => 'html_url' in issue
    ? { number: issue.number, url: issue.html_url, title: issue.title }
    : { number: issue.number, url: issue.url, title: issue.title };
/**
 * The labels an issue should carry: the lifecycle label of its step (or none), and flaky when
 * it just flaked; every other label, flaky included, stays.
 */
function lifecycleLabels({ inputs }, current, step) {
    const { fixPendingLabel, pendingMergeLabel, flakyLabel } = inputs;
    const lower = (l) => l.toLowerCase();
    const drop = new Set([fixPendingLabel, pendingMergeLabel].map(lower));
    const kept = current.filter(label => !drop.has(lower(label)));
    const add = [
        step.lifecycle === 'fix-pending' ? fixPendingLabel : null,
        step.lifecycle === 'pending-merge' ? pendingMergeLabel : null,
        step.flaky ? flakyLabel : null
    ].filter((label) => label !== null);
    return [...kept, ...add.filter(label => !kept.some(k => lower(k) === lower(label)))];
}
/** Files every new failure's issue, then settles racers with one list for all of them. */
async function fileAll(run, steps, workspace) {
    const { github, core, inputs, context, botLogin, at: now } = run;
    const template = loadTemplate('issue', inputs.issueTemplate, workspace);
    const target = { owner: context.owner, repo: context.repo };
    const drafts = steps.map(step => {
        const { failure } = step;
        const ref = refOf(run, failure, step.class);
        const category = categoryLabel(failure.category);
        // Only a new failure is the PR author's to fix: not the trunk's, a flaky or an allowed one.
        const assignment = inputs.assignAuthor && step.class === 'new'
            ? assigneeFor(context.pr?.author ?? null)
            : { assignee: null, note: '' };
        const extra = [
            step.seenBefore
                ? `_Seen before in #${step.seenBefore.number}, closed ${(step.seenBefore.closedAt ?? '').slice(0, 10)}._\n`
                : '',
            renderOverflow(step.overflow, inputs.maxIssues)
        ].join('');
        const unknown = new Set();
        const metadata = newMetadata(context, failure.fingerprint, now, {
            class: step.class,
            writer: botLogin
        });
        const render = (note) => renderIssueBody(template, { context, failure, metadata, issueNumber: null, assignment: note, extra }, unknown);
        const body = render(assignment.note);
        if (unknown.size > 0)
            core.warning(`log-bugs: the issue template uses unknown names: ${[...unknown].join(', ')}`);
        const labels = [
            ...inputs.labels,
            ...(category ? [category] : []),
            ...(step.class === 'flaky' ? [inputs.flakyLabel] : [])
        ];
        return { step, ref, assignment, render, body, labels };
    });
    if (inputs.dryRun) {
        return drafts.map(draft => {
            core.info(`log-bugs: dry-run: would file "${draft.ref.title}"\n${draft.body}`);
            return {
                kind: 'dry-run',
                action: 'file',
                failure: draft.ref,
                issue: null,
                seen: 1,
                draft: { title: draft.ref.title, body: draft.body }
            };
        });
    }
    const created = [];
    for (const draft of drafts) {
        const filing = createIssue(github, core, context, {
            title: draft.ref.title,
            render: draft.render,
            labels: draft.labels,
            assignee: draft.assignment.assignee,
            note: draft.assignment.note
        });
        created.push(await filing.then(value => ({ status: 'fulfilled', value }), (reason) => ({ status: 'rejected', reason })));
        // a refusal (no permission) is the same for the next issue: stop at the first
        if (created.at(-1)?.status === 'rejected')
            break;
    }
    const done = [];
    const made = [];
    let refusal = null;
    created.forEach((result, i) => {
        const draft = drafts[i];
        if (result.status === 'fulfilled') {
            made.push({ draft, issue: result.value });
            core.info(`log-bugs: filed #${result.value.number} ${result.value.html_url}`);
        }
        else if (result.reason instanceof CannotFileError) {
            refusal ??= result.reason;
            done.push({
                kind: 'refused',
                failure: draft.ref,
                draft: result.reason.wouldBe ?? { title: draft.ref.title, body: draft.body },
                error: result.reason.message
            });
        }
        else {
            throw result.reason;
        }
    });
    // Racers (matrix legs reporting apart, concurrent runs) may have filed the same failures.
    const label = dedupLabel(inputs.labels);
    const twins = await settleTwins(github, core, target, made.map(({ draft, issue }) => ({ fingerprint: draft.step.failure.fingerprint, issue })), { label, botLogin });
    for (const { draft, issue } of made) {
        const older = twins.get(issue.number);
        if (older) {
            done.push(await recordOn(run, draft.step.failure, draft.step.class, older, false));
        }
        else {
            done.push({ kind: 'filed', failure: draft.ref, issue: issueRef(issue) });
        }
        for (const extra of draft.step.overflow)
            done.push({
                kind: 'listed',
                failure: refOf(run, extra, 'new'),
                issue: older ? issueRef(older) : issueRef(issue)
            });
    }
    if (refusal)
        throw refusal.withDone(done);
    return done;
}
async function carryOutOne(run, step) {
    switch (step.kind) {
        case 'file':
            throw new TypeError('files are carried out together');
        case 'record':
            return recordOn(run, step.failure, step.class, step.issue, false);
        case 'reopen':
            return recordOn(run, step.failure, step.class, step.issue, true);
        case 'skip':
            run.core.info(`log-bugs: ${step.failure.fingerprint} not filed: ${step.class === 'allowed' ? 'its job may fail (continue-on-error)' : `#${step.issue?.number} was closed as not planned`}`);
            return {
                kind: 'skipped',
                failure: refOf(run, step.failure, step.class),
                issue: step.issue ? issueRef(step.issue) : null
            };
        case 'mark':
            return markIssue(run, step.fingerprint, step.issue, step.lifecycle);
        case 'flake':
            return markIssue(run, step.fingerprint, step.issue, 'flaky');
        case 'close':
            return closeResolved(run, step.fingerprint, step.issue);
    }
}
/**
 * The login that filed an issue, kept in its metadata once known: from then on only that
 * login's markers are trusted for it (trustsAuthor), whatever other bots write.
 */
const writerOf = (meta, issue) => meta.writer ? {} : issue.author ? { writer: issue.author } : {};
/** Posts the notes a change calls for; a note that fails is a warning, the body has the record. */
async function postNotes(run, issue, due) {
    const { context, botLogin } = run;
    for (const note of due) {
        await bestEffort(() => postNote(run.github, { owner: context.owner, repo: context.repo, issue: issue.number, botLogin }, note.key, note.text), error => run.core.warning(`log-bugs: could not comment on #${issue.number}: ${errorMessage(error)}`));
    }
}
/**
 * Writes a change into an issue's body (update-tracked-issue.ts) and queues its last check for
 * the end of the run. A write that fails is a warning (undefined): the run goes on.
 */
async function writeTracked(run, issue, change, what) {
    const { context } = run;
    const target = { serverUrl: context.serverUrl, owner: context.owner, repo: context.repo };
    const update = (fresh) => updateTrackedIssue(run.github, target, issue, change, run.sleep, { fresh });
    run.checks.push(() => update(true));
    return bestEffort(() => update(false), error => {
        run.core.warning(`log-bugs: could not ${what} on #${issue.number}: ${errorMessage(error)}`);
        return undefined;
    });
}
/** Records this run in a known failure's issue body; reopens it when asked. */
async function recordOn(run, failure, klass, issue, reopen) {
    const { core, inputs, context, at: now } = run;
    const key = runKeyOf(context, now);
    const ref = refOf(run, failure, klass);
    const before = issue.metadata;
    const due = before
        ? notes.onRecord(context, before, klass, { now, periodMs: inputs.commentPeriodMs, reopen })
        : [];
    const flakedNow = klass === 'flaky' && (before?.flakes ?? 0) === 0;
    const change = {
        apply: meta => ({
            ...addRun(meta, key, now),
            ...writerOf(meta, issue),
            trunk: Boolean(meta.trunk || isTrunkRun(context)),
            class: klass,
            lifecycle: null,
            flakes: (meta.flakes ?? 0) + (flakedNow && !hasRun(meta, key) ? 1 : 0),
            ...(due.length > 0 ? { notifiedAt: now } : {})
        }),
        holds: meta => hasRun(meta, key) && !meta.lifecycle,
        labels: current => lifecycleLabels(run, current, { lifecycle: null, flaky: klass === 'flaky' }),
        reopen
    };
    if (inputs.dryRun) {
        core.info(`log-bugs: dry-run: would record run ${context.runId} on #${issue.number}`);
        const seen = (before?.attemptCount ?? 1) + 1;
        return {
            kind: 'dry-run',
            action: 'record',
            failure: ref,
            issue: issueRef(issue),
            seen,
            draft: { title: issue.title, body: due.map(n => n.text).join('\n\n') }
        };
    }
    const written = await writeTracked(run, issue, change, `record run ${context.runId}`);
    const meta = written === undefined ? before : written;
    await postNotes(run, issue, due);
    const seen = meta?.attemptCount ?? (before?.attemptCount ?? 0) + 1;
    core.info(`log-bugs: ${reopen ? 'reopened' : 'recorded run on'} #${issue.number} (${klass}, seen ${seen} times)`);
    return {
        kind: 'recorded',
        failure: ref,
        issue: issueRef(issue),
        seen,
        ...(reopen ? { reopened: true } : {})
    };
}
/** Moves a branch's issue on: fix-pending, pending-merge, or flaky (a flake counted). */
async function markIssue(run, fingerprint, issue, step) {
    const { core, inputs, context, at: now } = run;
    const flake = `${context.runId}-${context.attempt}`;
    const before = issue.metadata;
    const due = notes.onMark(context, before, step);
    const seen = before.attemptCount;
    if (inputs.dryRun) {
        core.info(`log-bugs: dry-run: would mark #${issue.number} ${step}`);
        return {
            kind: 'dry-run',
            action: 'mark',
            failure: {
                fingerprint,
                title: issue.title,
                jobs: [],
                class: step === 'flaky' ? 'flaky' : 'known'
            },
            issue: issueRef(issue),
            seen,
            draft: { title: issue.title, body: due.map(n => n.text).join('\n\n') }
        };
    }
    const change = step === 'flaky'
        ? {
            apply: meta => ({
                ...meta,
                ...writerOf(meta, issue),
                flakes: (meta.flakes ?? 0) + 1,
                lastFlake: flake,
                class: 'flaky',
                lifecycle: null,
                ...(due.length > 0 ? { notifiedAt: now } : {})
            }),
            holds: meta => meta.lastFlake === flake,
            labels: current => lifecycleLabels(run, current, { lifecycle: null, flaky: true })
        }
        : {
            apply: meta => ({ ...meta, ...writerOf(meta, issue), lifecycle: step, notifiedAt: now }),
            holds: meta => meta.lifecycle === step,
            labels: current => lifecycleLabels(run, current, { lifecycle: step, flaky: false })
        };
    const written = await writeTracked(run, issue, change, `mark it ${step}`);
    if (written)
        await postNotes(run, issue, due);
    core.info(`log-bugs: #${issue.number} is ${step}`);
    const issueStep = step;
    return { kind: 'marked', issue: issueRef(issue), fingerprint, step: issueStep, seen };
}
/** The default branch passed: the issue is resolved, closed as completed, naming the run. */
async function closeResolved(run, fingerprint, issue) {
    const { github, core, inputs, context } = run;
    const note = notes.onClose(context, issue.metadata);
    const seen = issue.metadata?.attemptCount ?? 1;
    if (inputs.dryRun) {
        core.info(`log-bugs: dry-run: would close #${issue.number} (${context.branch} is green)`);
        const failure = { fingerprint, title: issue.title, jobs: [], class: 'known' };
        const draft = { title: issue.title, body: note };
        return { kind: 'dry-run', action: 'close', failure, issue: issueRef(issue), seen, draft };
    }
    await closeIssue(github, { owner: context.owner, repo: context.repo, issue: issue.number }, note, 'completed');
    core.info(`log-bugs: closed #${issue.number}: ${context.branch} is green`);
    return { kind: 'resolved', issue: issueRef(issue), fingerprint, seen };
}
