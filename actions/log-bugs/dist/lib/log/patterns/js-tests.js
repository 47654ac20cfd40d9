import { STACK_FRAME } from './pattern.js';
/** JavaScript tests: vitest, jest, node --test, mocha, assertions, unhandled rejections (and uv, whose `×` line must win over the test marks below it). */
export const JS_TESTS_PATTERNS = [
    {
        id: 'vitest-fail',
        tool: 'vitest',
        tier: 1,
        weight: 10,
        category: 'test',
        pattern: /^\s*FAIL\s+\S.* > .+/,
        before: 0,
        after: 10,
        keywords: /AIL/,
        example: ' FAIL  src/math.test.ts > math > adds numbers'
    },
    {
        id: 'vitest-file-fail',
        tool: 'vitest',
        tier: 1,
        weight: 8,
        category: 'test',
        pattern: /^\s*FAIL\s+\S+\.[cm]?[jt]sx?(?:\s+\[.*\])?\s*$/,
        before: 0,
        after: 6,
        keywords: /AIL/,
        example: 'FAIL src/math.test.ts'
    },
    {
        id: 'jest-test',
        tool: 'jest',
        tier: 1,
        weight: 9,
        category: 'test',
        afterUntil: STACK_FRAME,
        pattern: /^\s*● (?!Console$)\S.*/,
        before: 0,
        after: 8,
        keywords: /●/,
        example: '  ● math › adds numbers'
    },
    {
        id: 'uv',
        tool: 'uv',
        tier: 1,
        weight: 8,
        category: 'dependency',
        pattern: /^\s*× No solution found when resolving dependencies|^error: Failed to (?:download|build|prepare|fetch) /,
        after: 3,
        keywords: /[✕✗✖×❌]|found/,
        example: '  × No solution found when resolving dependencies:'
    },
    {
        id: 'test-cross',
        tool: 'vitest',
        tier: 1,
        weight: 6,
        category: 'test',
        pattern: /^\s*[×✕✗] \S.*/,
        before: 0,
        after: 0,
        keywords: /[✕✗✖×❌]/,
        example: '   × math > adds numbers 3ms'
    },
    {
        id: 'coverage-threshold',
        tool: 'coverage',
        tier: 1,
        weight: 8,
        category: 'test',
        pattern: /coverage threshold for \w+ \(\d+(?:\.\d+)?%\) not met|^FAIL Required test coverage of \d+(?:\.\d+)?% not reached|Coverage for \w+ \(\d+(?:\.\d+)?%\) does not meet (?:global )?threshold/i,
        before: 0,
        after: 2,
        keywords: /not met|not reached|does not meet/,
        example: 'Jest: "global" coverage threshold for lines (80%) not met: 75.5%'
    },
    {
        id: 'node-test',
        tool: 'node-test',
        tier: 1,
        weight: 9,
        category: 'test',
        pattern: /^\s*not ok \d+ - \S/,
        after: 6,
        keywords: /not ok/,
        example: 'not ok 1 - adds numbers'
    },
    {
        id: 'mocha-test',
        tool: 'mocha',
        tier: 1,
        weight: 9,
        category: 'test',
        // only after mocha's `N failing` line: see MOCHA_FAILING
        afterUntil: STACK_FRAME,
        pattern: /(?!)/,
        before: 0,
        after: 6,
        keywords: null,
        example: '  1) math'
    },
    {
        id: 'assertion',
        tool: 'node',
        tier: 1,
        weight: 6,
        category: null,
        afterUntil: STACK_FRAME,
        pattern: /^\s*(?:[\w.]+\.)?AssertionError(?: \[ERR_ASSERTION\])?: \S.*/,
        before: 1,
        after: 4,
        keywords: /rror/,
        example: 'AssertionError: expected 3 to be 4 // Object.is equality'
    },
    {
        id: 'node-unhandled',
        tool: 'node',
        tier: 1,
        weight: 7,
        category: null,
        afterUntil: STACK_FRAME,
        pattern: /^\[?UnhandledPromiseRejection\b|^\s*Unhandled (?:Rejection|Errors?)\b/,
        after: 3,
        keywords: /rror/,
        example: '[UnhandledPromiseRejection: This error originated either by throwing inside of an async function without a catch block, or by rejecting a promise which was not handled with .catch(). The promise rejected with the reason "boom".] {'
    }
];
