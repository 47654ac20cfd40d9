/** Formatters that fail a check: prettier, black, ruff format, isort, gofmt and rustfmt. */
export const FORMATTERS_PATTERNS = [
    {
        id: 'prettier-file',
        tool: 'prettier',
        tier: 1,
        weight: 9,
        category: 'format',
        // one path: `[warn] some words` is sbt's or another tool's warning, not a file to format
        pattern: /^\[warn\] (?!Code style issues)\S+$/,
        before: 0,
        after: 1,
        keywords: /warn\]/,
        example: '[warn] src/index.ts'
    },
    {
        id: 'prettier-error',
        tool: 'prettier',
        tier: 1,
        weight: 8,
        category: 'format',
        pattern: /^\[error\] \S+: \w*Error: /,
        after: 4,
        keywords: /rror/,
        example: "[error] src/broken.ts: SyntaxError: ';' expected. (3:14)"
    },
    {
        id: 'black',
        tool: 'black',
        tier: 1,
        weight: 9,
        category: 'format',
        pattern: /^would reformat \S/,
        before: 0,
        after: 1,
        keywords: /eformat|would reformat/,
        example: 'would reformat /home/runner/work/r/r/src/app.py'
    },
    {
        id: 'black-error',
        tool: 'black',
        tier: 1,
        weight: 8,
        category: 'format',
        pattern: /^error: cannot format \S+: /,
        keywords: /rror/,
        example: 'error: cannot format src/app.py: Cannot parse: 3:7: def f('
    },
    {
        id: 'ruff-format',
        tool: 'ruff',
        tier: 1,
        weight: 9,
        category: 'format',
        pattern: /^Would reformat: \S/,
        keywords: /eformat|Would reformat/,
        example: 'Would reformat: src/app.py'
    },
    {
        id: 'isort',
        tool: 'isort',
        tier: 1,
        weight: 9,
        category: 'format',
        pattern: /^ERROR: \S+ Imports are incorrectly sorted/,
        keywords: /ERR/,
        example: 'ERROR: /home/runner/work/r/r/src/app.py Imports are incorrectly sorted and/or formatted.'
    },
    {
        id: 'gofmt',
        tool: 'gofmt',
        tier: 1,
        weight: 8,
        category: 'format',
        // rustfmt --check: `Diff in src/main.rs at line 3:` (old) or `Diff in src/main.rs:3:` (new)
        pattern: /^Diff in \S+(?: at line \d+|:\d+):|^diff -u \S+\.(?:go|rs)\.orig /,
        after: 4,
        keywords: /Diff in|\bline \d+:|^diff -u/,
        example: 'Diff in /home/runner/work/r/r/src/main.rs at line 3:'
    }
];
