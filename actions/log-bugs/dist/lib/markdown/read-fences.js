// As CommonMark at the top level: an opening fence is 3+ backticks (with no backtick in its info
// string) or 3+ tildes after at most `maxIndent` spaces; the block ends at a line of at least as
// many of the same character after ≤ 3 spaces, or at the end of the text (then `unclosed`).
/** Splits markdown into lines and marks those of fenced code blocks, fences included. */
export function readFences(text, maxIndent = 3) {
    const opening = new RegExp(`^ {0,${maxIndent}}(\`{3,}|~{3,})(.*)$`);
    const lines = [];
    let fence = null;
    for (const { text: line, eol } of splitLines(text)) {
        if (fence !== null) {
            lines.push({ text: line, eol, fenced: true });
            if (closes(line, fence))
                fence = null;
            continue;
        }
        const open = opening.exec(line);
        const run = open?.[1];
        if (run !== undefined && !(run[0] === '`' && (open?.[2] ?? '').includes('`'))) {
            fence = { char: run[0] === '`' ? '`' : '~', length: run.length };
            lines.push({ text: line, eol, fenced: true });
            continue;
        }
        lines.push({ text: line, eol, fenced: false });
    }
    return { lines, unclosed: fence };
}
function closes(line, fence) {
    const indent = /^ {0,3}/.exec(line)?.[0].length ?? 0;
    let end = indent;
    while (line[end] === fence.char)
        end += 1;
    return end - indent >= fence.length && /^[ \t]*$/.test(line.slice(end));
}
function splitLines(text) {
    const lines = [];
    const ending = /\r\n|\r|\n/g;
    let start = 0;
    let found;
    while ((found = ending.exec(text)) !== null) {
        lines.push({ text: text.slice(start, found.index), eol: found[0] });
        start = found.index + found[0].length;
    }
    lines.push({ text: text.slice(start), eol: '' });
    return lines;
}
