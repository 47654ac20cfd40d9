/**
 * Writes something that must exist once (an issue per failure, a comment per PR or per run)
 * when racers may write it too: concurrent runs of one failure, matrix legs reporting apart.
 * Each posts, then lists again; ids grow with creation time, so every racer agrees that the
 * oldest stays, and the caller folds a later copy into it. The list is consistent right after
 * a write (docs/github-platform.md §5), unlike search.
 */
export async function postOnce(options) {
    const posted = await options.post();
    const mine = options.id(posted);
    let oldest = posted;
    for (const twin of await options.list()) {
        if (options.id(twin) < options.id(oldest))
            oldest = twin;
    }
    return { posted, oldest: options.id(oldest) < mine ? oldest : posted };
}
