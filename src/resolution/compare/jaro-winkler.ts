// A position is matched when its slot holds the current call's stamp, so nothing needs clearing between calls.
let matchedX = new Int32Array(32);
let matchedY = new Int32Array(32);
let stamp = 0;

/**
 * Jaro-Winkler similarity (0–1), prefix scale 0.1 over at most 4 characters. Runs on reused
 * buffers: allocating two arrays per call dominated screening and scoring runs.
 */
export function jaroWinkler(a: string, b: string): number {
  if (a === b) return a.length === 0 ? 0 : 1;
  const lengthA = a.length;
  const lengthB = b.length;
  if (lengthA === 0 || lengthB === 0) return 0;
  if (matchedX.length < lengthA) matchedX = new Int32Array(lengthA * 2);
  if (matchedY.length < lengthB) matchedY = new Int32Array(lengthB * 2);
  if (++stamp === 0x7fffffff) {
    matchedX.fill(0);
    matchedY.fill(0);
    stamp = 1;
  }
  // Locals, not the module's lets, in the loops: V8 keeps them in registers.
  const seenA = matchedX;
  const seenB = matchedY;
  const current = stamp;
  const window = Math.max(0, Math.floor(Math.max(lengthA, lengthB) / 2) - 1);
  let matches = 0;
  for (let i = 0; i < lengthA; i++) {
    const code = a.charCodeAt(i);
    const to = Math.min(i + window + 1, lengthB);
    for (let j = Math.max(0, i - window); j < to; j++) {
      if (seenB[j] !== current && code === b.charCodeAt(j)) {
        seenA[i] = current;
        seenB[j] = current;
        matches++;
        break;
      }
    }
  }
  if (matches === 0) return 0;
  let transpositions = 0;
  for (let i = 0, j = 0; i < lengthA; i++) {
    if (seenA[i] !== current) continue;
    while (seenB[j] !== current) j++;
    if (a.charCodeAt(i) !== b.charCodeAt(j)) transpositions++;
    j++;
  }
  const jaro = (matches / lengthA + matches / lengthB + (matches - transpositions / 2) / matches) / 3;
  let prefix = 0;
  while (prefix < 4 && prefix < lengthA && prefix < lengthB && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
  return jaro + prefix * 0.1 * (1 - jaro);
}
