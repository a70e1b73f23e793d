/**
 * RFC 4180-ish splitting of CSV text into records of fields, with the 1-based line each record
 * starts on, so every problem can point at a line of the file as an editor sees it.
 *
 * Accepts what real exports contain: a UTF-8 byte-order mark, CRLF or LF (or old Mac CR-only)
 * line ends, blank and comma-only lines (skipped), and quoted fields with commas, doubled quotes
 * and line breaks inside. Fields are returned as written; callers trim what they parse.
 */

export interface CsvRecord {
  /** The 1-based line of the file the record starts on. */
  line: number;
  fields: string[];
}

export interface CsvTokens {
  records: CsvRecord[];
  /** The line a quoted field was opened on and never closed; the rest of the file is unread. */
  unclosedQuoteLine: number | null;
}

const BYTE_ORDER_MARK = 0xfeff;
const QUOTE = '"';

/**
 * Reads records one at a time, so a large file is never held as one array of rows: each row's
 * fields can be dropped as soon as the row is read, which keeps garbage collection cheap.
 */
export class CsvReader {
  private readonly text: string;
  private pos = 0;
  private line = 1;
  /** Set when reading stopped at a quoted field that never closes: the line it opened on. */
  unclosedQuoteLine: number | null = null;

  constructor(input: string) {
    const text = input.charCodeAt(0) === BYTE_ORDER_MARK ? input.slice(1) : input;
    // Classic Mac exports end lines with CR alone; a CRLF or LF file never needs this.
    this.text = !text.includes('\n') && text.includes('\r') ? text.replaceAll('\r', '\n') : text;
  }

  /** The next record that is not blank, or null at the end of the text. */
  next(): CsvRecord | null {
    const { text } = this;
    while (this.pos < text.length && this.unclosedQuoteLine === null) {
      const line = this.line;
      let end = text.indexOf('\n', this.pos);
      if (end === -1) end = text.length;
      const contentEnd = end > this.pos && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
      const raw = text.slice(this.pos, contentEnd);
      if (!raw.includes(QUOTE)) {
        // The fast path: nearly every line of a market file has no quotes at all.
        this.pos = end + 1;
        this.line += 1;
        if (!isBlank(raw)) return { line, fields: raw.split(',') };
        continue;
      }
      const quoted = readQuotedRecord(text, this.pos);
      if (quoted === null) {
        this.unclosedQuoteLine = line;
        return null;
      }
      this.pos = quoted.next;
      this.line += quoted.lineBreaks + 1;
      if (!quoted.fields.every(isBlank)) return { line, fields: quoted.fields };
    }
    return null;
  }
}

/** Every record at once: for small texts and tests. */
export function tokenizeCsv(input: string): CsvTokens {
  const reader = new CsvReader(input);
  const records: CsvRecord[] = [];
  for (let record = reader.next(); record !== null; record = reader.next()) records.push(record);
  return { records, unclosedQuoteLine: reader.unclosedQuoteLine };
}

/** Blank lines and comma-only lines (spreadsheet padding) carry no data. */
function isBlank(raw: string): boolean {
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c !== 44 /* , */ && c !== 32 && c !== 9 && c !== 13) return false;
  }
  return true;
}

interface QuotedRecord {
  fields: string[];
  /** Line breaks inside quoted fields, so the caller can keep counting lines. */
  lineBreaks: number;
  /** Where the next record starts. */
  next: number;
}

/** Reads one record that has quotes in it, character by character; null if a quote never closes. */
function readQuotedRecord(text: string, start: number): QuotedRecord | null {
  const fields: string[] = [];
  let field = '';
  let inQuotes = false;
  let lineBreaks = 0;
  let i = start;
  for (; i < text.length; i++) {
    const c = text[i]!;
    if (inQuotes) {
      if (c === QUOTE) {
        if (text[i + 1] === QUOTE) {
          field += QUOTE;
          i++;
        } else {
          inQuotes = false;
        }
      } else {
        if (c === '\n') lineBreaks++;
        field += c;
      }
    } else if (c === QUOTE) {
      inQuotes = true;
    } else if (c === ',') {
      fields.push(field);
      field = '';
    } else if (c === '\n') {
      break;
    } else if (c !== '\r') {
      field += c;
    }
  }
  if (inQuotes) return null;
  fields.push(field);
  return { fields, lineBreaks, next: i + 1 };
}
