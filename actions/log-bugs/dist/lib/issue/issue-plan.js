import { cleanUntrusted } from './build-issue.js';
/** What ties an issue to "its" workflow: the file path, which is stable, else the name. */
export const workflowKey = (context) => context.workflow.path || context.workflow.name;
/** The metadata block of an issue this run files. */
export function newMetadata(plan, fingerprint) {
    return {
        version: 1,
        fingerprint,
        workflow: workflowKey(plan.context),
        featureId: plan.context.feature.id,
        branch: cleanUntrusted(plan.context.branch),
        pr: plan.context.pr?.number ?? null,
        runs: [plan.run],
        attemptCount: 1,
        firstSeen: plan.now,
        lastSeen: plan.now
    };
}
