import { trustsAuthor } from '../issue/trusts-author.js';
import { hasCommentMarker } from '../markdown/marker.js';
import { postOnce } from './post-once.js';
/**
 * Keeps one comment on a pull request, found by its hidden marker (and written by the token's
 * own account) and edited in place; an unchanged comment is left alone. `render` gets the body of the comment it replaces ('' for a
 * new one), so the comment keeps what earlier runs listed. With `onlyUpdate` (a green run) no
 * comment is started. In dry-run nothing is written and the would-be body is returned.
 */
export async function upsertPrComment(github, core, target, render, options) {
    const api = { owner: target.owner, repo: target.repo };
    /** Our comments on this PR, oldest first: the oldest is the one to keep. */
    const listOurs = async () => {
        const comments = await github.paginate('GET /repos/{owner}/{repo}/issues/{issue_number}/comments', { ...api, issue_number: target.pr, per_page: 100 });
        return comments
            .filter(comment => trustsAuthor(target.botLogin, comment.user?.login) &&
            hasCommentMarker(comment.body ?? '', 'pr-comment', String(target.pr)))
            .sort((a, b) => a.id - b.id);
    };
    const edit = async (comment, body) => (await github.request('PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}', {
        ...api,
        comment_id: comment.id,
        body
    })).data.html_url;
    // A PR none of whose failures log-bugs has seen has no comment yet: post, and the list that
    // settles racers also finds one we did not expect (then ours is folded into it).
    const [mine] = options.mayExist === false && !options.dryRun ? [] : await listOurs();
    if (!mine && options.onlyUpdate) {
        core.info('log-bugs: no failure and no earlier PR comment; nothing to say on the PR');
        return null;
    }
    const body = render(mine?.body ?? '');
    if (options.dryRun) {
        core.info(`log-bugs: dry-run: would ${mine ? `edit comment ${mine.id}` : 'comment'} on PR #${target.pr}\n${body}`);
        return { url: null, body };
    }
    if (mine && mine.body === body) {
        core.info(`log-bugs: the PR comment is up to date: ${mine.html_url}`);
        return { url: mine.html_url, body };
    }
    if (mine) {
        const url = await edit(mine, body);
        core.info(`log-bugs: updated the PR comment ${url}`);
        return { url, body };
    }
    const { posted, oldest } = await postOnce({
        post: async () => (await github.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', { ...api, issue_number: target.pr, body })).data,
        list: listOurs,
        id: comment => comment.id
    });
    if (oldest === posted) {
        core.info(`log-bugs: commented on PR #${target.pr}: ${posted.html_url}`);
        return { url: posted.html_url, body };
    }
    // Another run commented first: fold our list into its comment and delete ours.
    const folded = render(oldest.body ?? '');
    const url = await edit(oldest, folded);
    await github.request('DELETE /repos/{owner}/{repo}/issues/comments/{comment_id}', {
        ...api,
        comment_id: posted.id
    });
    core.info(`log-bugs: another run commented first; updated its comment ${url}`);
    return { url, body: folded };
}
