import { labelStyle } from '../issue/labels.js';
import { bestEffort, errorStatus } from '../step/errors.js';
/**
 * Makes sure the labels exist and returns the ones that do. One list call, then a create per
 * missing label. A label we may not create is dropped with a warning: naming a missing label on
 * issue creation can make GitHub refuse the whole issue (docs/github-platform.md §5).
 */
export async function ensureLabels(github, target, names, core) {
    const existing = await bestEffort(async () => {
        const labels = await github.paginate('GET /repos/{owner}/{repo}/labels', {
            ...target,
            per_page: 100
        });
        return new Set(labels.map(label => label.name.toLowerCase()));
    }, error => {
        core.warning(`log-bugs: cannot list labels (HTTP ${errorStatus(error) ?? '?'}); filing without labels that may be missing`);
        return null;
    });
    if (existing === null)
        return [];
    const usable = [];
    for (const name of names) {
        if (existing.has(name.toLowerCase())) {
            usable.push(name);
            continue;
        }
        const created = await bestEffort(async () => {
            await github.request('POST /repos/{owner}/{repo}/labels', {
                ...target,
                name,
                ...labelStyle(name)
            });
            return true;
        }, error => {
            // 422 `already_exists`: a concurrent run created it meanwhile
            if (errorStatus(error) === 422)
                return true;
            core.warning(`log-bugs: cannot create label "${name}" (HTTP ${errorStatus(error) ?? '?'}); filing without it. ` +
                'Create the label once by hand, or grant `issues: write`.');
            return false;
        });
        if (created)
            usable.push(name);
    }
    return usable;
}
