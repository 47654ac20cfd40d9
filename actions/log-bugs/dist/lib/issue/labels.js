/**
 * The label log-bugs lists its open issues by: the last of `labels` (default `ci-failure`), since
 * the first is usually the generic `bug` that humans use too. Listing is consistent right after a
 * write, unlike search, which lags by seconds to minutes (docs/github-platform.md §5).
 */
export function dedupLabel(labels) {
    return labels[labels.length - 1] ?? null;
}
/** The label naming a failure's category, e.g. `failure:test`; none for `unknown`. */
export function categoryLabel(category) {
    return category && category !== 'unknown' ? `failure:${category}` : null;
}
