/** Result of turning a file's bytes into text. */
export type DecodeResult =
  | { ok: true; text: string; encoding: string; hadBom: boolean }
  | { ok: false; encoding: string; reason: 'invalid-utf8' | 'binary' | 'unsupported-encoding'; offset: number };

const UTF8_BOM = [0xef, 0xbb, 0xbf];

/**
 * Decodes UTF-8 with or without BOM. Invalid byte sequences and NUL bytes are reported, never replaced,
 * because a silently mangled amount or name would be linted as if it were what the author wrote.
 */
export function decodeBytes(bytes: Uint8Array): DecodeResult {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { ok: false, encoding: 'UTF-16LE', reason: 'unsupported-encoding', offset: 0 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { ok: false, encoding: 'UTF-16BE', reason: 'unsupported-encoding', offset: 0 };
  const hadBom = UTF8_BOM.every((b, i) => bytes[i] === b);
  const body = hadBom ? bytes.subarray(3) : bytes;
  const nul = body.indexOf(0);
  if (nul !== -1) return { ok: false, encoding: 'binary', reason: 'binary', offset: nul };
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body);
    return { ok: true, text, encoding: 'UTF-8', hadBom };
  } catch {
    return { ok: false, encoding: 'unknown', reason: 'invalid-utf8', offset: firstInvalidUtf8(body) };
  }
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    const length = b < 0x80 ? 1 : b >> 5 === 0b110 ? 2 : b >> 4 === 0b1110 ? 3 : b >> 3 === 0b11110 ? 4 : 0;
    if (length === 0) return i;
    for (let k = 1; k < length; k++) if (i + k >= bytes.length || bytes[i + k] >> 6 !== 0b10) return i;
    i += length;
  }
  return i;
}
