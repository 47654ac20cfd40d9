const TAG = /\{\{\s*([#^/]?)\s*([\w.-]+)\s*\}\}/g;
// A section tag alone on its line leaves no blank line behind (Mustache's "standalone" rule).
const STANDALONE = /^[ \t]*(\{\{\s*[#^/]\s*[\w.-]+\s*\}\})[ \t]*\r?\n/gm;
/**
 * A Mustache subset: `{{name}}` inserts a value as is (callers escape: values are already
 * markdown), `{{#name}}…{{/name}}` renders for a truthy value or once per item of a list,
 * `{{^name}}…{{/name}}` renders when the value is falsy or an empty list. Unknown names render
 * empty and are reported, so a custom template's typo shows up in the log instead of silently.
 */
export function renderTemplate(template, view, unknown = new Set()) {
    return renderSection(template.replace(STANDALONE, '$1'), [view], unknown);
}
function lookup(stack, name, unknown) {
    for (let i = stack.length - 1; i >= 0; i--) {
        const frame = stack[i];
        if (frame && Object.prototype.hasOwnProperty.call(frame, name))
            return frame[name];
    }
    unknown.add(name);
    return undefined;
}
function renderSection(template, stack, unknown) {
    let out = '';
    let cursor = 0;
    TAG.lastIndex = 0;
    for (;;) {
        TAG.lastIndex = cursor;
        const match = TAG.exec(template);
        if (!match)
            break;
        const [tag, kind, name = ''] = match;
        out += template.slice(cursor, match.index);
        cursor = match.index + tag.length;
        if (kind === '') {
            const value = lookup(stack, name, unknown);
            out +=
                value === undefined || value === null || value === false || Array.isArray(value)
                    ? ''
                    : String(value);
            continue;
        }
        if (kind === '/')
            continue; // a stray closing tag renders nothing
        const end = findClose(template, name, cursor);
        const inner = template.slice(cursor, end.start);
        cursor = end.after;
        const value = lookup(stack, name, unknown);
        const empty = !value || (Array.isArray(value) && value.length === 0);
        if (kind === '^') {
            if (empty)
                out += renderSection(inner, stack, unknown);
        }
        else if (Array.isArray(value)) {
            for (const item of value)
                out += renderSection(inner, [...stack, item], unknown);
        }
        else if (!empty) {
            out += renderSection(inner, stack, unknown);
        }
    }
    return out + template.slice(cursor);
}
/** The matching `{{/name}}`, counting nested sections of the same name. */
function findClose(template, name, from) {
    const tags = new RegExp(`\\{\\{\\s*([#^/])\\s*${name.replace(/[.-]/g, '\\$&')}\\s*\\}\\}`, 'g');
    tags.lastIndex = from;
    let depth = 1;
    for (let match = tags.exec(template); match; match = tags.exec(template)) {
        depth += match[1] === '/' ? -1 : 1;
        if (depth === 0)
            return { start: match.index, after: match.index + match[0].length };
    }
    return { start: template.length, after: template.length };
}
