import { cleanUntrusted } from '../untrusted/clean-untrusted.js';
import { workflowKey } from './metadata.js';
/**
 * The run passed: no failed job in the jobs API, or, when the API was unavailable, job-results
 * that list jobs and none that failed. Without either we cannot tell, so nothing is closed.
 */
export function ranGreen(context) {
    if (context.failedJobs.length > 0)
        return false;
    if (context.jobsSource === 'api')
        return true;
    const results = Object.values(context.jobResults);
    return results.length > 0 && results.every(result => result === 'success' || result === 'skipped');
}
/**
 * What to file, record and close, decided from what the run found and what log-bugs already
 * tracks, before anything is written. Failures keep their order; new ones past `maxIssues` are
 * listed in the last issue filed instead of filed. A green run closes the open issues of its
 * branch and workflow (issues of other branches or workflows stay open).
 */
export function planIssues(input) {
    const { context, failures, tracked } = input;
    if (failures.length === 0) {
        if (!input.closeOnSuccess || !ranGreen(context))
            return [];
        const branch = cleanUntrusted(context.branch);
        const workflow = workflowKey(context);
        return Object.entries(tracked)
            .filter(([, issue]) => issue.metadata?.branch === branch && (issue.metadata.workflow ?? '') === workflow)
            .map(([fingerprint, issue]) => ({ kind: 'close', fingerprint, issue }));
    }
    const fresh = failures.filter(failure => !tracked[failure.fingerprint]);
    const filed = fresh.slice(0, input.maxIssues);
    const overflow = fresh.slice(input.maxIssues);
    const steps = [];
    for (const failure of failures) {
        const issue = tracked[failure.fingerprint];
        if (issue)
            steps.push({ kind: 'record', failure, issue });
        else if (filed.includes(failure))
            steps.push({ kind: 'file', failure, overflow: failure === filed.at(-1) ? overflow : [] });
    }
    return steps;
}
