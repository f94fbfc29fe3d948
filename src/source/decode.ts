import { createRequire } from 'node:module';

/** The encodings a filing may arrive in (names as reported in `DecodeResult.encoding`). */
export type SupportedEncoding = 'UTF-8' | 'UTF-16LE' | 'UTF-16BE' | 'GB18030';

/** Result of turning a file's bytes into text. */
export type DecodeResult =
  | { ok: true; text: string; encoding: SupportedEncoding; hadBom: boolean }
  | { ok: false; encoding: string; reason: 'invalid-utf8' | 'binary' | 'unsupported-encoding'; offset: number };

type ByteOrderMark = { bytes: readonly number[] } & ({ encoding: SupportedEncoding; refused?: false } | { encoding: string; refused: true });

/** Tested in this order: UTF-32LE's mark begins with UTF-16LE's. */
const BYTE_ORDER_MARKS: readonly ByteOrderMark[] = [
  { encoding: 'UTF-32LE', bytes: [0xff, 0xfe, 0x00, 0x00], refused: true },
  { encoding: 'UTF-32BE', bytes: [0x00, 0x00, 0xfe, 0xff], refused: true },
  { encoding: 'UTF-8', bytes: [0xef, 0xbb, 0xbf] },
  { encoding: 'UTF-16LE', bytes: [0xff, 0xfe] },
  { encoding: 'UTF-16BE', bytes: [0xfe, 0xff] },
];

/** The iconv-lite codec of each supported encoding, for decoding here and for writing fixed text back. */
export const CODEC_OF: Readonly<Record<SupportedEncoding, string>> = { 'UTF-8': 'utf8', 'UTF-16LE': 'utf16le', 'UTF-16BE': 'utf16be', GB18030: 'gb18030' };

/**
 * Turns a file's bytes into text. Never throws.
 *
 * - A byte-order mark decides: UTF-8, UTF-16LE and UTF-16BE are decoded; UTF-32 is refused by name.
 * - Without a mark: NUL bytes mean binary (or UTF-16 without a mark, refused by name); strict UTF-8 is taken as is;
 *   otherwise GB18030 (which includes GBK and GB2312) is taken when an encoding detector agrees, or when the detector
 *   has no better multi-byte answer and the decoded text looks like Chinese prose. Anything else is refused, naming
 *   the encoding the detector found (Big5, Shift_JIS, EUC-KR …).
 *
 * A decoding is only accepted when encoding the text again gives back exactly the same bytes: invalid or unmappable
 * bytes are reported, never replaced, because a silently mangled amount or name would be linted as if it were what
 * the author wrote — and because --fix writes the text back in the same encoding, which must not change any byte it
 * did not mean to change.
 */
export function decodeBytes(bytes: Uint8Array): DecodeResult {
  const mark = BYTE_ORDER_MARKS.find((candidate) => candidate.bytes.every((byte, index) => bytes[index] === byte));
  if (mark) {
    if (mark.refused) return { ok: false, encoding: mark.encoding, reason: 'unsupported-encoding', offset: 0 };
    const body = bytes.subarray(mark.bytes.length);
    if (mark.encoding === 'UTF-8') return decodeUtf8(body, true, mark.bytes.length);
    return decodeWith(body, mark.encoding, true, mark.bytes.length);
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    const guess = detectEncoding(bytes);
    if (guess && /^utf-(16|32)/i.test(guess.encoding) && guess.confidence >= 0.9) {
      return { ok: false, encoding: `${guess.encoding.toUpperCase().replace(/^UTF-(16|32)-/, 'UTF-$1')} without BOM`, reason: 'unsupported-encoding', offset: 0 };
    }
    return { ok: false, encoding: 'binary', reason: 'binary', offset: nul };
  }
  const utf8 = decodeUtf8(bytes, false, 0);
  if (utf8.ok || isMostlyUtf8(bytes)) return utf8;
  return decodeChinese(bytes) ?? utf8;
}

/**
 * GB18030 for bytes that are neither UTF-8 nor marked; undefined when nothing better than "invalid UTF-8" can be
 * said about them.
 */
function decodeChinese(bytes: Uint8Array): DecodeResult | undefined {
  const guess = detectEncoding(bytes);
  const family = guess ? familyOf(guess.encoding) : 'unknown';
  const gb = decodeWith(bytes, 'GB18030', false, 0);
  if (family === 'gb') return gb;
  // damaged UTF-8 (or UTF-16 that lost its mark): reported as invalid UTF-8 at the first bad byte
  if (family === 'utf') return undefined;
  if (gb.ok && family !== 'other-multibyte' && looksLikeChineseProse(gb.text)) return gb;
  // A multi-byte East Asian answer rests on the byte structure and is worth naming even when the text is short;
  // a single-byte guess only when the detector itself stands by it.
  if (guess && (family === 'other-multibyte' || guess.confidence >= 0.2)) return { ok: false, encoding: guess.encoding, reason: 'unsupported-encoding', offset: 0 };
  return undefined;
}

