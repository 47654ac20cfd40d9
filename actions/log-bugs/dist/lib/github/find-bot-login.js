import { bestEffort } from '../step/errors.js';
/**
 * The login that writes with this token, so we trust only items it wrote (a hidden marker alone
 * can be pasted by anyone: zereight/gitlab-mcp#509); null for an installation token.
 * GITHUB_TOKEN and a GitHub App's token are both installation tokens: `GET /user` answers 403
 * for them, and they write as `github-actions[bot]` or `<app>[bot]`, which we cannot tell apart
 * before writing. So no request is made for them and null means "a bot account" (trustsAuthor);
 * a personal token gets its own login from `GET /user`.
 */
export async function findBotLogin(github) {
    const auth = (await github.auth?.().catch(() => null));
    if (auth?.tokenType === 'installation')
        return null;
    return bestEffort(async () => (await github.request('GET /user')).data.login || null, () => null);
}
