// Terminal escape sequences, in ECMA-48 terms. Each branch is anchored on ESC (or a C1 byte) and
// its quantified classes are disjoint, so matching stays linear even on a 5 MB line.
// - string controls (OSC ESC], DCS ESC P, SOS ESC X, PM ESC ^, APC ESC _, and their C1 forms)
//   run to BEL or ST; unterminated ones stop at the end of the line. OSC 8 hyperlinks are two
//   such strings around the visible text:
//     '\x1b]8;;https://evil.example\x07click\x1b]8;;\x07' → 'click'
// - CSI (ESC [ or C1 0x9B): parameters 0x30–0x3F, intermediates 0x20–0x2F, final 0x40–0x7E
//     '\x1b[1;31mFAIL\x1b[0m' → 'FAIL'
// - any other ESC sequence: intermediates then one final byte ('\x1b(B', '\x1b7', '\x1bM')
/* eslint-disable no-control-regex -- matching control characters is the point */
export const ANSI = /(?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])[^\x07\x1b\x9c\n]*(?:\x07|\x1b\\|\x9c)?|(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]?|\x1b[ -/]*[0-~]?/g;
/** The C1 control characters (U+0080–U+009F) that are left once the sequences are gone. */
const C1_CONTROLS = /[\x80-\x9f]/g;
const HAS_ESCAPE = /[\x1b\x80-\x9f]/;
/* eslint-enable no-control-regex */
/** Removes terminal escape sequences (colours, cursor moves, OSC 8 hyperlinks) and C1 controls. */
export function stripAnsi(text) {
    return HAS_ESCAPE.test(text) ? text.replace(ANSI, '').replace(C1_CONTROLS, '') : text;
}
