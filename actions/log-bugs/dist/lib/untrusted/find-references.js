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
