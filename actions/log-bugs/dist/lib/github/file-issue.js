import { cannotFile } from '../issue/cannot-file.js';
import { escapeInline } from '../markdown/escape-markdown.js';
import { bestEffort, CannotFileError, errorFields, errorMessage, errorStatus, isFatal } from '../step/errors.js';
import { closeIssue } from './close-issue.js';
import { listTrackedIssues } from './list-tracked-issues.js';
/**
 * Files one issue in one request. Labels that do not exist are created by GitHub (colour
 * ededed, docs/github-platform.md §5), so none are listed or created first; a refusal naming
 * `labels` creates them and tries again. An assignee GitHub
 * refuses (no access: fork contributors) files it unassigned with a note; labels GitHub
 * refuses file it without them; any other refusal throws CannotFileError, one line naming the
 * cause and the fix.
 */
export async function createIssue(github, core, context, issue) {
    const target = { owner: context.owner, repo: context.repo };
    let note = issue.note;
    let body = issue.render(note);
    let labels = issue.labels;
    let assignee = issue.assignee;
    let labelsCreated = false;
    const post = async () => {
        const { data } = await github.request('POST /repos/{owner}/{repo}/issues', {
            ...target,
            title: issue.title,
            body,
            labels,
            ...(assignee ? { assignees: [assignee] } : {})
        });
        return { ...data, title: data.title ?? issue.title };
    };
    try {
        for (let attempt = 0;; attempt++) {
            try {
                return await post();
            }
            catch (error) {
                const refused = errorStatus(error) === 422 ? errorFields(error).map(f => f.field) : [];
                if (attempt < 2 && assignee !== null && refused.includes('assignees')) {
                    note = `_Not assigned: GitHub refused ${escapeInline(assignee)} as assignee (only people with access to the repository can be assigned; fork contributors usually cannot)._`;
                    body = issue.render(note);
                    assignee = null;
                    continue;
                }
                if (attempt < 3 && labels.length > 0 && refused.includes('labels')) {
                    // Some servers refuse labels that do not exist instead of creating them: create
                    // them once and try again; refused again, file without them.
                    if (!labelsCreated) {
                        labelsCreated = true;
                        await createLabels(github, target, labels);
                        continue;
                    }
                    core.warning(`log-bugs: GitHub refused the labels ${labels.join(', ')}; filing without them. Create them by hand, or grant \`issues: write\`.`);
                    labels = [];
                    continue;
                }
                throw error;
            }
        }
    }
    catch (error) {
        if (isFatal(error))
            throw error;
        throw new CannotFileError(cannotFile(error, context), { title: issue.title, body });
    }
}
/** Creates labels; one that exists already (422, a racer made it) or may not be made is left. */
export async function createLabels(github, target, names) {
    for (const name of names) {
        await bestEffort(() => github.request('POST /repos/{owner}/{repo}/labels', { ...target, name }), () => undefined);
    }
}
/**
 * Settles racers after this run filed its issues: one list of the tracked issues (consistent
 * right after a write, unlike search); when an older open issue has the fingerprint of one we
 * filed, ours is closed as its duplicate. Returns, by our issue's number, the older issue the
 * caller records the run on instead.
 */
export async function settleTwins(github, core, target, filed, tracking) {
    const twins = new Map();
    if (filed.length === 0)
        return twins;
    const listed = await bestEffort(() => listTrackedIssues(github, { ...target, ...tracking }), () => ({}));
    for (const { fingerprint, issue } of filed) {
        const oldest = listed[fingerprint];
        if (!oldest || oldest.number >= issue.number)
            continue;
        twins.set(issue.number, oldest);
        await bestEffort(async () => {
            await closeIssue(github, { ...target, issue: issue.number }, `Duplicate of #${oldest.number}: another run filed the same failure (\`${fingerprint}\`) at the same time.`, 'duplicate');
            core.info(`log-bugs: closed #${issue.number} as a duplicate of #${oldest.number} (concurrent runs)`);
        }, error => core.warning(`log-bugs: #${issue.number} duplicates #${oldest.number} but could not be closed: ${errorMessage(error)}`));
    }
    return twins;
}
