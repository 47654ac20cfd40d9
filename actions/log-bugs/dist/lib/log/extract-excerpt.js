/**
 * Turns the candidate lines of the failed step into key lines and a short excerpt.
 *
 * Candidates come with the context the scanner captured around them. The best-tier matches
 * (and then lower tiers, budget permitting) each get a window; windows are merged, windows
 * that do not touch are separated by a `…` line, and the result never exceeds `maxLines`
 * lines or `maxBytes` bytes. It aims at about half of `maxLines`: fewer lines read better.
 */
import { Buffer } from 'node:buffer';
import { isBoilerplate, isClosing, isSummary } from './match-line.js';
import { explain } from './explain.js';
import { XTRACE_EXIT } from './patterns/pattern.js';
export const GAP = '…';
/** how close (in lines) a lower-tier match must be to a best-tier one to get a window */
const NEAR_LINES = 30;
/** below this many lines the whole line budget may be used */
const SMALL_BUDGET = 15;
/** excerpt lines longer than this are cut (a minified bundle line says nothing more after it) */
const MAX_EXCERPT_LINE_CHARS = 1000;
/** Orders candidates: best tier, then weight, then earliest in the log. */
function compareCandidates(a, b) {
    return (a.tier - b.tier ||
        Number(a.warning ?? false) - Number(b.warning ?? false) ||
        b.weight - a.weight ||
        a.line - b.line);
}
function displayLine(text) {
    return text.length > MAX_EXCERPT_LINE_CHARS ? `${text.slice(0, MAX_EXCERPT_LINE_CHARS)} …` : text;
}
/**
 * Lines that cannot say why a step failed, skipped when its last words are the key line:
 * passes (`✓ …`, `ResNet50   PASS`), columns of counts (`Cache hits   0`), and the shell
 * echoing a command under `set -x` (`+ sccache --show-stats`).
 */
const NOT_A_REASON = [
    /^\s*(?:✓|√|✔|PASS\s|ok\s|PASSED\b)/,
    /\s(?:PASS(?:ED)?(?:_\w+)?|ok|OK)$/,
    /^\s*[A-Za-z][\w ()/+.,-]*?\s{2,}-?\d+(?:\.\d+)?(?: ?(?:%|s|ms))?$/,
    /^\+{1,3} \S/
];
function sameKey(a, b) {
    return a.trim() === b.trim();
}
/**
 * Key lines: the best-tier candidates in priority order, duplicates (problem-matcher copies
 * of a tool line) dropped. Lower tiers fill in only when the best tier has a single line.
 * Tier 4 (a bare `error` word) is never a key line.
 */
export function pickKeyCandidates(candidates, maxKeyLines = 5) {
    const specific = candidates.filter(c => !c.closing);
    const ranked = nearTheFailure(specific.length > 0 ? specific : candidates);
    // warnings stay out of the key lines while the tool reports an error too
    const errors = ranked.filter(c => !c.warning);
    const best = (errors.length > 0 ? errors : ranked)[0];
    if (best === undefined)
        return [];
    const picked = [];
    for (const candidate of errors.length > 0 ? errors : ranked) {
        if (picked.length >= maxKeyLines)
            break;
        // a runner timeout or cancellation is the whole story; otherwise a single best-tier line
        // gets company from the next tier down
        if (candidate.tier !== best.tier && (picked.length > 1 || best.tier === 0))
            break;
        if (picked.some(p => sameKey(p.text, candidate.text)))
            continue;
        picked.push(candidate);
    }
    return picked;
}
/**
 * The tier 0–3 candidates in priority order, keeping lower-tier ones only near a best-tier
 * one: a stray `Error:` that a passing test printed thousands of lines earlier is noise.
 */
function nearTheFailure(candidates) {
    const ranked = candidates.filter(c => c.tier <= 3 && c.text.trim() !== '').sort(compareCandidates);
    const bestTier = ranked[0]?.tier;
    const best = ranked.filter(c => c.tier === bestTier);
    return ranked.filter(c => c.tier === bestTier || best.some(b => Math.abs(b.line - c.line) <= NEAR_LINES));
}
/**
 * The excerpt's lines in log order, `…` between runs that do not touch. A run that only repeats
 * lines shown above (a summary restating an error with its diff header) is left out: no line
 * twice.
 */
