/**
 * A short fingerprint of some texts (FNV-1a, 64 bits, over their UTF-8): what a department file was
 * sent with, so that the answer shows whether a cell was changed. The texts are joined with a separator
 * no cell holds, so that ["ab", "c"] and ["a", "bc"] differ. It tells an edit, not an attack: anyone
 * can compute it (docs/contracts/roundtrip.md, "Identity"). Written here because the core imports no
 * package; held to the published test vectors (tests/unit/roundtripCore.test.ts).
 */

/** The UTF-8 bytes of a text (lone surrogates as U+FFFD, as TextEncoder writes them). */
export function utf8Bytes(text: string): number[] {
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i += 1) {
    let code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        code = 0x10000 + ((code - 0xd800) << 10) + (low - 0xdc00);
        i += 1;
      }
    }
    if (code >= 0xd800 && code <= 0xdfff) code = 0xfffd;
    if (code < 0x80) bytes.push(code);
    else if (code < 0x800) bytes.push(0xc0 | (code >> 6), 0x80 | (code & 0x3f));
    else if (code < 0x10000) bytes.push(0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f));
    else bytes.push(0xf0 | (code >> 18), 0x80 | ((code >> 12) & 0x3f), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f));
  }
  return bytes;
}

/**
 * FNV-1a with 64 bits (offset basis 0xcbf29ce484222325, prime 2^40 + 0x1b3), in four 16-bit limbs so
 * that every product stays an exact integer; 16 hex digits.
 */
export function fnv1a64(bytes: readonly number[]): string {
  let h0 = 0x2325;
  let h1 = 0x8422;
  let h2 = 0x9ce4;
  let h3 = 0xcbf2;
  for (const byte of bytes) {
    h0 ^= byte;
    // h × (2^40 + 0x1b3): each limb times 0x1b3, and h shifted by 40 bits (two limbs and 8 bits).
    const t0 = h0 * 0x1b3;
    let t1 = h1 * 0x1b3;
    let t2 = h2 * 0x1b3 + (h0 << 8);
    const t3 = h3 * 0x1b3 + (h1 << 8);
    t1 += t0 >>> 16;
    h0 = t0 & 0xffff;
    t2 += t1 >>> 16;
    h1 = t1 & 0xffff;
    h3 = (t3 + (t2 >>> 16)) & 0xffff;
    h2 = t2 & 0xffff;
  }
  return [h3, h2, h1, h0].map((limb) => limb.toString(16).padStart(4, "0")).join("");
}

export function fingerprint(texts: readonly string[]): string {
  return fnv1a64(utf8Bytes(texts.join("\u0000")));
}
