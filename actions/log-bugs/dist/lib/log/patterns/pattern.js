/** An exception whose whole message is that something failed: `RuntimeError: test_x 1/1 failed!` */
export const EXCEPTION_WRAPPER = /^\s*(?:[A-Za-z_$][\w$]*\.)*(?:[A-Z][\w$]*)?(?:Error|Exception): [^:]{0,120}?\b(?:failed|FAILED)[.!]?$/;
/** `set -x` echoing a script's own non-zero `exit`. */
export const XTRACE_EXIT = /^\+{1,3} exit [1-9]\d*$/;
/** The first frame of a JavaScript or JVM stack trace: where an assertion or exception happened. */
export const STACK_FRAME = /^\s+at \S/;
/** Advisory ids: for audit output these (sorted) are the signature, not the counts. */
export const ADVISORY_ID = /\b(?:GHSA(?:-[23456789cfghjmpqrvwx]{4}){3}|PYSEC-\d{4}-\d+|CVE-\d{4}-\d{4,}|RUSTSEC-\d{4}-\d{4}|GO-\d{4}-\d{4})\b/g;
