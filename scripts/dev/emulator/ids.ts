// Deterministic ids: the same scenario yields the same ids in every run, so snapshots are stable.

/** 32-bit FNV-1a. */
export function hash(text: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return h >>> 0
}

/** A GitHub-looking global node id, e.g. `I_kwDOAbc…` for an issue. */
export function nodeId(prefix: string, ...parts: (string | number)[]): string {
  return `${prefix}_kwDO${Buffer.from(parts.join(':')).toString('base64url')}`
}

/** A 40-hex commit sha derived from a name, for refs the scenario doesn't pin. */
export function fakeSha(seed: string): string {
  let out = ''
  for (let i = 0; out.length < 40; i++) out += hash(`${seed}#${i}`).toString(16).padStart(8, '0')
  return out.slice(0, 40)
}
