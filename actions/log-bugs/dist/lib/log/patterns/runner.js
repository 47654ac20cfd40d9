/** Runner messages that end a step or the job without any tool output to blame (tier 0). */
export const TERMINAL_PATTERNS = [
    {
        terminal: 'timeout',
        pattern: /^The action '.*' has timed out after \d+ minutes\.?/,
        keywords: /timed out/,
        example: "The action 'Test' has timed out after 360 minutes."
    },
    {
        terminal: 'timeout',
        pattern: /^The job running on (?:runner|agent) .* has exceeded the maximum execution time of \d+ minutes\.?/,
        keywords: /exceeded/,
        example: 'The job running on runner GitHub Actions 2 has exceeded the maximum execution time of 10 minutes.'
    },
    {
        terminal: 'cancelled',
        pattern: /^The operation was cancell?ed\.?$/,
        keywords: /ancel/,
        example: 'The operation was canceled.'
    },
    {
        terminal: 'shutdown',
        pattern: /^The runner has received a shutdown signal\b/,
        keywords: /shutdown/,
        example: 'The runner has received a shutdown signal. This can happen when the runner service is stopped, or a manually started runner is canceled.'
    },
    {
        terminal: 'shutdown',
        pattern: /^The (?:hosted |self-hosted )?runner: .* lost communication with the server\b/,
        keywords: /lost communication/,
        example: 'The self-hosted runner: ci-runner-3 lost communication with the server. Verify the machine is running and has a healthy network connection.'
    }
];
/**
 * `##[error]Process completed with exit code N.`: where a script step ends, never a cause.
 * A failing JavaScript action that ran a tool says `The process '/usr/bin/git' failed with
 * exit code 128`, a Docker action `Docker run failed with exit code 1`, a job container that
 * cannot be pulled `Docker pull failed with exit code 1`, an action that ran a linter
 * `golangci-lint exit with code 3`: the same role.
 */
