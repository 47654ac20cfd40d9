import { formatMetadata, parseMetadata } from '../markdown/marker.js';
import { cleanUntrusted } from '../untrusted/clean-untrusted.js';
/**
 * Runs kept in an issue's metadata; the count goes on beyond it. Each is about 150 bytes, and
 * the body must stay under GitHub's limit as they accumulate (issue-body.ts keeps the room).
 */
const MAX_RUNS = 30;
/** What ties an issue to "its" workflow: the file path, which is stable, else the name. */
export const workflowKey = (context) => context.workflow.path || context.workflow.name;
/** `1234-2`: a run and attempt, as markers and metadata name it. */
export const occurrenceKey = (run) => `${run.id}-${run.attempt}`;
/**
 * A run of the default branch or of a merge queue: what fails there fails for every PR, so it
 * is nobody's PR's fault.
 */
export function isTrunkRun(context) {
    if (context.event === 'merge_group')
        return true;
    return context.defaultBranch !== null && context.branch === context.defaultBranch;
}
/** This run, as an issue's metadata records it. */
export function runKeyOf(context, now) {
    return {
        id: context.runId,
        attempt: context.attempt,
        sha: context.sha,
        // branch names run to 255 bytes; the run's own link names it in full
        branch: cleanUntrusted(context.branch).slice(0, 100),
        pr: context.pr?.number ?? null,
        at: now
    };
}
/** The metadata block of an issue this run files. */
export function newMetadata(context, fingerprint, now, extra) {
    return {
        version: 1,
        fingerprint,
        workflow: workflowKey(context),
        featureId: context.feature.id,
        branch: cleanUntrusted(context.branch),
        pr: context.pr?.number ?? null,
        runs: [runKeyOf(context, now)],
        attemptCount: 1,
        firstSeen: now,
        lastSeen: now,
        ...(extra.writer ? { writer: extra.writer } : {}),
        trunk: isTrunkRun(context),
        flakes: extra.class === 'flaky' ? 1 : 0,
        lifecycle: null,
        class: extra.class,
        notifiedAt: now
    };
}
/** Metadata with a run added (each run and attempt once, oldest first) and the count updated. */
export function addRun(meta, run, now) {
    const seen = new Map();
    for (const known of [...meta.runs, run])
        seen.set(occurrenceKey(known), known);
    const all = [...seen.values()];
    const added = all.length - meta.runs.length;
    return {
        ...meta,
        runs: all.slice(-MAX_RUNS),
        attemptCount: Math.max(meta.attemptCount + added, all.length),
        lastSeen: now
    };
}
/** Metadata merged from two versions of one issue (a racer's and ours): every run of both. */
export function mergeMetadata(ours, theirs) {
    const runs = new Map();
    for (const run of [...theirs.runs, ...ours.runs])
        runs.set(occurrenceKey(run), run);
    const all = [...runs.values()].sort((a, b) => a.id - b.id || a.attempt - b.attempt);
    const later = (a, b) => ((a ?? '') > (b ?? '') ? a : b);
    return {
        ...theirs,
        ...ours,
        runs: all.slice(-MAX_RUNS),
        attemptCount: Math.max(ours.attemptCount, theirs.attemptCount, all.length),
        lastSeen: later(ours.lastSeen, theirs.lastSeen) ?? ours.lastSeen,
        notifiedAt: later(ours.notifiedAt, theirs.notifiedAt),
        flakes: Math.max(ours.flakes ?? 0, theirs.flakes ?? 0),
        trunk: Boolean(ours.trunk || theirs.trunk)
    };
}
/** Whether metadata records a run (and its attempt). */
export const hasRun = (meta, run) => meta?.runs.some(known => occurrenceKey(known) === occurrenceKey(run)) ?? false;
/** The lifecycle step of metadata, with `null` for plain open. */
export const lifecycleOf = (meta) => meta?.lifecycle ?? null;
/** The body with its metadata block replaced (or added when a human deleted it). */
export function replaceMetadata(body, meta) {
    const block = formatMetadata(meta);
    const start = body.lastIndexOf('<!-- log-bugs:metadata');
    if (start === -1)
        return `${body.trimEnd()}\n${block}\n`;
    const end = body.indexOf('-->', start);
    return end === -1
        ? `${body.slice(0, start)}${block}\n`
        : `${body.slice(0, start)}${block}${body.slice(end + 3)}`;
}
/** An issue body's metadata block, when it has a usable one. */
export function readIssueMetadata(body) {
    const value = parseMetadata(body);
    if (typeof value !== 'object' || value === null)
        return null;
    const meta = value;
    if (typeof meta.fingerprint !== 'string' || !Array.isArray(meta.runs))
        return null;
    return meta;
}
