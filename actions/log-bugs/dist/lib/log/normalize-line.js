/**
 * Ordered masks that turn a cleaned log line into a stable key (docs/log-analysis.md §3.3).
 *
 * Two runs of the same failure differ in workspace and temp paths, timestamps, ids, ports,
 * line numbers, durations, versions and PIDs; after these masks they read the same. The
 * order matters: a timestamp must go before the clock-time mask sees it, an IP before the
 * version mask, a duration before the bare-number mask. Identifiers that carry digits
 * (`TS2322`, `E0425`, `F401`, `SC2086`, `test_case_3`, `py310`) are never masked.
 *
 * Hash the normalised text; show the raw line to people.
 */
const LINE_MASKS = [
    // 1–3. the job workspace `…/work/<repo>/<repo>/` (hosted and self-hosted runners, macOS,
    // containers `/__w/r/r/`, Windows `D:\a\r\r\`), so paths read as repository-relative
    ['workspace', /(?:\/[^\s/'"`()[\]<>:]+)*?\/(?:_?work|__w)\/([^\s/'"`]+)\/\1\//g, ''],
    ['workspace', /\/__w\/([^\s/'"`]+)\/\1\//g, ''],
    [
        'workspace',
        /\b[A-Za-z]:[\\/](?:[^\s\\/'"`]+[\\/])*?(?:a|_work)[\\/]([^\s\\/'"`]+)[\\/]\1[\\/]/g,
        ''
    ],
    ['workspace', /(?:\/[^\s/'"`()[\]<>:]+)*?\/(?:_?work|__w)\/([^\s/'"`]+)\/\1(?![\w/.-])/g, '<ws>'],
    [
        'workspace',
        /\b[A-Za-z]:\\(?:[^\s\\/'"`]+\\)*?(?:a|_work)\\([^\s\\/'"`]+)\\\1(?![\w\\.-])/g,
        '<ws>'
    ],
    // Windows separators inside path tokens, so a matrix leg on windows-latest reads like linux
    ['path-separator', /([\w.@:-])\\(?=[\w.@-])/g, '$1/'],
    // 4. runner temp (`$RUNNER_TEMP`, `/home/runner/work/_temp/<uuid>.sh`)
    [
        'runner-temp',
        /(?:\/home\/runner\/work|\/__w|[A-Za-z]:\/a|[\w/.-]*\/_work)\/_temp(?:\/[^\s'"`):,]*)?/g,
        '<tmp>'
    ],
    // tool cache and the runner's home: different per OS
    [
        'tool-cache',
        /(?:\/opt|\/Users\/runner|[A-Za-z]:)\/hostedtoolcache(?:\/windows)?/gi,
        '<toolcache>'
    ],
    ['tool-cache', /\/__t\//g, '<toolcache>/'],
    [
        'home',
        /(?:\/home\/runner|\/Users\/runner|\/github\/home|[A-Za-z]:\/Users\/runneradmin)(?=[/\s'"`]|$)/g,
        '~'
    ],
    // 5. OS temp: /tmp/…, /var/folders/…, %TEMP%, pytest's basetemp, mkdtemp-style names
    ['os-temp', /~\/AppData\/Local\/Temp(?:\/[^\s'"`):,]*)?/g, '<tmp>'],
    ['os-temp', /(?:\/private)?\/(?:tmp|var\/folders)(?:\/[^\s'"`):,]*)?/g, '<tmp>'],
    ['os-temp', /\bpytest-of-[\w.-]+\/pytest-\d+(?:\/[^\s'"`):,]*)?/g, '<tmp>'],
    ['os-temp', /\btmp[._]?(?=[A-Za-z]*\d)[A-Za-z0-9]{6,12}\b/g, '<tmp>'],
    // 6. ISO and log timestamps
    [
        'timestamp',
        /\b\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?(?![\d])/g,
        '<ts>'
    ],
    // 7. clock times
    ['clock', /\b\d{1,2}:\d{2}:\d{2}(?:[.,]\d+)?\b/g, '<time>'],
    // 8. UUIDs
    ['uuid', /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi, '<uuid>'],
    // 9. 0x hex, addresses
    ['hex', /\b0x[0-9a-f]+\b/gi, '<hex>'],
    // 10. SHAs and hash-like hex: needs a digit AND a letter, so words and plain numbers survive
    ['sha', /\b(?=[a-f]*\d)(?=\d*[a-f])[0-9a-f]{7,64}\b/g, '<sha>'],
    ['sha', /\b(?=[A-F]*\d)(?=\d*[A-F])[0-9A-F]{16,64}\b/g, '<sha>'],
    // random ids (BuildKit refs, session ids): long lowercase base-36 runs with several digits
    ['random-id', /\b(?=(?:[a-z]*\d){2})(?=\d*[a-z])[a-z0-9]{20,}\b/g, '<id>'],
    // 11. IPv4 (+port)
    ['ip', /\b(?:\d{1,3}\.){3}\d{1,3}(?::\d+)?\b/g, '<ip>'],
    // 12. localhost ports
    ['port', /\b(localhost|\[::1?\]):\d+/g, '$1:<port>'],
    // 13. file:line[:col], tsc/MSVC (line,col), maven :[line,col], Python `line N`
    ['file-line', /(\.[A-Za-z][A-Za-z0-9]{0,7})(?::\d+){1,2}\b/g, '$1:<n>'],
    ['file-line', /(\.[A-Za-z][A-Za-z0-9]{0,7})\(\d+(?:,\d+){0,3}\)/g, '$1(<n>)'],
    ['file-line', /(\.[A-Za-z][A-Za-z0-9]{0,7}):\[\d+(?:,\d+)?\]/g, '$1:[<n>]'],
    ['file-line', /\b(line|Line|LINE) \d+\b/g, '$1 <n>'],
    // 14. durations
    [
        'duration',
        /\b(?:\d+h ?)?(?:\d+m ?)?\d+(?:\.\d+)?\s?(?:ms|µs|us|ns|s|sec|secs|seconds?|mins?|minutes?)(?![\w])/g,
        '<dur>'
    ],
    // 15. versions
    ['version', /\bv?\d+\.\d+(?:\.\d+){0,2}(?:[-+][0-9A-Za-z.]+)?\b/g, '<ver>'],
    // 16. PIDs
    ['pid', /\b(pid|PID|process)[ :=#]*\d+\b/g, '$1 <n>'],
    // 17. free-standing numbers (not part of an identifier such as TS2322 or test_case_3)
    ['number', /(?<![A-Za-z_\d.])-?\d+(?![A-Za-z_\d])/g, '<n>'],
    // 18. whitespace
    ['whitespace', /\s+/g, ' ']
];
/**
 * Masks the run-to-run noise in a cleaned log line (paths, times, ids, numbers) so that two
 * occurrences of the same failure give the same text; identifiers with digits are kept.
 */
export function normalizeLine(line) {
    let text = line;
    for (const [, pattern, replacement] of LINE_MASKS)
        text = text.replace(pattern, replacement);
    return text.trim();
}