function decodeUtf8(body: Uint8Array, hadBom: boolean, bomLength: number): DecodeResult {
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body);
    return { ok: true, text, encoding: 'UTF-8', hadBom };
  } catch {
    return { ok: false, encoding: 'unknown', reason: 'invalid-utf8', offset: bomLength + firstInvalidUtf8(body) };
  }
}

type IconvLite = typeof import('iconv-lite');
let iconvLite: IconvLite | undefined;

/**
 * iconv-lite, loaded on first use (synchronously, so that decoding stays synchronous): UTF-8 files, almost all of
 * them, are decoded by TextDecoder and never need it.
 */
function iconv(): IconvLite {
  iconvLite ??= createRequire(import.meta.url)('iconv-lite') as IconvLite;
  return iconvLite;
}

/** Decodes with iconv-lite and accepts the text only if it encodes back to the very same bytes. */
function decodeWith(body: Uint8Array, encoding: SupportedEncoding, hadBom: boolean, bomLength: number): DecodeResult {
  const codec = CODEC_OF[encoding];
  const buffer = Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  const text = iconv().decode(buffer, codec, { stripBOM: false });
  const mismatch = firstDifference(iconv().encode(text, codec, { addBOM: false }), buffer);
  if (mismatch !== -1 || LONE_SURROGATE.test(text)) {
    return { ok: false, encoding, reason: 'unsupported-encoding', offset: bomLength + (mismatch === -1 ? 0 : mismatch) };
  }
  return { ok: true, text, encoding, hadBom };
}

const LONE_SURROGATE = /\p{Surrogate}/u;

function firstDifference(a: Uint8Array, b: Uint8Array): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) if (a[i] !== b[i]) return i;
  return a.length === b.length ? -1 : length;
}

/**
 * UTF-8 with a few damaged bytes (more well-formed multi-byte sequences than broken ones) is reported as invalid
 * UTF-8 at the first damaged byte rather than read as GB18030, where it would decode to plausible-looking mojibake.
 */
function isMostlyUtf8(bytes: Uint8Array): boolean {
  const lenient = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true }).decode(bytes);
  let wellFormed = 0;
  let broken = 0;
  for (const char of lenient) {
    if (char === '\ufffd') broken++;
    else if (char.codePointAt(0)! >= 0x80) wellFormed++;
  }
  return wellFormed > broken;
}

/**
 * Characters a Chinese filing is written in: ASCII, Han, CJK and full-width punctuation, and the symbols found in
 * targets and amounts (≥ ≤ × ° ① Ⅱ …). Text decoded with the wrong Chinese encoding turns into Han characters
 * too, so this check only backs up the detector; it never overrules a multi-byte answer from it.
 */
const CHINESE_PROSE = /^[\t\n\r\x20-\x7e\p{Script=Han}\u00a0-\u00ff\u2000-\u206f\u2100-\u22ff\u2460-\u24ff\u2500-\u26ff\u3000-\u303f\uff00-\uffef]*$/u;

function looksLikeChineseProse(text: string): boolean {
  return CHINESE_PROSE.test(text) && /\p{Script=Han}/u.test(text);
}

type EncodingFamily = 'gb' | 'utf' | 'other-multibyte' | 'single-byte' | 'unknown';

/** Multi-byte East Asian encodings other than the GB family, as jschardet names them (compared in lower case). */
const OTHER_MULTIBYTE = /^(big5|cp950|euc-tw|shift_jis|cp932|euc-jp|iso-2022-(jp|kr|cn)|euc-kr|cp949|uhc|johab)/;

function familyOf(encoding: string): EncodingFamily {
  const name = encoding.toLowerCase();
  if (/^(gb18030|gbk|gb2312|cp936|hz-gb-2312|euc-cn)$/.test(name)) return 'gb';
  if (name.startsWith('utf')) return 'utf';
  if (OTHER_MULTIBYTE.test(name)) return 'other-multibyte';
  return 'single-byte';
}

interface EncodingGuess {
  encoding: string;
  confidence: number;
}

/** The detector looks at the first bytes only; a filing declares its encoding well before 200 KB. */
const DETECTION_SAMPLE_BYTES = 200_000;

type Jschardet = typeof import('jschardet');
let jschardet: Jschardet | undefined;

/**
 * jschardet's guess. It is loaded on first use (synchronously, so that decoding stays synchronous): almost every
 * file is UTF-8 and never needs it, and loading its model costs ~40 ms.
 */
function detectEncoding(bytes: Uint8Array): EncodingGuess | undefined {
  jschardet ??= createRequire(import.meta.url)('jschardet') as Jschardet;
  try {
    const { encoding, confidence } = jschardet.detect(bytes.subarray(0, DETECTION_SAMPLE_BYTES));
    return encoding ? { encoding, confidence } : undefined;
  } catch {
    return undefined;
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
