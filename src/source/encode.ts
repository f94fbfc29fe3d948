import iconv from 'iconv-lite';
import { CODEC_OF, decodeBytes, type SupportedEncoding } from './decode.js';

/**
 * Stores `text` the way `originalBytes` were stored — same encoding, same byte-order mark — so that writing a fixed
 * filing back never changes its encoding behind the author's back. Since decodeBytes only accepts decodings that
 * encode back to the very same bytes, every byte outside the fixed ranges comes out exactly as it was read.
 *
 * Returns undefined when the original bytes were not accepted by decodeBytes: such a file is never fixed.
 */
export function encodeLike(originalBytes: Uint8Array, text: string): Uint8Array | undefined {
  const original = decodeBytes(originalBytes);
  if (!original.ok) return undefined;
  return encodeText(text, original.encoding, original.hadBom);
}

/** `text` in `encoding`, led by the encoding's byte-order mark when `withBom`. */
export function encodeText(text: string, encoding: SupportedEncoding, withBom: boolean): Uint8Array {
  return iconv.encode(text, CODEC_OF[encoding], { addBOM: withBom });
}
