import { errorStatus } from '../step/error-message.js';
import { rethrowIfFatal } from '../step/errors.js';
import { escapeInline } from '../markdown/escape-markdown.js';
/** The PR author when GitHub would accept them as assignee; otherwise why not, for the body. */
export async function decideAssignee(github, context, inputs) {
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
