import { decodeLine } from './read-log-lines.js';
/** Recent lines are kept up to this many bytes, however few lines that is. */
const HISTORY_MAX_BYTES = 32 * 1024 * 1024;
/**
 * The most recent blocks of the log, so recent lines can be decoded again: at least
 * `keepLines` lines, while they fit in HISTORY_MAX_BYTES. Blocks are the chunks themselves,
 * not copies: only a line-start index is added per block.
 */
export class LineHistory {
    keepLines;
    constructor(keepLines) {
        this.keepLines = keepLines;
    }
    blocks = [];
    lines = 0;
    bytes = 0;
    /** line-start arrays of dropped blocks, reused (one per chunk would keep the GC busy) */
    spare = [];
    open(buf, start, end, firstLine) {
        const wanted = Math.max(16, ((end - start) >> 5) + 1);
        const reused = this.spare.pop();
        const block = {
            buf,
            starts: reused !== undefined && reused.length >= wanted ? reused : new Int32Array(wanted),
            count: 0,
            end,
            firstLine
        };
        this.blocks.push(block);
        this.bytes += end - start;
        return block;
    }
    static grow(block) {
        const grown = new Int32Array(block.starts.length * 2);
        grown.set(block.starts);
        block.starts = grown;
    }
    close(block) {
        this.lines += block.count;
        // drop old blocks while the rest still holds enough lines, or when over the byte budget
        while (this.blocks.length > 1) {
            const oldest = this.blocks[0];
            const overLines = this.lines - oldest.count >= this.keepLines;
            const overBytes = this.bytes > HISTORY_MAX_BYTES;
            if (!overLines && !overBytes)
                break;
            this.blocks.shift();
            this.lines -= oldest.count;
            this.bytes -= oldest.end - (oldest.starts[0] ?? oldest.end);
            if (this.spare.length < 4)
                this.spare.push(oldest.starts);
        }
    }
    /** The raw text of a recent line, or null when it is no longer kept. */
    raw(line) {
        for (let i = this.blocks.length - 1; i >= 0; i--) {
            const block = this.blocks[i];
            if (line < block.firstLine)
                continue;
            const index = line - block.firstLine;
            if (index >= block.count)
                return null;
            const start = block.starts[index];
            const next = index + 1 < block.count ? block.starts[index + 1] : block.end;
            const end = block.buf[next - 1] === 10 ? next - 1 : next;
            return decodeLine(block.buf, start, end);
        }
        return null;
    }
}