export const EXIT_CODE_LINE = /^(?:(?:Process completed|The process '.*' failed|Docker (?:run|pull) failed) with exit code|[\w.@/-]+ exit(?:ed)? with (?:exit )?code) (\d+)\.?$/;
/** Runner and wrapper lines that are never candidates, whatever their tag. */
export const BOILERPLATE = [
    EXIT_CODE_LINE,
    /^(?:Error: )?Process completed with exit code \d+\.?$/,
    /^Executing the custom container implementation failed\b/,
    /\bNode(?:\.js)? \d+ (?:actions )?(?:is|are) (?:being )?deprecated\b/,
    /^The process '.*' failed with exit code \d+/,
    // package-manager wrappers around a failing script: the script's own output is the cause
    /^\s*ELIFECYCLE\b.*Command failed/,
    /^\s*ERR_PNPM_RECURSIVE_RUN_FIRST_FAIL\b/,
    /^\s*(?:\S+ )?ERR_PNPM_RECURSIVE_EXEC_FIRST_FAIL\b/,
    /^npm (?:ERR!|error) (?:Lifecycle script `.*` failed|code \d+$|path |command |workspace |location |errno |syscall |A complete log of this run|Log files were not written|\s*$)/,
    /^npm (?:ERR!|error) (?:Failed at the .* script|This is probably not a problem with npm|in workspace:|at location:)/,
    /^error Command failed with exit code \d+\.?$/,
    /^info Visit https:\/\/yarnpkg\.com\//,
    /^error: Recipe `.*` failed/,
    /^error: test failed, to rerun pass\b/,
    /^error: could not compile `.*`.* due to \d+ previous errors?/,
    /^error: aborting due to (?:\d+ )?previous errors?/,
    /^Error: Process completed with exit code \d+/,
    /^\[ERROR\] (?:-> \[Help \d+\]|Re-run Maven using|To see the full stack trace|For more information about the errors|Help 1\]|\s*$)/,
    /^\[ERROR\] \[Help \d+\]/,
    /^\s*at .*\(.*:\d+:\d+\)$/,
    // a runner hook or wrapper restating the exit code (`[hook] Step script exited with code 1.
    // Check the step logs above…`): the same role as `Process completed with exit code N`
    /^(?:\[[\w.-]+\] )?(?:\w+ )?(?:script|step|command|process|container) exited with (?:exit )?code \d+\b/i,
    // runner markers with a tag of their own (`##[start-action …]`, `##[end-action …]`)
    /^##\[(?!(?:error|warning|notice|debug|command|section|group|endgroup)\])[a-z][\w-]*[ \]]/
];
/** Tallies and summaries: true but not the cause (`Found 2 errors`, `1 failed, 3 passed`). */
export const SUMMARY_LINES = [
    /^Found \d+ errors? in \d+ files?\b/,
    /^Found \d+ errors?\.?(?: Watching for file changes\.)?$/,
    /^Found \d+ errors? in the same file\b/,
    /^\s*[✖×✗] \d+ problems? \(\d+ errors?, \d+ warnings?\)/,
    /^\s*\d+ errors? and \d+ warnings? potentially fixable\b/,
    /^=+ (?:.*\d+ (?:failed|errors?|passed).*) =+$/,
    /^\s*Tests?:?\s+\d+ failed\b/,
    /^\s*Test (?:Files|Suites):?\s+\d+ failed\b/,
    /^\s*Tests\s+\d+ failed\b/,
    /^FAILED \((?:failures|errors)=\d+/,
    /^test result: FAILED\./,
    /^\s*\d+ (?:failing|passing|pending)\b/,
    /^Your code has been rated at\b/,
    /^\d+ files? would be reformatted\b/,
    /^Oh no! 💥 💔 💥$/,
    /^\[warn\] Code style issues found in (?:the above file|\d+ files)\b/,
    /^\[ERROR\] Tests run: \d+, Failures: \d+(?!.*<<<)/,
    /^Tests run: \d+, Failures: \d+, Errors: \d+/,
    /^BUILD FAILED in\b/,
    /^\[INFO\] BUILD FAILURE$/,
    /^FAIL$/,
    /^\s*Ran \d+ tests? in\b/
];
/** Exclusions for tiers 3 and 4 (rtk-ai/rtk#3534: `0 Error(s)` is not an error). */
export const WEAK_EXCLUSIONS = [
    /\b0 (?:errors?|failures?|failed|problems?|vulnerabilities)\b/i,
    /\b(?:errors?|failures?|failed)[:=] ?0\b/i,
    // a column of counts: `Cache write errors          0`
    /\b(?:errors?|failures?|failed)\s+0(?:\.0+)?(?: ?%)?$/i,
    /\bError\(s\)\s*$/,
    /-Werror|--error-on|continue-on-error|if-no-files-found|fail-on-cache-miss|ErrorAction|errexit|fail-fast|fail_ci_if_error|--bail|pipefail|--max-warnings/i,
    /^\s*(?:✓|√|✔|PASS\b|ok\b|passed\b|PASSED\b|SKIP)/,
    /\bPASSED\b/,
    /TEST-(?:INFO|PASS) /,
    /\bnon-fatal error\b/i,
    /^\s*(?:npm |yarn |pnpm )?warn(?:ing)?\b/i,
    /^\s*\[warn(?:ing)?\]/i,
    /^\s*(?:hint|note|info|debug):/i,
    /^\s*at /,
    /^\s*(?:> |\$ )/
];
/** A `##[error]` line no tool signature knows (tier 2): problem matchers, `::error::`, failing actions. */
export const ERROR_ANNOTATION = {
    id: 'error-annotation',
    tool: 'runner',
    tier: 2,
    weight: 5,
    category: null,
    pattern: /^/,
    before: 3,
    after: 3,
    keywords: null,
    example: 'Error: Resource not accessible by integration'
};
/** A runner message that ended the step or the job (tier 0): timeout, cancellation, shutdown. */
export const RUNNER_TERMINAL = {
    id: 'runner-terminal',
    tool: 'runner',
    tier: 0,
    weight: 10,
    category: 'infrastructure',
    pattern: /^/,
    before: 4,
    after: 0,
    keywords: null,
    example: 'The operation was canceled.'
};
/**
 * A build driver's, package manager's or test tool's closing lines: the failed target, the
 * tally, the hint to re-run. Worth showing at the end of an excerpt, but the headline only
 * when nothing above them says more (`make: *** [report] Error 1` restates what failed).
 */
export const CLOSING_LINES = [
    ...SUMMARY_LINES,
    /^g?make(?:\[\d+\])?: \*\*\* \[/,
    /^ninja: build stopped\b/,
    /^error: test failed, to rerun pass\b/,
    /^error: could not compile `/,
    /^error: aborting due to\b/,
    /^error: Recipe `.*` failed/,
    // npm's own lines around a failing script: what it ran and where its log is
    /^npm (?:ERR!|error) (?:Test failed\.|Failed at the \S+ [\w:-]+ script|Lifecycle script `.*` failed|code ELIFECYCLE$|errno -?\d+$|Exit status \d+$|\S+@\S+ [\w:-]+: `|This is probably not a problem|A complete log of this run|\s+\/\S+\.log$|\s*$|command failed$|path \S|command \S|workspace \S|location \S)/,
    /^ERROR: ".*" exited with \d+\.$/,
    /^error Command failed with exit code \d+/,
    /^\s*ELIFECYCLE\b.*Command failed/,
    /^rake aborted!$|^\(See full trace by running task with --trace\)$/,
    /^FAILURE: Build failed with an exception\.$|^BUILD FAILED\b|^\[(?:ERROR|INFO)\] BUILD FAILURE$/,
    /^\[error\] (?:\(.*\) )?sbt\.\w+Exception\b|^\[error\] Total time: /,
    /^\[ERROR\] Failed to execute goal\b/,
    /^The command ".*" exited with [1-9]\d*\.$/,
    /^Done\. Your build exited with [1-9]\d*\.$/,
    /^ERROR: script returned exit code [1-9]\d*$|^Finished: FAILURE$|^Build step '.*' marked build as failure$/
];
/**
 * With a green log to compare with (baseline.ts): a line no pattern knows that the green run
 * never printed. What is new is likely the failure, whatever the tool (tier 3, below every
 * signature and generic shape).
 */
export const NOVEL_LINE = {
    id: 'novel',
    tool: 'baseline',
    tier: 3,
    weight: 0,
    category: null,
    pattern: /(?!)/,
    // the line above often names the file or the test
    before: 1,
    after: 0,
    keywords: null,
    example: 'not ok 4 - collapses repeated dashes'
};
/** A line a pattern matched that the green run printed too: context only (tier 4). */
export const SEEN_IN_GREEN = {
    id: 'seen-in-green',
    tool: 'baseline',
    tier: 4,
    weight: 0,
    category: null,
    pattern: /(?!)/,
    before: 1,
    after: 1,
    keywords: null,
    example: 'npm warn deprecated inflight@1.0.6'
};
