/**
 * The lines of a green log of the same job, to compare a failed log with: a line that also
 * appears in a run that passed is boilerplate, a line that does not is news (rust-log-analyzer,
 * CiDiff: docs/log-analysis.md §2.1). Lines are compared by their normalised form, the masks of
 * the fingerprint (normalize-line.ts), so timestamps, paths and ids do not make a line new.
 */
import { parseLogLine } from './clean-log-line.js';
import { normalizeLine } from './normalize-line.js';
import { LineSplitter, decodeLine, forEachLine } from './read-log-lines.js';
/** Distinct lines kept at most: about 20 MB of hashes. */
const MAX_LINES = 1_000_000;
/** cyrb53: a fast 53-bit string hash; a collision only makes a line look old, at worst. */
function hash(text) {
    let h1 = 0xdeadbeef;
    let h2 = 0x41c6ce57;
    for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        h1 = Math.imul(h1 ^ c, 2654435761);
        h2 = Math.imul(h2 ^ c, 1597334677);
    }
    h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
    h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
    return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}
/** The key a line is compared by: its normalised text. */
const keyOf = (text) => hash(normalizeLine(text));
/** A baseline made from lines already in memory (tests, the offline CLI). */
export function baselineOf(lines) {
    const keys = new Set();
    for (const line of lines)
        keys.add(keyOf(parseLogLine(line).text));
    return { has: text => keys.has(keyOf(text)), size: keys.size, partial: false };
}
/** Streams a green log into a baseline, within the size cap and the caller's time cap. */
export async function readBaseline(source, options = {}) {
    const maxBytes = options.maxBytes ?? 64 * 1024 * 1024;
    const keys = new Set();
    let partial = false;
    const splitter = new LineSplitter((buf, start, end) => forEachLine(buf, start, end, (b, s, e) => {
        if (keys.size >= MAX_LINES) {
            partial = true;
            return;
        }
        keys.add(keyOf(parseLogLine(decodeLine(b, s, e)).text));
    }));
    for await (const chunk of source) {
        if (splitter.bytes >= maxBytes || options.shouldStop?.()) {
            partial = true;
            break;
        }
        splitter.write(chunk);
    }
    if (!partial)
        splitter.end();
    return { has: text => keys.has(keyOf(text)), size: keys.size, partial };
}
