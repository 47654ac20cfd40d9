/** A bot account's login: GitHub Apps (and GITHUB_TOKEN's github-actions) write as `<slug>[bot]`. */
const BOT = /^[a-z0-9][a-z0-9-]*\[bot\]$/i;
/**
 * Whether an item's author is the account log-bugs writes as: exactly `botLogin` when the token
 * said who it is (a personal token), else any bot account. Only an App an administrator
 * installed can write as a bot; no person can, so a marker copied into a person's issue or
 * comment is never trusted (zereight/gitlab-mcp#509). An issue also names the login that filed
 * it in its metadata once known (`writer`): then only that login.
 */
export function trustsAuthor(botLogin, author, writer) {
    if (!author)
        return false;
    if (botLogin !== null)
        return author === botLogin;
    if (!BOT.test(author))
        return false;
    return writer === undefined || writer === null || writer === author;
}
