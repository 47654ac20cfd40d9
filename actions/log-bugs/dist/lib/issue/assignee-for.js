import { escapeInline } from '../markdown/escape-markdown.js';
/**
 * Whom to assign a new failure: the PR author, unless a bot. Whether GitHub accepts them is
 * learned from the create itself (a 422 on `assignees` files unassigned, file-issue.ts), which
 * saves asking `GET …/assignees/{user}` first on every run.
 */
export function assigneeFor(author) {
    if (!author)
        return { assignee: null, note: '' };
    if (/\[bot\]$/.test(author)) {
        return {
            assignee: null,
            note: `_Not assigned: the pull request's author ${escapeInline(author)} is a bot._`
        };
    }
    return { assignee: author, note: '' };
}