function layout(selected) {
    const numbers = [...selected.keys()].sort((a, b) => a - b);
    const runs = [];
    for (const n of numbers) {
        const run = runs.at(-1);
        if (run && run[run.length - 1] === n - 1)
            run.push(n);
        else
            runs.push([n]);
    }
    const seen = new Set();
    const lines = [];
    const kept = [];
    for (const run of runs) {
        const texts = run.map(n => (selected.get(n) ?? '').trim());
        const repeated = texts.some(t => t.length >= 20) && texts.every(t => t === '' || seen.has(t));
        if (repeated)
            continue;
        if (lines.length > 0)
            lines.push(GAP);
        for (const n of run)
            lines.push(displayLine(selected.get(n) ?? ''));
        for (const t of texts)
            seen.add(t);
        kept.push(...run);
    }
    const text = lines.join('\n');
    return {
        lines,
        bytes: Buffer.byteLength(text, 'utf8'),
        first: kept[0] ?? 0,
        last: kept[kept.length - 1] ?? 0
    };
}
function windowOf(candidate) {
    const lines = [...candidate.window];
    if (candidate.anchor && !lines.some(([n]) => n === candidate.anchor?.[0])) {
        lines.unshift(candidate.anchor);
    }
    return lines;
}
/**
 * Adds the candidate's window to the selection if the result fits; otherwise adds as much
 * of it as fits, growing outwards from the candidate line. Returns whether anything was added.
 */
function addWindow(selected, candidate, maxLines, maxBytes) {
    const fits = (map) => {
        const l = layout(map);
        return l.lines.length <= maxLines && l.bytes <= maxBytes;
    };
    const lines = windowOf(candidate);
    const whole = new Map(selected);
    for (const [n, text] of lines)
        whole.set(n, text);
    if (fits(whole)) {
        for (const [n, text] of lines)
            selected.set(n, text);
        return true;
    }
    // partial: the line itself, then alternately one after and one before
    const self = lines.findIndex(([n]) => n === candidate.line);
    const order = [];
    if (self >= 0) {
        order.push(lines[self]);
        for (let d = 1; d < lines.length; d++) {
            const after = lines[self + d];
            const before = lines[self - d];
            if (after)
                order.push(after);
            if (before)
                order.push(before);
        }
    }
    let added = false;
    for (const [n, text] of order) {
        if (selected.has(n))
            continue;
        const next = new Map(selected);
        next.set(n, text);
        if (!fits(next)) {
            if (n === candidate.line)
                return added;
            continue;
        }
        selected.set(n, text);
        added = true;
    }
    return added;
}
/** A line that says something: not blank, not boilerplate, not a pass or a column of counts. */
function says(text) {
    return (text.trim() !== '' && !isBoilerplate(text.trim()) && !NOT_A_REASON.some(re => re.test(text)));
}
/** The step's last lines shown when the excerpt has room. */
const LAST_WORDS = 3;
/** Closing lines shown at the end of the excerpt at most, and the room kept for them. */
const MAX_CLOSING_LINES = 3;
const CLOSING_ROOM = 3;
/**
 * Where the run of closing lines at the end of the step starts: walking back from the end over
 * blank lines, boilerplate (`npm ERR!` paths, the exit code) and closing lines. The step's own
 * output ends just above it.
 */
function closingBlockStart(tail) {
    let start = Number.POSITIVE_INFINITY;
    for (let i = tail.length - 1; i >= 0; i--) {
        const [n, text] = tail[i];
        const trimmed = text.trim();
        if (trimmed === '' || isBoilerplate(trimmed) || isClosing(trimmed))
            start = n;
        else
            break;
    }
    return start;
}
/** Lines the first key line's explanation may add, and each further key line's. */
const EXPLAIN_FIRST = 20;
const EXPLAIN_OTHERS = 12;
/** Adds lines in order while the excerpt stays within its line and byte budgets. */
function addLines(selected, lines, maxLines, maxBytes) {
    for (const [n, text] of lines) {
        if (selected.has(n))
            continue;
        const next = new Map(selected);
        next.set(n, text);
        const l = layout(next);
        if (l.lines.length > maxLines || l.bytes > maxBytes)
            break;
        selected.set(n, text);
    }
}
/**
 * Key lines and excerpt from the failed step's candidates; `tail` (the step's last lines)
 * is the excerpt when nothing better matched.
 */
