import { checkAssignee } from './lib/github/check-assignee.js';
import { closeIssue } from './lib/github/close-issue.js';
import { ensureLabels } from './lib/github/ensure-labels.js';
import { fileIssue } from './lib/github/file-issue.js';
import { recordOccurrence } from './lib/github/record-occurrence.js';
import { issueOutputs } from './lib/issue/action-outputs.js';
import { renderIssueBody, renderOverflow } from './lib/issue/issue-body.js';
import { buildIssueTitle } from './lib/issue/issue-title.js';
import { categoryLabel, dedupLabel } from './lib/issue/labels.js';
import { newMetadata } from './lib/issue/metadata.js';
import { planIssues } from './lib/issue/plan-issues.js';
import { renderOccurrence } from './lib/issue/render-occurrence.js';
import { renderSummary } from './lib/issue/render-summary.js';
import { escapeInline } from './lib/markdown/escape-markdown.js';
import { link } from './lib/markdown/link.js';
import { CannotFileError } from './lib/step/errors.js';
import { loadTemplate } from './lib/step/load-template.js';
import { runStep } from './lib/step/run-step.js';
import { readState, writeState } from './lib/step/state.js';
import { writeSummary } from './lib/step/write-summary.js';
/**
 * Carries out the plan (plan-issues.ts): files one issue per new failure, records a known
 * failure on its open issue (one comment per run and attempt, never two), lists failures over
 * `max-issues` in the last issue filed, and closes the issues of a branch that went green.
 * Cannot file → fails the step with one line naming the cause and the fix, after putting the
 * would-be issue in the job summary. Writes `outcomes.json`; sets the issue outputs, also when
 * it fails part-way.
 */
