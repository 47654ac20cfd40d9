/** A block this long or shorter is shown whole. */
const WHOLE_BLOCK = 16;
/** Stack frames kept per stack (per header in the block). */
const PROJECT_FRAMES_PER_STACK = 2;
/** `⎯⎯⎯⎯⎯[1/1]⎯`, `==================`, `-------`: a tool's separator between reports. */
const SEPARATOR = /^\s*[=\-_⎯─━*#]{8,}(?:\s*\[\d+\/\d+\][=\-_⎯─━]*)?\s*$/;
/** `- 4`, `+ 5`, `-       "total": 1000,`, `- Expected`: a diff's changed lines (not `--x`). */
const DIFF_CHANGE = /^\s*[-+](?![-+])\s+\S/;
/** `>  7 |     expect(…)`, `  6|     expect(…)` under a marker: the code frame's failing line. */
const FRAME_POINTER = /^\s*>\s*\d+\s*[|│]/;
/** `       |        ^`, `   ~~~~~~~~~`, `   │ ╰── …`: the marker under the failing source. */
const FRAME_MARKER = /^[\s|│]*(?:[\^~]+|╰─+.*)[\s^~]*$|^[\s|│]*\^+\s+\S/;
/** ` 7 │   return …`, `12 |     x = 1`: a numbered source line of a code frame. */
const NUMBERED_SOURCE = /^\s*>?\s*\d+\s*[|│]\s*\S/;
/** `❯ src/math.test.ts:6:23`, `  --> src/lib.rs:3:5`: where the frame is. */
const FRAME_LOCATION = /^\s*(?:-->|❯|→|╭─\[)\s*\S+[:(]\d+/;
/** A source path with a line number: a stack frame or a diagnostic's location. */
const PATH_WITH_LINE = /(?:^|[\s("'[])(?:[A-Za-z]:)?[\w.@~+-]*(?:[\\/][\w.@~+-]+)*\.[A-Za-z]\w{0,5}(?::\d+|\(\d+,\d+\)|", line \d+)/;
/** Paths that are someone else's code: the runtime, the standard library, dependencies. */
const LIBRARY_PATH = /node_modules|site-packages|dist-packages|hostedtoolcache|\/usr\/(?:local\/)?lib\/|\/rustc\/|\.cargo\/registry|\.rustup\/|node:internal|<frozen |\/go\/src\/|\bGOROOT\b|\/lib\/python\d|\bjava\.base\/|\bjdk\.internal\b|<anonymous>/;
/** A stack's header: `Read at 0x… by goroutine 9:`, `goroutine 7 [running]:`, `Caused by: …`. */
const STACK_HEADER = /^\s*(?:\S.* by goroutine \d+:|(?:Previous )?(?:[Rr]ead|[Ww]rite) at 0x[0-9a-f]+.*:|[Gg]oroutine \d+ (?:\(running\) created at|\[[^\]]+\]):|Caused by: .+|During handling of .*|.*\bcreated at:)$/;
/** `expected: 4`, `Received: 5`, `  left: 3`, `want 0`: the two sides of an assertion. */
const EXPECTATION = /^\s*(?:expected|received|actual|got|want|left|right)\b\s*[:=]?|\b(?:expected|received)\s*[:=]/i;
/** Noise inside a block: links to docs and hints to re-run with more output. */
const NOISE = /^\s*(?:For further information visit|Run with --|note: run with `RUST_BACKTRACE)/;
const blank = (text) => text.trim() === '';
/** The block after a key line: up to a separator, two blank lines or `stopAt`. */
export function explanationBlock(following, options) {
    const block = [];
    let blanks = 0;
    for (const line of following) {
        if (options.stopAt !== undefined && line[0] >= options.stopAt)
            break;
        if (SEPARATOR.test(line[1]))
            break;
        if (blank(line[1])) {
            blanks++;
            if (blanks >= 2)
                break;
        }
        else
            blanks = 0;
        block.push(line);
    }
    while (block.length > 0 && blank(block[block.length - 1]?.[1] ?? ''))
        block.pop();
    return block;
}
/** Whether a line points into the project's own code (not the runtime or a dependency). */
export function isProjectFrame(text) {
    return PATH_WITH_LINE.test(text) && !LIBRARY_PATH.test(text);
}
/**
 * The lines of a block that explain the failure, in order: diff changes, the code frame's
 * failing line and marker, expectations, the first project frame of each stack (with the
 * function line above a path-only frame, as Go prints them), stack headers, and the first line
 * under the key (the assertion or message it prints).
 */
export function essentialLines(block, keyText) {
    const keep = new Set();
    const validation = /\b\d+ validation errors? for \S+/.test(keyText);
    let framesInStack = 0;
    const first = block.findIndex(([, text]) => !blank(text));
    block.forEach(([, text], i) => {
        if (NOISE.test(text) || blank(text))
            return;
        if (i === first && !isProjectFrame(text) && !LIBRARY_PATH.test(text))
            keep.add(i);
        if (STACK_HEADER.test(text)) {
            keep.add(i);
            framesInStack = 0;
        }
        if (validation)
            keep.add(i);
        if (DIFF_CHANGE.test(text) || FRAME_POINTER.test(text) || FRAME_LOCATION.test(text))
            keep.add(i);
        if (FRAME_MARKER.test(text)) {
            keep.add(i);
            // the source line the marker points at: the numbered line just above it, else the line
            // right above (rustc and rolldown draw `┬`/`|` lines between)
            const source = [1, 2, 3].map(d => i - d).find(j => NUMBERED_SOURCE.test(block[j]?.[1] ?? ''));
            if (source !== undefined)
                keep.add(source);
            else if (i > 0 && !blank(block[i - 1]?.[1] ?? ''))
                keep.add(i - 1);
        }
        if (EXPECTATION.test(text))
            keep.add(i);
        if (isProjectFrame(text) && framesInStack < PROJECT_FRAMES_PER_STACK) {
            framesInStack++;
            keep.add(i);
            // Go prints a frame as a function line and an indented path line under it
            const above = block[i - 1]?.[1] ?? '';
            if (/^\s+\/|^\t/.test(text) && !blank(above) && !PATH_WITH_LINE.test(above))
                keep.add(i - 1);
        }
    });
    return [...keep].sort((a, b) => a - b).map(i => block[i]);
}
/** The explanation to show under a key line, within the budget. */
export function explain(following, options) {
    if (options.budget <= 0)
        return [];
    const block = explanationBlock(following, options);
    if (block.length <= Math.min(options.budget, WHOLE_BLOCK))
        return block;
    return essentialLines(block, options.keyText).slice(0, options.budget);
}
