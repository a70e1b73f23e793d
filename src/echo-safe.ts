/**
 * Text from a file (a CSV header, a cell, a YAML key, a sentence of a draft) as it may be echoed
 * in a message. A file is not trusted to be kind to a terminal: an escape sequence in a header
 * can retitle the window, clear the screen or fake output, and a 5 MB header must not become a
 * 5 MB warning line. So control characters are shown as visible escapes (`\x1b`, `\n`, `\u202e`)
 * and echoed input is cut to about 80 characters with "…".
 */

/** How much of one echoed piece of input is shown. */
export const ECHO_LIMIT = 80;
/** How many items of an echoed list (column names) are shown before "and N more". */
export const ECHO_ITEMS = 10;

/**
 * C0 and C1 controls, DEL, and the Unicode format characters that reorder or hide text
 * (bidirectional overrides and isolates, zero-width marks, the BOM): never printed as they are.
 */
function isUnsafe(char: string): boolean {
  const code = char.codePointAt(0)!;
  return (
    code <= 0x1f ||
    (code >= 0x7f && code <= 0x9f) ||
    (code >= 0x200b && code <= 0x200f) ||
    (code >= 0x2028 && code <= 0x202e) ||
    (code >= 0x2060 && code <= 0x2069) ||
    code === 0xfeff
  );
}
const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function escapeChar(char: string): string {
  const named = NAMED[char];
  if (named !== undefined) return named;
  const code = char.codePointAt(0)!;
  return code <= 0xff
    ? `\\x${code.toString(16).padStart(2, '0')}`
    : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** `text` with every control character shown as an escape; nothing cut. For whole lines and paths. */
export function escapeControls(text: string): string {
  let out = '';
  for (const char of text) out += isUnsafe(char) ? escapeChar(char) : char;
  return out;
}

/**
 * One piece of input, safe to echo: controls escaped, at most `limit` characters (escapes
 * included, never split in two), the rest replaced by "…".
 */
export function echo(text: string, limit = ECHO_LIMIT): string {
  const pieces: string[] = [];
  let length = 0;
  for (const char of text) {
    const shown = isUnsafe(char) ? escapeChar(char) : char;
    pieces.push(shown);
    length += shown.length;
    if (length > limit) {
      while (length > limit - 1) length -= pieces.pop()!.length;
      return `${pieces.join('')}…`;
    }
  }
  return pieces.join('');
}

/** A list of input pieces (column names): each echoed, the first `items` shown, then how many more. */
export function echoList(list: readonly string[], items = ECHO_ITEMS, separator = ', '): string {
  const shown = list.slice(0, items).map((item) => echo(item));
  const rest = list.length - shown.length;
  return rest > 0 ? `${shown.join(separator)}${separator}and ${rest} more` : shown.join(separator);
}
