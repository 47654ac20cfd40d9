import { PATTERNS_BY_ID } from './patterns/error-patterns.js';
import { EXCEPTION_WRAPPER } from './patterns/pattern.js';
/** `Traceback (most recent call last):` starts a Python traceback; its exception line ends it. */
export const TRACEBACK_START = /^\s*Traceback \(most recent call last\):$/;
/** The last line of a traceback: the first unindented line after the frames. */
const TRACEBACK_END = /^(?:[A-Za-z_][\w.]*)(?::\s.*|$)/;
/** Between two tracebacks of one exception chain; the one above is the cause of the one below. */
const TRACEBACK_CHAIN = /^(?:The above exception was the direct cause of the following exception|During handling of the above exception, another exception occurred):$/;
const TRACEBACK_CONTINUES = /^(?:During handling of the above exception|The above exception was the direct cause)/;
/** mocha prints `  N failing` before it lists the failures as `  1) suite`. */
export const MOCHA_FAILING = /^\s+\d+ failing$/;
const MOCHA_ITEM = /^\s{2}\d+\) \S.*/;
/** How far up an eslint rule line looks for its file name. */
const HEADER_SEARCH_LINES = 400;
export function newToolRuleState() {
    return { traceback: false, tracebackLine: 0, tracebackEnd: null, mocha: false };
}
/**
 * The rules' match for one cleaned line, and how many lines after it must be read in full
 * (`readAhead`: a traceback or mocha's list is on its way). Mutates `state`.
 */
export function matchToolRules(state, line, text) {
    const none = (readAhead = 0) => ({ match: null, readAhead });
    const matched = (id) => {
        const pattern = PATTERNS_BY_ID.get(id);
        return { match: pattern ? { pattern, tier: pattern.tier, terminal: null } : null, readAhead: 0 };
    };
    if (TRACEBACK_START.test(text)) {
        state.traceback = true;
        state.tracebackLine = line;
        return none(400);
    }
    if (state.traceback) {
        if (text === '' || /^\s/.test(text) || TRACEBACK_CONTINUES.test(text))
            return none();
        state.traceback = false;
        // a harness's `RuntimeError: test_x failed!` ranks below the error it restates
        if (TRACEBACK_END.test(text))
            return matched(EXCEPTION_WRAPPER.test(text) ? 'exception-wrapper' : 'python-traceback-end');
        return none();
    }
    if (state.tracebackEnd !== null && TRACEBACK_CHAIN.test(text)) {
        // the exception above is the cause of the next one, which Python reports
        const cause = PATTERNS_BY_ID.get('python-traceback-cause');
        if (cause && line - state.tracebackEnd.line <= 3)
            state.tracebackEnd.pattern = cause;
        state.tracebackEnd = null;
    }
    if (MOCHA_FAILING.test(text)) {
        state.mocha = true;
        return none(600);
    }
    if (state.mocha && MOCHA_ITEM.test(text))
        return matched('mocha-test');
    return none();
}
/**
 * The nearest line above `line` that names the file (eslint stylish prints it once per file,
 * pylint `***** Module x`): searched once per line, never further than HEADER_SEARCH_LINES.
 */
export function findFileHeader(search, 
/** the first line of the step's output: the search stops there */
from, line, header, readLine) {
    const floor = Math.max(from, line - HEADER_SEARCH_LINES, search.scannedTo + 1);
    for (let n = line - 1; n >= floor; n--) {
        const text = readLine(n);
        if (text !== null && header.test(text.trim())) {
            search.header = [n, text];
            break;
        }
    }
    search.scannedTo = Math.max(search.scannedTo, line);
    if (search.header !== null && search.header[0] < line - HEADER_SEARCH_LINES)
        search.header = null;
    return search.header;
}
