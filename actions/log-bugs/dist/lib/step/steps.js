/**
 * The five steps, in the order action.yml runs them. Each name is the step's id in action.yml,
 * its module (scripts/<name>.ts, dist/<name>.js), its test (test/steps/<name>.test.ts) and the
 * debug CLI's argument; the workflow lint checks action.yml against this list.
 */
export const STEPS = [
    'gather-context',
    'tail-log',
    'find-duplicate',
    'create-issue',
    'comment-on-pr'
];
