/**
 * Streaming line splitting for Actions job logs, on bytes.
 *
 * Chunks can split a line, a UTF-8 sequence or a `\r\n` anywhere. `LineSplitter` hands out
 * blocks that hold whole lines only (zero-copy slices of the chunks it was given; a line that
 * crosses chunks is copied), and never keeps more than `MAX_LINE_BYTES` of one line: a 5 MB
 * line is still one line, its first 4 KiB kept. Decoding is per line, so a chunk boundary
 * inside a UTF-8 sequence cannot garble it, and invalid UTF-8 becomes U+FFFD.
 */
import { Buffer } from 'node:buffer';
import { parseLogLine } from './clean-log-line.js';
/** The most of one line that is kept (and decoded). */
export const MAX_LINE_BYTES = 4096;
const NEWLINE = 10;
const CARRIAGE_RETURN = 13;
/** A chunk as a Buffer, without copying bytes. */
function toBuffer(chunk) {
    if (typeof chunk === 'string')
        return Buffer.from(chunk, 'utf8');
    if (Buffer.isBuffer(chunk))
        return chunk;
    return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
}
/**
 * Where the kept part of a line ends: before a trailing `\r`, and at most `MAX_LINE_BYTES`
 * after `start`, moved back to a character boundary. `end` excludes the `\n`.
 */
export function keptLineEnd(buf, start, end) {
    let stop = end;
    if (stop > start && buf[stop - 1] === CARRIAGE_RETURN)
        stop--;
    if (stop - start > MAX_LINE_BYTES) {
        stop = start + MAX_LINE_BYTES;
        // do not cut a UTF-8 sequence: back up to its lead byte (continuation bytes are 10xxxxxx)
        let back = 0;
        while (back < 4 && stop > start && ((buf[stop] ?? 0) & 0xc0) === 0x80) {
            stop--;
            back++;
        }
    }
    return stop;
}
/** Decodes one line's kept bytes (see `keptLineEnd`) as UTF-8. */
export function decodeLine(buf, start, end) {
    return buf.toString('utf8', start, keptLineEnd(buf, start, end));
}
/**
 * Cuts a byte stream into blocks of whole lines. `onBlock(buf, start, end)` gets a range whose
 * every line ends with `\n` (a final line without one is passed at `end()` with a `\n` added).
 * The blocks share memory with the chunks written: do not modify a chunk after writing it.
 */
export class LineSplitter {
    onBlock;
    /** bytes written so far */
    bytes = 0;
    carry = [];
    carryBytes = 0;
    carryTruncated = false;
    constructor(onBlock) {
        this.onBlock = onBlock;
    }
    write(chunk) {
        const buf = toBuffer(chunk);
        this.bytes += buf.length;
        let start = 0;
        if (this.carryBytes > 0 || this.carryTruncated) {
            const newline = buf.indexOf(NEWLINE);
            if (newline < 0) {
                this.keep(buf, 0, buf.length);
                return;
            }
            this.keep(buf, 0, newline + 1);
            const line = this.takeCarry();
            this.onBlock(line, 0, line.length);
            start = newline + 1;
        }
        const last = buf.lastIndexOf(NEWLINE);
        if (last >= start) {
            this.onBlock(buf, start, last + 1);
            start = last + 1;
        }
        if (start < buf.length)
            this.keep(buf, start, buf.length);
    }
    /** Flushes a last line that has no `\n`. */
    end() {
        if (this.carryBytes > 0 || this.carryTruncated) {
            const line = this.takeCarry();
            this.onBlock(line, 0, line.length);
        }
    }
    /** Copies the bytes of a partial line, up to the cap (plus room for `\r\n`). */
    keep(buf, start, end) {
        const room = MAX_LINE_BYTES + 2 - this.carryBytes;
        const take = Math.min(end - start, Math.max(0, room));
        if (take > 0) {
            this.carry.push(Buffer.from(buf.subarray(start, start + take)));
            this.carryBytes += take;
        }
        if (take < end - start)
            this.carryTruncated = true;
    }
    takeCarry() {
        let line = Buffer.concat(this.carry, this.carryBytes);
        if (this.carryTruncated || line[line.length - 1] !== NEWLINE) {
            if (line[line.length - 1] === NEWLINE)
                line = line.subarray(0, line.length - 1);
            line = Buffer.concat([
                line.subarray(0, Math.min(line.length, MAX_LINE_BYTES + 1)),
                Buffer.from([NEWLINE])
            ]);
        }
        this.carry = [];
        this.carryBytes = 0;
        this.carryTruncated = false;
        return line;
    }
}
/**
 * Calls `onLine(buf, start, end)` for each line of a block from `LineSplitter` (`end`
 * excludes the `\n`; the line's bytes are not capped yet).
 */
export function forEachLine(buf, start, end, onLine) {
    let position = start;
    while (position < end) {
        let newline = buf.indexOf(NEWLINE, position);
        if (newline < 0 || newline >= end)
            newline = end;
        onLine(buf, position, newline);
        position = newline + 1;
    }
}
/**
 * The log's lines, parsed, one at a time. Convenient and fully streaming, but it decodes
 * every line: the analyzer works on the byte blocks instead.
 */
export async function* readLogLines(source) {
    const pending = [];
    let line = 0;
    let timestamps = false;
    const splitter = new LineSplitter((buf, start, end) => forEachLine(buf, start, end, (b, s, e) => {
        const parsed = parseLogLine(decodeLine(b, s, e));
        if (parsed.timestamp !== null)
            timestamps = true;
        line++;
        pending.push({ ...parsed, line, continuation: parsed.timestamp === null && timestamps });
    }));
    for await (const chunk of source) {
        splitter.write(chunk);
        yield* pending.splice(0);
    }
    splitter.end();
    yield* pending.splice(0);
}
