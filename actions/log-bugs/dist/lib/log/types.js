/** What the log analysis reads from the jobs API and what it finds in a job's log. */
export {};
