/** The message of anything thrown, without assuming it is an Error. */
export function errorMessage(error) {
    if (error instanceof Error)
        return error.message;
    if (typeof error === 'string')
        return error;
    try {
        return JSON.stringify(error);
    }
    catch {
        return String(error);
    }
}
/** The HTTP status of an Octokit RequestError (or anything shaped like one), else undefined. */
export function errorStatus(error) {
    if (typeof error === 'object' && error !== null && 'status' in error) {
        const status = error.status;
        return typeof status === 'number' ? status : undefined;
    }
    return undefined;
}
/** The parsed body of an Octokit RequestError's response (GitHub's error JSON), if any. */
export function errorData(error) {
    return typeof error === 'object' && error !== null && 'response' in error
        ? error.response?.data
        : undefined;
}
