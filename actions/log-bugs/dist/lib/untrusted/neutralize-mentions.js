import { readFences } from '../markdown/read-fences.js';
// What GitHub links in rendered text, approximated on the safe side: it links '@name' and
// '#123' only after a non-word character, and we treat every non-alphanumeric one (even '_')
// as a boundary.
const MENTION = {
    // '@octocat', '@user-name', '@user_corp' (managed users), '@org/team-name'
    before: '(?<![A-Za-z0-9])',
    body: '@[A-Za-z0-9_][A-Za-z0-9_-]*(?:/[A-Za-z0-9_][A-Za-z0-9_.-]*)?'
};
const REFERENCES = [
    // 'https://github.com/o/r/issues/123', 'github.com/o/r/pull/7#issuecomment-1', any host
    {
        before: '(?<![A-Za-z0-9.+-])',
        body: '(?:[A-Za-z][A-Za-z0-9+.-]*://)?[A-Za-z0-9.-]+(?::[0-9]+)?/[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+/(?:issues|pulls?|discussions)/[0-9]+(?:[/#?][A-Za-z0-9_#=&%./-]*)?'
    },
    // 'owner/repo#5'
    { before: '(?<![A-Za-z0-9_.-])', body: '[A-Za-z0-9][A-Za-z0-9-]*/[A-Za-z0-9_.-]+#[0-9]+' },
    // 'GH-123'
    { before: '(?<![A-Za-z0-9])', body: '[Gg][Hh]-[0-9]+' },
    // '#123'
    { before: '(?<![A-Za-z0-9])', body: '#[0-9]+' }
];
// Autolinks, for text that must not render as a link at all: 'https://…', 'www.…', 'a@b.com'.
const LINKS = [
    { before: '(?<![A-Za-z0-9+.-])', body: '(?:[A-Za-z][A-Za-z0-9+.-]*://|www\\.)[^\\s<>`|]+' },
    {
        before: '(?<![A-Za-z0-9._%+-])',
        body: '[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)+'
    }
];
function compile(patterns, bounded) {
    const source = patterns.map(p => (bounded ? `${p.before}(?:${p.body})` : `(?:${p.body})`));
    return new RegExp(source.join('|'), bounded ? 'g' : 'y');
}
const PINGS = [...REFERENCES, MENTION];
const PINGS_AND_LINKS = [...LINKS, ...PINGS];
const FIND = { pings: compile(PINGS, true), links: compile(PINGS_AND_LINKS, true) };
const STICKY = { pings: compile(PINGS, false), links: compile(PINGS_AND_LINKS, false) };
// A range is merged with a reference that follows it directly: once the first is wrapped in
// backticks, '@a@b' or '#1#2' would otherwise start a new, live one after the backtick.
/** Ranges of plain text that GitHub links as mentions or references (with `links`, any link). */
export function findReferences(text, options = {}) {
    const kind = options.links === true ? 'links' : 'pings';
    const find = new RegExp(FIND[kind]);
    const sticky = new RegExp(STICKY[kind]);
    const ranges = [];
    let found;
    while ((found = find.exec(text)) !== null) {
        const start = found.index;
        let end = start + found[0].length;
        if (end === start) {
            find.lastIndex += 1;
            continue;
        }
        sticky.lastIndex = end;
        while (sticky.exec(text) !== null && sticky.lastIndex > end)
            end = sticky.lastIndex;
        const previous = ranges.at(-1);
        if (previous !== undefined && previous.end === start)
            previous.end = end;
        else
            ranges.push({ start, end });
        find.lastIndex = end;
    }
    return ranges;
}
// How the output stays safe whatever the input: a code span is kept only if it provably is one (see
// neutralizeLine), unmatched backticks are escaped so our spans cannot pair with them, '<' before
// a tag or autolink becomes '&lt;' (code spans don't work inside raw HTML), a fence is trusted only
// at column 0 (an indented one may belong to a list item that a later line closes), and an
// unclosed fence is closed so it cannot swallow what the caller appends.
/** Wraps mentions and issue references in code spans; fenced blocks and code spans stay. */
export function neutralizeMentions(text) {
    const { lines, unclosed } = readFences(text, 0);
    let output = '';
    for (const { text: line, eol, fenced } of lines) {
        output += (fenced ? line : neutralizeLine(line)) + eol;
    }
    // An unclosed fence swallows everything after it, including whatever the caller appends.
    if (unclosed !== null) {
        output += `${/[\r\n]$/.test(output) ? '' : '\n'}${unclosed.char.repeat(unclosed.length)}`;
    }
    return output;
}
const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/;
const ENTITY = /&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});/y;
const NAMED_ENTITIES = {
    amp: '&',
    lt: '<',
    gt: '>',
    quot: '"',
    apos: "'",
    commat: '@',
    num: '#',
    sol: '/',
    colon: ':',
    period: '.',
    lowbar: '_',
    hyphen: '\u2010',
    nbsp: '\u00a0'
};
/**
 * One line of markdown, read as CommonMark inline content. A code span is trusted only when it
 * opens and closes on this line with no '|' inside (a table row splits cells at '|' first):
 * anything else might not be code after all, so its backticks are escaped and its text treated
 * as text. The output then parses exactly as modelled here.
 */
