/** Containers: BuildKit and the Docker daemon's answers. */
export const CONTAINERS_PATTERNS = [
    {
        id: 'docker-solve',
        tool: 'docker',
        tier: 1,
        weight: 9,
        category: 'build',
        pattern: /\bfailed to solve: .+/,
        before: 2,
        after: 0,
        keywords: /ERR|ail/,
        example: 'ERROR: failed to solve: process "/bin/sh -c npm ci" did not complete successfully: exit code: 1'
    },
    {
        id: 'docker-step',
        tool: 'docker',
        tier: 1,
        weight: 6,
        category: 'build',
        pattern: /^#\d+ ERROR: .+|^The command '.*' returned a non-zero code: \d+/,
        before: 2,
        after: 0,
        keywords: /ERR|non-zero/,
        example: '#12 ERROR: process "/bin/sh -c npm ci" did not complete successfully: exit code: 1'
    },
    {
        id: 'docker-response',
        tool: 'docker',
        tier: 1,
        weight: 8,
        // the docker CLI relaying the daemon's refusal: a pull, push, run or login
        category: null,
        pattern: /^(?:docker: )?Error response from daemon: \S/,
        before: 1,
        after: 0,
        keywords: /rror|found|not found/,
        example: 'Error response from daemon: manifest for python:3.99 not found: manifest unknown: manifest unknown'
    }
];