export async function run(deps, env = process.env) {
    return runStep(deps, env, async (scope) => {
        const { core, inputs, dir } = scope;
        const context = readState(dir, 'context');
        const plan = planIssues({
            context,
            failures: readState(dir, 'failures'),
            tracked: readState(dir, 'tracked'),
            maxIssues: inputs.maxIssues,
            closeOnSuccess: inputs.closeOnSuccess
        });
        const { carryOut, describe } = await prepare(scope, plan, env.GITHUB_WORKSPACE);
        const outcomes = [];
        try {
            for (const step of plan) {
                try {
                    outcomes.push(...(await carryOut(step)));
                }
                catch (error) {
                    if (error instanceof CannotFileError && step.kind === 'file') {
                        const failure = describe(step.failure);
                        outcomes.push({ kind: 'refused', failure, draft: error.wouldBe, error: error.message });
                    }
                    throw error;
                }
            }
        }
        catch (error) {
            if (error instanceof CannotFileError) {
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
/**
 * What every step of the plan needs, fetched once and only when something is filed (labels,
 * the assignee check), and the function that carries out one step.
 */
async function prepare(scope, plan, workspace) {
    const { github, core, inputs, dir } = scope;
    const context = readState(dir, 'context');
    const { botLogin } = readState(dir, 'identity');
    const now = scope.now().toISOString();
    const target = { owner: context.owner, repo: context.repo };
    const toFile = plan.filter(step => step.kind === 'file').map(step => step.failure);
    const template = toFile.length > 0 ? loadTemplate('issue', inputs.issueTemplate, workspace) : '';
    const occurrence = plan.some(step => step.kind === 'record') ? loadTemplate('occurrence') : '';
    let labels = [];
    let assignment = { assignee: null, note: '' };
    if (toFile.length > 0) {
        const wanted = [
            ...inputs.labels,
            ...new Set(toFile.map(f => categoryLabel(f.category)).filter(label => label !== null))
        ];
        labels = inputs.dryRun ? wanted : await ensureLabels(github, target, wanted, core);
        if (inputs.assignAuthor)
            assignment = await checkAssignee(github, target, context.pr?.author ?? null);
    }
    const tracking = {
        label: labels.includes(dedupLabel(inputs.labels) ?? '') ? dedupLabel(inputs.labels) : null,
        botLogin
    };
    const refOf = (failure) => ({
        fingerprint: failure.fingerprint,
        title: buildIssueTitle(context.branch, failure.primary.job.name, failure.primary.log.analysis?.keyLines[0] ?? null),
        jobs: failure.jobs.map(job => job.name)
    });
    const issueRef = (issue) => ({
        number: issue.number,
        url: issue.url,
        title: issue.title
    });
    const record = async (failure, issue) => {
        const comment = renderOccurrence(occurrence || loadTemplate('occurrence'), context, failure);
        if (inputs.dryRun) {
            core.info(`log-bugs: dry-run: would record run ${context.runId} on #${issue.number}\n${comment}`);
            const seen = (issue.metadata?.attemptCount ?? 1) + 1;
            const draft = { title: issue.title, body: comment };
            return {
                kind: 'dry-run',
                action: 'record',
                failure: refOf(failure),
                issue: issueRef(issue),
                seen,
                draft
            };
        }
        const seen = await recordOccurrence(github, core, context, issue, comment, {
            fingerprint: failure.fingerprint,
            botLogin,
            now
        });
        return { kind: 'recorded', failure: refOf(failure), issue: issueRef(issue), seen };
    };
    const carryOut = async (step) => {
        switch (step.kind) {
            case 'record':
                return [await record(step.failure, step.issue)];
            case 'close': {
                const note = `Resolved: ${escapeInline(context.branch)} passed in ${link(`run ${context.runId}`, context.runUrl)} (attempt ${context.attempt}). log-bugs closes this issue; it files a new one if the failure comes back.`;
                const seen = step.issue.metadata?.attemptCount ?? 1;
                if (inputs.dryRun) {
                    core.info(`log-bugs: dry-run: would close #${step.issue.number} (${context.branch} is green)`);
                    const failure = { fingerprint: step.fingerprint, title: step.issue.title, jobs: [] };
                    const draft = { title: step.issue.title, body: note };
                    return [
                        { kind: 'dry-run', action: 'close', failure, issue: issueRef(step.issue), seen, draft }
                    ];
                }
                await closeIssue(github, { ...target, issue: step.issue.number }, note, 'completed');
                core.info(`log-bugs: closed #${step.issue.number}: ${context.branch} is green`);
                return [
                    { kind: 'resolved', issue: issueRef(step.issue), fingerprint: step.fingerprint, seen }
                ];
            }
            case 'file': {
                const { failure, overflow } = step;
                const ref = refOf(failure);
                const category = categoryLabel(failure.category);
                const extra = renderOverflow(overflow, inputs.maxIssues);
                const unknown = new Set();
                const metadata = newMetadata(context, failure.fingerprint, now);
                const render = (issueNumber, note) => renderIssueBody(template, { context, failure, metadata, issueNumber, assignment: note, extra }, unknown);
                const draftBody = render(null, assignment.note);
                if (unknown.size > 0)
                    core.warning(`log-bugs: the issue template uses unknown names: ${[...unknown].join(', ')}`);
                if (inputs.dryRun) {
                    core.info(`log-bugs: dry-run: would file "${ref.title}"\n${draftBody}`);
                    const draft = { title: ref.title, body: draftBody };
                    return [{ kind: 'dry-run', action: 'file', failure: ref, issue: null, seen: 1, draft }];
                }
                const filed = await fileIssue(github, core, context, {
                    fingerprint: failure.fingerprint,
                    title: ref.title,
                    render,
                    // the configured labels plus this failure's own category, of those that exist
                    labels: labels.filter(l => inputs.labels.includes(l) || l === category),
                    assignee: assignment.assignee,
                    note: assignment.note
                }, tracking);
                const first = filed.duplicateOf
                    ? await record(failure, filed.duplicateOf)
                    : { kind: 'filed', failure: ref, issue: filed.issue };
                const home = filed.duplicateOf ? issueRef(filed.duplicateOf) : filed.issue;
                return [
                    first,
                    ...overflow.map(o => ({ kind: 'listed', failure: refOf(o), issue: home }))
                ];
            }
        }
    };
    return { carryOut, describe: refOf };
}
