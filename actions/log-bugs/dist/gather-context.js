import { findPullRequest, pullRequestPayload } from './lib/github/find-pull-request.js';
import { ownRun } from './lib/github/own-run.js';
import { listRunJobs, readRun } from './lib/github/read-run.js';
import { extractFeature } from './lib/issue/extract-feature.js';
import { failedJobsOf } from './lib/issue/failed-jobs.js';
import { splitAttempts } from './lib/issue/split-attempts.js';
import { bestEffort, describeError, errorStatus } from './lib/step/errors.js';
import { parseJobResults } from './lib/step/parse-job-results.js';
import { runStep } from './lib/step/run-step.js';
import { writeState } from './lib/step/state.js';
/**
 * The first step: validates the inputs (a bad one fails here, naming it) and starts the state
 * folder; then finds what failed: the run (attempt, branch, SHA, workflow), its failed jobs and
 * their failed steps, the pull request and its author, and the feature id from the branch.
 * Writes `inputs.json` and `context.json`.
 */
export async function run(deps, env = process.env) {
    return runStep(deps, env, async ({ github, context, core, inputs, dir }) => {
        const { owner, repo } = context.repo;
        const runId = inputs.runId ?? context.runId;
        const target = { owner, repo, runId };
        const jobResults = parseJobResults(inputs.jobResults);
        if (jobResults.problem)
            core.warning(`log-bugs: ${jobResults.problem}; using the jobs API alone`);
        const apiRun = ownRun(context, env, runId) ??
            (await bestEffort(() => readRun(github, target), error => {
                core.warning(`log-bugs: cannot read run ${runId} (${describeError(error)}); using the event context. ${permissionHint(error)}`);
                return {};
            }));
        const allJobs = await bestEffort(() => listRunJobs(github, target), error => {
            core.warning(`log-bugs: cannot list the jobs of run ${runId} (${describeError(error)}); using job-results. ${permissionHint(error)}`);
            return null;
        });
        const { latest, earlier } = splitAttempts(allJobs ?? []);
        const jobs = allJobs === null ? null : latest;
        const attempt = apiRun.run_attempt ?? (Number(env.GITHUB_RUN_ATTEMPT) || 1);
        const serverUrl = context.serverUrl || 'https://github.com';
        const runUrl = apiRun.html_url ?? `${serverUrl}/${owner}/${repo}/actions/runs/${runId}`;
        const fromEvent = pullRequestPayload(context);
        const branch = inputs.branch ||
            apiRun.head_branch ||
            fromEvent?.head?.ref ||
            env.GITHUB_HEAD_REF ||
            context.ref.replace(/^refs\/(heads|tags)\//, '');
        const sha = apiRun.head_sha ?? fromEvent?.head?.sha ?? context.sha;
        const failedJobs = failedJobsOf(jobs, jobResults.results, { url: runUrl, attempt });
        if (failedJobs.length === 0)
            core.info('log-bugs: no failed job found in this run');
        const pr = await findPullRequest(github, context, inputs, { api: apiRun, sha, branch }, core.debug);
        const runContext = {
            owner,
            repo,
            serverUrl,
            runId,
            attempt,
            runUrl,
            event: apiRun.event ?? context.eventName,
            workflow: { name: apiRun.name || context.workflow, path: apiRun.path ?? '' },
            branch,
            defaultBranch: defaultBranchOf(context),
            sha,
            pr,
            feature: extractFeature(branch),
            failedJobs,
            jobsSource: jobs === null ? 'job-results' : 'api',
            earlierAttempts: earlier,
            jobResults: jobResults.results
        };
        writeState(dir, 'context', runContext);
        core.info(`log-bugs: run ${runId} attempt ${attempt} on ${branch || '(no branch)'}: ${failedJobs.length} failed job(s)` +
            (pr ? `, PR #${pr.number}` : ', no PR'));
        return { failedJobs: failedJobs.length, pr: pr?.number ?? null };
    }, { first: true });
}
/** Every webhook payload but schedule's names the repository and its default branch. */
function defaultBranchOf(context) {
    const repository = context.payload.repository;
    return typeof repository?.default_branch === 'string' ? repository.default_branch : null;
}
function permissionHint(error) {
    return errorStatus(error) === 403 || errorStatus(error) === 404
        ? 'Grant `actions: read` in the workflow permissions.'
        : '';
}
