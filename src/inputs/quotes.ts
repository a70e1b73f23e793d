/**
 * `content/inputs/quotes.yaml`: quotes an editor collected, each with who said it, where and
 * when, and the topics it speaks to. Quotes are never invented: a story prints one only when an
 * editor supplied it (see `select-quote.ts`).
 *
 * The file is a YAML list. Each quote is validated alone: an invalid one is reported and left
 * out, the others are still used. A missing file means no quotes.
 */
import { z } from 'zod';
import type { InputProblem } from '../types.ts';
import { type Hints, isoDateField, parseYamlInput, readOptionalInput, validateYaml } from './yaml-lines.ts';

/** What a quote can be about; a story asks for the topic of the paragraph it would go in. */
export const QUOTE_TOPICS = [
  'small-caps',
  'rates',
  'fed',
  'records',
  'rally',
  'selloff',
  'pattern',
  'options',
  'value-growth',
  'outlook',
] as const;

export type QuoteTopic = (typeof QUOTE_TOPICS)[number];

const nonEmpty = z.string().trim().min(1, 'must not be empty');

const httpsUrl = z.string().superRefine((value, context) => {
  if (!URL.canParse(value)) {
    context.addIssue({ code: 'custom', message: 'is not a link', params: { rule: 'bad-source' } });
  } else if (new URL(value).protocol !== 'https:') {
    context.addIssue({ code: 'custom', message: 'must be an https:// link', params: { rule: 'not-https' } });
  }
});

const topic = z.custom<QuoteTopic>((value) => (QUOTE_TOPICS as readonly unknown[]).includes(value), {
  message: `must be one of ${QUOTE_TOPICS.join(', ')}`,
  params: { rule: 'unknown-topic' },
});

export const quoteSchema = z.strictObject({
  who: nonEmpty,
  /** As it follows the name, lower case: "chief strategist". */
  title: nonEmpty,
  organization: nonEmpty,
  /** The words quoted, without quotation marks: the template adds them. */
  text: nonEmpty,
  date: isoDateField,
  /** Where it was said or published: the article, the note, the transcript. */
  source: httpsUrl,
  topics: z.array(topic).min(1, 'needs at least one topic'),
});

export type Quote = z.infer<typeof quoteSchema>;

export interface QuotesResult {
  quotes: Quote[];
  problems: InputProblem[];
}

const HINTS: Hints = {
  'missing-field': 'Every quote needs who, title, organization, text, date, source and topics.',
  'unknown-field': 'The fields of a quote are who, title, organization, text, date, source and topics.',
  'bad-date': 'Write the date the words were said or published as YYYY-MM-DD, e.g. 2026-11-20.',
  'not-https': 'Link to the published source over https://.',
  'bad-source': 'Paste the full link to the published source, starting with https://.',
  'not-a-list':
    'Start each quote with "- who: ..." at the beginning of a line; see content/inputs/quotes.example.yaml.',
  'unknown-topic':
    'Use the topics listed in content/inputs/quotes.example.yaml, or ask for a new one to be added.',
  'invalid-field': 'Check the field against content/inputs/quotes.example.yaml.',
};

export function parseQuotes(source: string, file: string): QuotesResult {
  const { input, problems } = parseYamlInput(source, file, 'quotes');
  if (input.data === null || problems.some((p) => p.severity === 'error')) return { quotes: [], problems };
  if (!Array.isArray(input.data)) {
    const problem: InputProblem = {
      severity: 'error',
      code: 'quotes/not-a-list',
      message: 'the file must be a list of quotes',
      hint: HINTS['not-a-list'],
      file,
      line: 1,
    };
    return { quotes: [], problems: [...problems, problem] };
  }
  const quotes: Quote[] = [];
  input.data.forEach((item, index) => {
    const result = validateYaml(input, [index], item, quoteSchema, 'quotes', HINTS);
    if (result.value) quotes.push(result.value);
    problems.push(...result.problems);
  });
  return { quotes, problems };
}

/** Reads the quotes file at `path`; no file, no quotes. `file` is the path shown in problems. */
export function loadQuotes(path: string, file = path): QuotesResult {
  const source = readOptionalInput(path);
  return source === undefined ? { quotes: [], problems: [] } : parseQuotes(source, file);
}
