/**
 * The jobs of a run listed with `filter=all` (every attempt), split into each job's newest
 * attempt, which is what the run's result is made of, and the results of its earlier attempts,
 * which tell a re-run that passed from a failure that stayed (a flaky job).
 */
export function splitAttempts(jobs) {
    const newest = new Map();
    for (const job of jobs) {
        const known = newest.get(job.name);
        const newer = !known ||
            (job.run_attempt ?? 1) > (known.run_attempt ?? 1) ||
            ((job.run_attempt ?? 1) === (known.run_attempt ?? 1) && job.id > known.id);
        if (newer)
            newest.set(job.name, job);
    }
    const latest = jobs.filter(job => newest.get(job.name) === job);
    const earlier = jobs
        .filter(job => newest.get(job.name) !== job)
        .map(job => ({ job: job.name, attempt: job.run_attempt ?? 1, conclusion: job.conclusion }));
    return { latest, earlier };
}
