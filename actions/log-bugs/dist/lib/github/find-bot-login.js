import { bestEffort } from '../step/errors.js';
/** GITHUB_TOKEN's account: every issue and comment it writes is authored by this login. */
const ACTIONS_BOT = 'github-actions[bot]';
/**
 * The login that writes with this token, so we trust only items it wrote (a hidden marker alone
 * can be pasted by anyone: zereight/gitlab-mcp#509). Installation tokens such as GITHUB_TOKEN
 * get 403 from GET /user; they write as github-actions[bot].
 */
export async function findBotLogin(github) {
    return bestEffort(async () => (await github.request('GET /user')).data.login || ACTIONS_BOT, () => ACTIONS_BOT);
}
