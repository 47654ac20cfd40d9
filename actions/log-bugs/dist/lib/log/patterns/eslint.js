const ESLINT_FILE = /^(?:[A-Za-z]:)?[\\/.\w@()[\]{}+~-]*[\w)\]}]\.[A-Za-z]{1,6}$/;
/** ESLint: stylish rule lines (the file name is the line above them), compact format, crashes. */
export const ESLINT_PATTERNS = [
    {
        id: 'eslint-stylish',
        tool: 'eslint',
        tier: 1,
        weight: 9,
        category: 'lint',
        pattern: /^\s+\d+:\d+\s+error\s{2,}\S.*/,
        before: 0,
        after: 1,
        fileLineAbove: ESLINT_FILE,
        keywords: /rror/,
        example: "  3:7  error  'unused' is assigned a value but never used  no-unused-vars"
    },
    {
        id: 'eslint-compact',
        tool: 'eslint',
        tier: 1,
        weight: 9,
        category: 'lint',
        pattern: /^\S.*: line \d+, col \d+, Error - .+/,
        keywords: /rror/,
        example: "/home/runner/work/r/r/src/a.js: line 3, col 7, Error - 'x' is defined but never used. (no-unused-vars)"
    },
    {
        id: 'eslint-crash',
        tool: 'eslint',
        tier: 1,
        weight: 7,
        category: 'lint',
        pattern: /^Oops! Something went wrong! :\(/,
        after: 4,
        keywords: /Oops/,
        example: 'Oops! Something went wrong! :('
    }
];
