import { redactSecrets } from './redact-secrets.js';
import { sanitizeText } from './sanitize-text.js';
// Backtick runs that begin a line, after any indentation. CommonMark closes a fence only with a
// run at least as long as the opening one after ≤ 3 spaces; counting runs after any indentation
// too costs nothing and also covers a caller that indents the block. '\r' ends a line in
// CommonMark as well, which the 'm' flag's '^' also honours.
const LINE_START_BACKTICKS = /^[ \t]*(`+)/gm;
/**
 * A fenced code block that `text` cannot close early: the fence is one backtick longer than the
 * longest backtick run starting any line of `text` (at least 3); `info` keeps only
 * `[A-Za-z0-9_+.#-]`. It does not sanitise or redact: use fenceUntrusted for untrusted text.
 * Place it at column 0: inside a list item or quote, every line needs the container's prefix.
 */
export function fenceCode(text, info = '') {
    let longest = 0;
    for (const found of text.matchAll(LINE_START_BACKTICKS)) {
        longest = Math.max(longest, found[1]?.length ?? 0);
    }
    const fence = '`'.repeat(Math.max(3, longest + 1));
    // CommonMark: a backtick fence's info string may not contain backticks.
    const safeInfo = info.replace(/[^A-Za-z0-9_+.#-]/g, '').slice(0, 32);
    const body = text === '' || /[\r\n]$/.test(text) ? text : `${text}\n`;
    return `${fence}${safeInfo}\n${body}${fence}`;
}
/**
 * sanitizeText, then redactSecrets, then fenceCode: the one call for a log excerpt. `count` is
 * the number of secrets redacted.
 */
export function fenceUntrusted(text, info = '') {
    const redacted = redactSecrets(sanitizeText(text));
    return { text: fenceCode(redacted.text, info), count: redacted.count };
}
