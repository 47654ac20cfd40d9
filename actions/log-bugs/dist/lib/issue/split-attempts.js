/**
 * The jobs of a run listed with `filter=all` (every attempt), split into each job's newest
 * attempt, which is what the run's result is made of, and the results of its earlier attempts,
 * which tell a re-run that passed from a failure that stayed (a flaky job).
 */
export function splitAttempts(jobs) {
    const attemptOf = (job) => job.run_attempt ?? 1;
    const newest = new Map();
    for (const job of jobs)
        newest.set(job.name, Math.max(newest.get(job.name) ?? 0, attemptOf(job)));
    // jobs that share a name in one attempt (a reusable workflow's, say) all stay
    const latest = jobs.filter(job => attemptOf(job) === newest.get(job.name));
    const earlier = jobs
        .filter(job => attemptOf(job) < (newest.get(job.name) ?? 0))
        .map(job => ({ job: job.name, attempt: attemptOf(job), conclusion: job.conclusion }));
    return { latest, earlier };
}
