/**
 * Bytes → text. Scraped files come in every encoding; we accept UTF-8 (with
 * or without BOM) and BOM-marked UTF-16, refuse binary, and decode broken
 * UTF-8 leniently but say where it broke, so nothing is lost silently.
 */
import { isUtf8 } from 'node:buffer';

export interface Decoded {
  text: string;
  warnings: string[];
}

/** Byte offset of the first invalid UTF-8 sequence (WHATWG rules), or -1. */
export function firstInvalidUtf8(buf: Uint8Array): number {
  const n = buf.length;
  let i = 0;
  while (i < n) {
    const b = buf[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    // Lead byte → number of continuation bytes and the allowed range of the first one
    // (the narrowed ranges reject overlongs, surrogates and code points above U+10FFFF).
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lo = 0xa0;
      if (b === 0xed) hi = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lo = 0x90;
      if (b === 0xf4) hi = 0x8f;
    } else return i;
    if (i + need >= n) return i; // truncated at the end of the input
    const c = buf[i + 1];
    if (c < lo || c > hi) return i;
    for (let k = 2; k <= need; k++) {
      const d = buf[i + k];
      if (d < 0x80 || d > 0xbf) return i;
    }
    i += need + 1;
  }
  return -1;
}

/** Byte offset (from the start of `buf`) of the first unpaired surrogate or odd trailing byte, or -1. */
function firstInvalidUtf16(buf: Uint8Array, littleEndian: boolean): number {
  const unit = (i: number) => (littleEndian ? buf[i] | (buf[i + 1] << 8) : (buf[i] << 8) | buf[i + 1]);
  const end = buf.length - (buf.length % 2);
  for (let i = 0; i < end; i += 2) {
    const u = unit(i);
    if (u >= 0xd800 && u <= 0xdbff) {
      if (i + 2 < end && (unit(i + 2) & 0xfc00) === 0xdc00) i += 2;
      else return i;
    } else if (u >= 0xdc00 && u <= 0xdfff) return i;
  }
  return end < buf.length ? end : -1;
}

function decodeUtf16(buf: Buffer, name: string, littleEndian: boolean): Decoded {
  const label = littleEndian ? 'utf-16le' : 'utf-16be';
  const body = buf.subarray(2);
  const text = new TextDecoder(label, { ignoreBOM: true }).decode(body);
  const bad = firstInvalidUtf16(body, littleEndian);
  const warnings = bad === -1 ? [] : [`${name}: invalid ${label.toUpperCase()} at byte offset ${bad + 2}, decoded with U+FFFD`];
  return { text, warnings };
}

/** Decode one input. Throws on binary content (a NUL byte outside UTF-16). */
export function decodeInput(buf: Buffer, name: string): Decoded {
  if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe) return decodeUtf16(buf, name, true);
  if (buf.length >= 2 && buf[0] === 0xfe && buf[1] === 0xff) return decodeUtf16(buf, name, false);
  const nul = buf.indexOf(0);
  if (nul !== -1) throw new Error(`${name}: binary content (NUL byte at byte offset ${nul}), skipped`);
  const bom = buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf ? 3 : 0;
  const body = buf.subarray(bom);
  const text = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true }).decode(body);
  // isUtf8 is native and fast; the byte-by-byte scan only runs on broken input.
  if (isUtf8(body)) return { text, warnings: [] };
  const bad = firstInvalidUtf8(body) + bom;
  return { text, warnings: [`${name}: invalid UTF-8 at byte offset ${bad}, decoded with U+FFFD`] };
}
