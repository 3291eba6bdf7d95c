/**
 * JSON for output. U+2028/U+2029 are valid in JSON but end a line in
 * JavaScript source and some line readers, and U+0085 (NEL) breaks line-based
 * tools; escaping keeps every JSON document on one physical line everywhere.
 */
const LINE_BREAKS = /[\u2028\u2029\u0085]/g;

export function toJson(value: unknown): string {
  // These characters can only occur inside JSON strings, where `\uXXXX` means the same.
  return JSON.stringify(value).replace(LINE_BREAKS, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));
}
