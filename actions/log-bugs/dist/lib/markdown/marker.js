import { readFences } from './read-fences.js';
export const MARKER_PREFIX = 'log-bugs:fingerprint=';
const METADATA_PREFIX = '<!-- log-bugs:metadata ';
const COMMENT_END = ' -->';
const FINGERPRINT = /^v1:[0-9a-f]{32}$/;
const MARKER_LINE = /^<!-- log-bugs:fingerprint=(v1:[0-9a-f]{32}) -->$/;
const KIND = /^[a-z][a-z0-9-]{0,39}$/;
const KEY = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/;
/** True for a fingerprint as log-bugs writes it: `v1:` + 32 lowercase hex digits. */
export function isFingerprint(value) {
    return FINGERPRINT.test(value);
}
/** `<!-- log-bugs:fingerprint=v1:… -->`; throws on anything but a `v1:` + 32-hex fingerprint. */
export function formatMarker(fingerprint) {
    if (!isFingerprint(fingerprint)) {
        throw new TypeError(`not a log-bugs fingerprint: ${JSON.stringify(fingerprint.slice(0, 80))}`);
    }
    return `<!-- ${MARKER_PREFIX}${fingerprint}${COMMENT_END}`;
}
/** `<!-- log-bugs:metadata {json} -->`, `<>&` and U+2028/9 escaped so no value ends the comment. */
export function formatMetadata(meta) {
    const json = JSON.stringify(meta);
    if (json === undefined)
        throw new TypeError('metadata is not JSON-serialisable');
    const escaped = json.replace(/[<>&\u2028\u2029]/g, char => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
    return `${METADATA_PREFIX}${escaped}${COMMENT_END}`;
}
// Untrusted text cannot forge a marker line once it has been through sanitizeText, which defangs
// '<!--'; ignoring fenced blocks is a second line of defence for bodies edited by hand.
/** The fingerprint of the last line outside fenced blocks that is exactly a marker, else null. */
export function parseMarker(body) {
    let fingerprint = null;
    for (const line of linesOutsideFences(body)) {
        const found = MARKER_LINE.exec(line);
        if (found?.[1] !== undefined)
            fingerprint = found[1];
    }
    return fingerprint;
}
/** The JSON of the last metadata line outside fenced code blocks; null if absent or invalid. */
export function parseMetadata(body) {
    let json = null;
    for (const line of linesOutsideFences(body)) {
        if (line.startsWith(METADATA_PREFIX) && line.endsWith(COMMENT_END)) {
            json = line.slice(METADATA_PREFIX.length, -COMMENT_END.length);
        }
    }
    if (json === null)
        return null;
    try {
        return JSON.parse(json);
    }
    catch {
        return null;
    }
}
/** `<!-- log-bugs:<kind>=<key> -->`; throws unless kind is `[a-z][a-z0-9-]*`, key `[\w.:-]+`. */
export function formatCommentMarker(kind, key) {
    if (!KIND.test(kind))
        throw new TypeError(`invalid marker kind: ${JSON.stringify(kind)}`);
    if (!KEY.test(key))
        throw new TypeError(`invalid marker key: ${JSON.stringify(key)}`);
    return `<!-- log-bugs:${kind}=${key}${COMMENT_END}`;
}
/** True when a line outside fenced code blocks is exactly formatCommentMarker(kind, key). */
export function hasCommentMarker(body, kind, key) {
    const marker = formatCommentMarker(kind, key);
    for (const line of linesOutsideFences(body))
        if (line === marker)
            return true;
    return false;
}
function* linesOutsideFences(body) {
    for (const line of readFences(body).lines)
        if (!line.fenced)
            yield line.text;
}