export function extractExcerpt(candidates, tail, options = {}) {
    const maxLines = Math.max(1, options.maxLines ?? 50);
    const maxBytes = Math.max(1, options.maxBytes ?? 8192);
    // aim at half the budget, but a small budget is all used
    const softLines = Math.min(maxLines, Math.max(Math.ceil(maxLines / 2), SMALL_BUDGET));
    const keyCandidates = pickKeyCandidates(candidates, options.maxKeyLines ?? 5);
    const selected = new Map();
    const strong = nearTheFailure(candidates.filter(c => !c.closing));
    // with nothing better, a `set -x` script's own `exit 1` ends what it had to say (a trap may
    // print more after it): its last words are just above it
    const exit = strong.length > 0
        ? undefined
        : candidates
            .filter(c => c.tier === 4 && XTRACE_EXIT.test(c.text.trim()))
            .sort((a, b) => b.line - a.line)[0];
    // the closing lines the step ends with (tally, failed target, re-run hint), and where they start
    const closingStart = closingBlockStart(tail);
    if (strong.length > 0) {
        // each key line with what explains it, then the other matches near the failure
        for (const [i, candidate] of keyCandidates.entries()) {
            addWindow(selected, candidate, i === 0 ? maxLines : Math.max(softLines, maxLines - 10), maxBytes);
            const stopAt = candidates.find(c => c.id === candidate.id && c.line > candidate.line)?.line;
            const room = maxLines - layout(selected).lines.length - CLOSING_ROOM;
            const budget = Math.min(i === 0 ? EXPLAIN_FIRST : EXPLAIN_OTHERS, room);
            addLines(selected, explain(candidate.following ?? [], { budget, keyText: candidate.text, stopAt }), maxLines, maxBytes);
        }
        for (const candidate of strong.filter(c => !keyCandidates.includes(c))) {
            if (selected.size > 0 && layout(selected).lines.length >= softLines)
                break;
            addWindow(selected, candidate, softLines, maxBytes);
        }
    }
    else {
        // No signature knows the tool, or only a driver's closing lines matched: the tool's own
        // output is just above those closing lines. Show it, and its weak matches.
        if (exit)
            addWindow(selected, exit, softLines, maxBytes);
        // a CI that says which command failed (Travis, Jenkins) shows its last output above that line
        const failed = candidates.find(c => c.closing && c.id === 'command-failed');
        const end = Math.min(exit?.line ?? Number.POSITIVE_INFINITY, failed?.line ?? closingStart, closingStart) -
            (failed ? 0 : 1);
        const source = failed ? [...failed.window, ...tail] : tail;
        const recent = source
            .filter(([n, text]) => n <= end && text.trim() !== '' && !isClosing(text.trim()))
            .slice(-Math.min(softLines, 15));
        for (const numbered of [...recent].reverse()) {
            const next = new Map(selected);
            next.set(numbered[0], numbered[1]);
            const l = layout(next);
            if (l.lines.length > softLines || l.bytes > maxBytes)
                break;
            selected.set(numbered[0], numbered[1]);
        }
        const weak = candidates
            .filter(c => c.tier === 4 && c.line <= end)
            .sort((a, b) => b.line - a.line);
        for (const candidate of weak) {
            if (layout(selected).lines.length >= softLines)
                break;
            addWindow(selected, candidate, softLines, maxBytes);
        }
    }
    // the closing lines last: the tally, the failed target, the hint to re-run
    const after = Math.max(0, ...strong.map(c => c.line));
    const closing = tail
        .filter(([n, text]) => n > after && isClosing(text.trim()))
        .slice(-MAX_CLOSING_LINES);
    addLines(selected, closing, maxLines, maxBytes);
    // and, with room to spare, the step's last words: a tally no pattern knows (`5 runs, 2 failures`)
    if (layout(selected).lines.length < SMALL_BUDGET) {
        const lastWords = tail.filter(([, text]) => says(text)).slice(-LAST_WORDS);
        addLines(selected, lastWords, softLines, maxBytes);
    }
    let keyLines = keyCandidates.filter(c => !c.closing || strong.length === 0).map(c => c.text);
    if (keyLines.length === 0 || strong.length === 0) {
        // the last thing the step said (a weak `error` word is context, never the key on its own)
        const said = (text) => says(text) && !isSummary(text);
        const failedCommand = candidates.find(c => c.closing && c.id === 'command-failed');
        const words = exit
            ? exit.window.filter(([n]) => n < exit.line)
            : failedCommand
                ? failedCommand.window.filter(([n]) => n < failedCommand.line)
                : tail.filter(([n]) => n < closingStart);
        const last = [...words].reverse().find(([, text]) => said(text) && !isClosing(text.trim()));
        // the tool's last words, then the lines shown above them that say `error` or `failed`,
        // then the driver's closing line that matched
        const end = last?.[0] ?? Number.POSITIVE_INFINITY;
        const spoken = candidates
            .filter(c => c.tier === 4 && c.line < end && selected.has(c.line) && said(c.text))
            .sort((a, b) => b.line - a.line)
            .slice(0, 2)
            .map(c => c.text);
        const lines = [...(last ? [last[1]] : []), ...spoken, ...keyLines];
        keyLines = [...new Set(lines)].slice(0, 5);
    }
    const l = layout(selected);
    return {
        keyLines,
        excerpt: l.lines.join('\n'),
        excerptLines: selected.size > 0 ? { first: l.first, last: l.last } : null,
        keyCandidates
    };
}