function neutralizeLine(line) {
    // Most lines have no markdown that changes what they render as: skip the per-character units.
    if (!/[\\`&<]/.test(line))
        return neutralizeUnits([{ source: line, rendered: line }], '', '');
    const closers = new BacktickRuns(line);
    let nextPipe = line.indexOf('|');
    // parts and lastChar rather than `output.at(-1)`, which flattens a growing string every time
    const parts = [];
    let lastChar = '';
    const emit = (part) => {
        if (part === '')
            return;
        parts.push(part);
        lastChar = part.at(-1) ?? '';
    };
    let units = [];
    const flush = (next) => {
        emit(neutralizeUnits(units, lastChar, next));
        units = [];
    };
    let i = 0;
    while (i < line.length) {
        const char = line[i] ?? '';
        const following = line[i + 1] ?? '';
        if (char === '\\' && ASCII_PUNCTUATION.test(following)) {
            units.push({ source: `\\${following}`, rendered: following });
            i += 2;
            continue;
        }
        if (char === '`') {
            let length = 1;
            while (line[i + length] === '`')
                length += 1;
            const close = closers.next(length, i + length);
            if (nextPipe !== -1 && nextPipe < i)
                nextPipe = line.indexOf('|', i);
            if (close !== -1 && (nextPipe === -1 || nextPipe > close)) {
                flush('`');
                emit(line.slice(i, close + length));
                i = close + length;
            }
            else {
                for (let k = 0; k < length; k += 1)
                    units.push({ source: '\\`', rendered: '`' });
                i += length;
            }
            continue;
        }
        if (char === '&') {
            ENTITY.lastIndex = i;
            const entity = ENTITY.exec(line)?.[0];
            const decoded = entity === undefined ? null : decodeEntity(entity);
            if (entity !== undefined && decoded !== null) {
                units.push({ source: entity, rendered: decoded });
                i += entity.length;
                continue;
            }
        }
        // '<' before a letter, '/', '!' or '?' could open raw HTML (inside which code spans don't
        // work) or an autolink; as '&lt;' it is only text.
        if (char === '<' && /[A-Za-z/!?]/.test(following)) {
            units.push({ source: '&lt;', rendered: '<' });
            i += 1;
            continue;
        }
        const codePoint = String.fromCodePoint(line.codePointAt(i) ?? 0xfffd);
        units.push({ source: codePoint, rendered: codePoint });
        i += codePoint.length;
    }
    flush('');
    return parts.join('');
}
/** Finds the next backtick run of an exact length, in one left-to-right pass per length. */
class BacktickRuns {
    byLength = new Map();
    cursor = new Map();
    constructor(line) {
        const runs = /`+/g;
        let found;
        while ((found = runs.exec(line)) !== null) {
            const starts = this.byLength.get(found[0].length) ?? [];
            starts.push(found.index);
            this.byLength.set(found[0].length, starts);
        }
    }
    next(length, from) {
        const starts = this.byLength.get(length);
        if (starts === undefined)
            return -1;
        let index = this.cursor.get(length) ?? 0;
        while (index < starts.length && (starts[index] ?? 0) < from)
            index += 1;
        this.cursor.set(length, index);
        return starts[index] ?? -1;
    }
}
function decodeEntity(entity) {
    const name = entity.slice(1, -1);
    if (name.startsWith('#')) {
        const code = /^#[xX]/.test(name) ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
        const valid = code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff);
        return valid ? String.fromCodePoint(code) : '\ufffd';
    }
    return NAMED_ENTITIES[name] ?? null;
}
// A backslash before our opening backtick would escape it, a backtick next to ours would make a
// longer run, and '$`' is GitHub's inline-math delimiter: keep a space between.
const UNSAFE_BEFORE = new Set(['\\', '`', '$']);
const UNSAFE_AFTER = new Set(['`', '$']);
function neutralizeUnits(units, before, after) {
    if (units.length === 0)
        return '';
    const offsets = [];
    let rendered = '';
    for (const unit of units) {
        offsets.push(rendered.length);
        rendered += unit.rendered;
    }
    const ranges = findReferences(rendered);
    if (ranges.length === 0)
        return units.map(unit => unit.source).join('');
    if (units.length === 1 && units[0]?.source === rendered)
        return wrapRanges(rendered, ranges, before);
    const parts = [];
    let unit = 0;
    for (const range of ranges) {
        // widen the range to whole units (an entity renders as one character, a pair as two)
        let first = unit;
        while (first + 1 < units.length && (offsets[first + 1] ?? Infinity) <= range.start)
            first += 1;
        let last = first;
        while (last + 1 < units.length && (offsets[last + 1] ?? Infinity) < range.end)
            last += 1;
        for (; unit < first; unit += 1)
            parts.push(units[unit]?.source ?? '');
        const previous = parts.length > 0 ? (parts.at(-1)?.at(-1) ?? '') : before;
        if (UNSAFE_BEFORE.has(previous))
            parts.push(' ');
        const start = offsets[first] ?? 0;
        const end = last + 1 < units.length ? (offsets[last + 1] ?? rendered.length) : rendered.length;
        parts.push(`\`${rendered.slice(start, end)}\``);
        unit = last + 1;
        const next = units[unit]?.source[0] ?? after;
        if (UNSAFE_AFTER.has(next))
            parts.push(' ');
    }
    for (; unit < units.length; unit += 1)
        parts.push(units[unit]?.source ?? '');
    return parts.join('');
}
/** neutralizeUnits for text whose source is its rendering: no '\\', '`', '&' or '<' in it. */
function wrapRanges(text, ranges, before) {
    const parts = [];
    let position = 0;
    for (const range of ranges) {
        parts.push(text.slice(position, range.start));
        const previous = range.start > 0 ? (text[range.start - 1] ?? '') : before;
        if (UNSAFE_BEFORE.has(previous))
            parts.push(' ');
        parts.push(`\`${text.slice(range.start, range.end)}\``);
        if (UNSAFE_AFTER.has(text[range.end] ?? ''))
            parts.push(' ');
        position = range.end;
    }
    parts.push(text.slice(position));
    return parts.join('');
}
