/**
 * Helpers shared by the formatters. The generated formatter index skips this file by name,
 * so everything here that is not a formatter must stay here.
 */
import path from 'node:path';
import type { Locale, Severity } from '../types.js';

const SEVERITY_WORDS: Readonly<Record<Locale, Readonly<Record<Severity, string>>>> = {
  zh: { error: '错误', warning: '警告', info: '提示' },
  en: { error: 'error', warning: 'warning', info: 'info' },
};

export function severityWord(severity: Severity, locale: Locale): string {
  return SEVERITY_WORDS[locale][severity];
}

/** `filePath` relative to `cwd` with forward slashes; absolute when it sits on another drive. */
export function relativePath(filePath: string, cwd: string): string {
  const relative = path.relative(cwd, path.resolve(cwd, filePath));
  return relative.split(path.sep).join('/');
}

export function absolutePath(filePath: string, cwd: string): string {
  return path.resolve(cwd, filePath);
}

/** Terminal columns taken by `text`: East Asian wide and fullwidth characters take two. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += charWidth(char.codePointAt(0) ?? 0);
  return width;
}

function charWidth(codePoint: number): number {
  if (codePoint < 0x20 || (codePoint >= 0x7f && codePoint < 0xa0)) return 0;
  if (isZeroWidth(codePoint)) return 0;
  return isWide(codePoint) ? 2 : 1;
}

const ZERO_WIDTH: ReadonlyArray<readonly [number, number]> = [
  [0x0300, 0x036f], // combining diacritical marks
  [0x200b, 0x200f], // zero-width space, joiners, direction marks
  [0xfe00, 0xfe0f], // variation selectors
];

/** East_Asian_Width W and F blocks (Unicode 15), merged into ranges. */
const WIDE: ReadonlyArray<readonly [number, number]> = [
  [0x1100, 0x115f],
  [0x231a, 0x231b],
  [0x2329, 0x232a],
  [0x23e9, 0x23ec],
  [0x2e80, 0x303e],
  [0x3041, 0x33ff],
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xa000, 0xa4cf],
  [0xa960, 0xa97f],
  [0xac00, 0xd7a3],
  [0xf900, 0xfaff],
  [0xfe10, 0xfe19],
  [0xfe30, 0xfe6f],
  [0xff00, 0xff60],
  [0xffe0, 0xffe6],
  [0x1f300, 0x1f64f],
  [0x1f900, 0x1f9ff],
  [0x20000, 0x2fffd],
  [0x30000, 0x3fffd],
];

function isZeroWidth(codePoint: number): boolean {
  return inRanges(codePoint, ZERO_WIDTH);
}

function isWide(codePoint: number): boolean {
  return inRanges(codePoint, WIDE);
}

function inRanges(codePoint: number, ranges: ReadonlyArray<readonly [number, number]>): boolean {
  return ranges.some(([low, high]) => codePoint >= low && codePoint <= high);
}

/** Pads `text` with spaces on the right to `width` terminal columns. */
export function padEndDisplay(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}
