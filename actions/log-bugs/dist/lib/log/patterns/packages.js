/** Package managers: npm, pnpm, yarn, pip, poetry, go modules, cargo. */
export const PACKAGES_PATTERNS = [
    {
        id: 'npm-code',
        tool: 'npm',
        tier: 1,
        weight: 8,
        category: 'dependency',
        pattern: /^npm (?:ERR!|error) code (?!\d+$|ELIFECYCLE$)[A-Z]\w+$/,
        before: 0,
        after: 6,
        keywords: /rror/,
        example: 'npm error code ERESOLVE'
    },
    {
        id: 'npm-message',
        tool: 'npm',
        tier: 1,
        weight: 7,
        category: 'dependency',
        pattern: /^npm (?:ERR!|error) (?:\d+ Not Found - |`npm ci` can only install|ERESOLVE|Could not resolve dependency|Conflicting peer dependency|notarget |404 |Invalid: lock file|Missing: \S+ from lock file|Unsupported engine|network |request to \S+ failed|peer |code E)/,
        before: 0,
        after: 5,
        keywords: /rror/,
        example: 'npm error `npm ci` can only install packages when your package.json and package-lock.json or npm-shrinkwrap.json are in sync. Please update your lock file with `npm install` before continuing.'
    },
    {
        id: 'npm-missing-script',
        tool: 'npm',
        tier: 1,
        weight: 8,
        category: 'build',
        pattern: /^npm (?:ERR!|error) [Mm]issing script: /,
        before: 0,
        after: 1,
        keywords: /rror/,
        example: 'npm error Missing script: "lint"'
    },
    {
        id: 'pnpm',
        tool: 'pnpm',
        tier: 1,
        weight: 8,
        category: 'dependency',
        pattern: /^\s*(?:\S+ )?ERR_PNPM_(?!RECURSIVE_RUN_FIRST_FAIL|RECURSIVE_EXEC_FIRST_FAIL)\w+\b.*/,
        before: 0,
        after: 7,
        keywords: /ERR/,
        example: ' ERR_PNPM_OUTDATED_LOCKFILE  Cannot install with "frozen-lockfile" because pnpm-lock.yaml is not up to date with package.json'
    },
    {
        id: 'yarn-berry',
        tool: 'yarn',
        tier: 1,
        weight: 8,
        category: 'dependency',
        pattern: /^➤ YN(?!0000)\d{4}: .+/,
        before: 0,
        after: 3,
        keywords: /YN\d{4}/,
        example: '➤ YN0028: The lockfile would have been modified by this install, which is explicitly forbidden.'
    },
    {
        id: 'yarn-classic',
        tool: 'yarn',
        tier: 1,
        weight: 7,
        category: 'dependency',
        pattern: /^error (?!Command failed with exit code)(?:Couldn't find|An unexpected error|Your lockfile needs|Found incompatible module|The engine|Package ".*" refers|\S+: The engine|Integrity check failed|Couldn't find package)/,
        before: 0,
        after: 3,
        keywords: /rror/,
        example: 'error Couldn\'t find package "left-pad-nope@^9.9.9" required by "app@1.0.0" on the "npm" registry.'
    },
    {
        id: 'pip',
        tool: 'pip',
        tier: 1,
        weight: 8,
        category: 'dependency',
        pattern: /^\s*ERROR: (?:Could not find a version that satisfies|No matching distribution found|Cannot install|ResolutionImpossible|Failed building wheel|Could not build wheels|pip's dependency resolver|Could not install packages|Invalid requirement|Could not open requirements file|Package '.*' requires a different Python)/,
        before: 0,
        after: 3,
        keywords: /ERR|found/,
        example: 'ERROR: No matching distribution found for requests==99.0.0'
    },
    {
        id: 'poetry-lock',
        tool: 'poetry',
        tier: 1,
        weight: 8,
        category: 'dependency',
        pattern: /pyproject\.toml changed significantly since poetry\.lock was last generated|^\s*SolverProblemError\b/,
        keywords: /poetry\.lock/,
        example: 'pyproject.toml changed significantly since poetry.lock was last generated. Run `poetry lock [--no-update]` to fix the lock file.'
    },
    {
        id: 'go-mod',
        tool: 'go',
        tier: 1,
        weight: 8,
        category: 'dependency',
        pattern: /^(?:go: )?(?:\S+: )?(?:missing go\.sum entry|updates to go\.mod needed|go\.mod file indicates|module \S+ found .* but does not contain package|reading \S+: 404 Not Found|unknown revision)/,
        keywords: /go\.(?:mod|sum)\b|unknown revision/,
        example: 'go: updates to go.mod needed; to update it:'
    },
    {
        id: 'cargo-resolve',
        tool: 'cargo',
        tier: 1,
        weight: 8,
        category: 'dependency',
        pattern: /^error: (?:failed to select a version for|no matching package named|the lock file \S+ needs to be updated|failed to get `\S+` as a dependency)/,
        after: 3,
        keywords: /rror|found/,
        example: 'error: no matching package named `serde_jsonx` found'
    }
];
