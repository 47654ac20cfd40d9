import { escapeInline } from './escape-markdown.js';
/** A markdown link whose URL came from the API; anything else is shown as plain text. */
export function link(text, url) {
    // Our own issue and PR numbers stay plain, so GitHub cross-links them; any other text is escaped.
    const label = /^#\d+$/.test(text) ? text : escapeInline(text);
    if (!url || !/^https?:\/\/[^\s()<>]+$/.test(url))
        return label;
    return `[${label}](${url})`;
}
