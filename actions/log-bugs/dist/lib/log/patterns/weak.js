import { XTRACE_EXIT } from './pattern.js';
/** Weak words (tier 4): context only, never a key line on their own. */
export const WEAK_PATTERNS = [
    {
        id: 'xtrace-exit',
        tool: 'shell',
        tier: 4,
        weight: 1,
        category: null,
        // `set -x` echoing the script's own `exit 1`: what it printed just before says why
        pattern: XTRACE_EXIT,
        before: 8,
        after: 0,
        keywords: /^\+{1,3} exit [1-9]/,
        example: '+ exit 1'
    },
    {
        id: 'weak',
        tool: 'generic',
        tier: 4,
        weight: 1,
        category: null,
        pattern: /\berror|\bfail(?:ed|ure|ing|s)?\b|\bpanic|\bexception\b|\bfatal\b/i,
        before: 2,
        after: 2,
        keywords: /ail/,
        example: 'something went wrong: failed to open config'
    }
];
