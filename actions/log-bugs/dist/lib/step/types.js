/**
 * Narrow types for what github-script injects: `{github, context, core}`.
 *
 * `@actions/github-script` is not on npm, so its `{github, context, core}` are typed here by the
 * few members we use. `@octokit/rest`'s Octokit satisfies `GitHub`, which is how the same step
 * runs under github-script, the debug CLI and the tests.
 */
export {};
