/**
 * Referring expressions that vary: the first mention of the index is its name, later ones take
 * turns among the words a reader knows mean the same thing ("the index", "small caps", "the
 * small-cap benchmark"), and the name comes back after a mention of another index so "the
 * index" is never ambiguous. Every form here is one the claim check's subject lexicon
 * (src/language/subjects.ts) reads as the Russell 2000.
 */
import { LAMBDA } from '../variation.ts';

export const RUSSELL_2000_REFERENCES = {
  name: 'the Russell 2000',
  /**
   * Later mentions, in turn; "small caps" takes a plural verb. "The index" could mean any index
   * the text just named; the other two cannot mean a large-cap one.
   */
  later: [
    { text: 'the index', plural: false, anyIndex: true },
    { text: 'small caps', plural: true, anyIndex: false },
    { text: 'the small-cap benchmark', plural: false, anyIndex: false },
  ],
} as const;

export interface Reference {
  text: string;
  plural: boolean;
}

/**
 * A referrer for one piece. `next()` gives the next mention, passing over the forms `avoid`
 * says the text around already uses; `otherIndexMentioned()` says a sentence named another
 * index. After a large-cap one ("The Russell 2000 has beaten the S&P 500 ...") the next mention
 * is one that cannot mean it: the name, or a small-cap word when the name was the last mention
 * (the name twice running reads as a list); after a small-cap one (the Russell 2000 Value
 * index) only the name is unambiguous.
 */
export function createReferrer(references = RUSSELL_2000_REFERENCES) {
  let turn = 0;
  let nameDue = true;
  let lastWasName = false;
  let onlySmallCapWords = false;
  return {
    next(avoid: (text: string) => boolean = () => false): Reference {
      if (nameDue) {
        nameDue = false;
        onlySmallCapWords = false;
        lastWasName = true;
        return { text: references.name, plural: false };
      }
      const { later } = references;
      const fits = (k: number) => {
        const form = later[(turn + k) % later.length]!;
        return !(onlySmallCapWords && form.anyIndex) && !avoid(form.text);
      };
      let step = 0;
      while (step < later.length && !fits(step)) step++;
      if (step === later.length)
        step = later.findIndex((_, k) => !(onlySmallCapWords && later[(turn + k) % later.length]!.anyIndex));
      const form = later[(turn + step) % later.length]!;
      turn += step + 1;
      onlySmallCapWords = false;
      lastWasName = false;
      return { text: form.text, plural: form.plural };
    },
    otherIndexMentioned(kind: 'large-cap' | 'small-cap' = 'large-cap') {
      if (kind === 'large-cap' && lastWasName) onlySmallCapWords = true;
      else nameDue = true;
    },
  };
}

/** "The index" at the start of a sentence. */
export function capitalized(reference: Reference): string {
  return reference.text.charAt(0).toUpperCase() + reference.text.slice(1);
}

/*
 * Wiring into the templates. `{{#Ref}}rises|rises{{/Ref}}` (sentence-initial) and
 * `{{#ref}}is|are{{/ref}}` name the next mention with its verb, singular|plural;
 * `{{#ref}}ended{{/ref}}` takes one form for both, `{{#ref}}'s{{/ref}}` the possessive ("the
 * index's", "small caps'") and `{{#ref}}{{/ref}}` the bare mention. `{{its}}` is the pronoun that
 * agrees with the last mention ("its", "their"), `{{it}}` the same for "it", "they".
 *
 * The lambda only leaves a marker; `resolveReferences` turns the markers into words over the
 * finished text, in reading order. So the words depend on the text a reader gets and nothing
 * else: the number budget's re-renderings, and the phrasings it renders only to judge them,
 * use up no mentions, and the same piece gets the same words every time.
 */
const OPEN = '\uE000';
const SEP = '\uE001';
const CLOSE = '\uE002';
const PRONOUN = '\uE003';
const PRONOUN_IT = '\uE004';
const MARKER = new RegExp(
  `${OPEN}([Cc])([vpb])${SEP}([^${SEP}${CLOSE}]*)${SEP}([^${CLOSE}]*)${CLOSE}|${PRONOUN}|${PRONOUN_IT}`,
  'g',
);

/**
 * Another index named between two mentions brings the name back. "Russell 2000 Value" and
 * "Russell 2000 Growth" are other indexes too; the IWM fund is not an index but is named
 * after this one, so after it "the index" would be ambiguous as well.
 */
const LARGE_CAP_INDEX = /S&P 500|Nasdaq|Dow Jones|Russell 1000/;
const SMALL_CAP_INDEX = /Russell 2000 (?:Value|Growth)|Russell 2000 ETF/;

type MustacheLambda = (text: string, render: (template: string) => string) => string;

function referenceSection(capital: boolean) {
  const section: MustacheLambda = (text, render) => {
    const body = render(text).trim();
    const kind = body === '' ? 'b' : body === "'s" ? 'p' : 'v';
    const [singular = '', plural = singular] = kind === 'v' ? body.split('|') : [];
    return `${OPEN}${capital ? 'C' : 'c'}${kind}${SEP}${singular.trim()}${SEP}${plural.trim()}${CLOSE}`;
  };
  return Object.assign(() => section, { [LAMBDA]: true as const });
}

/** The view's `ref`, `Ref`, `its` and `it`. */
export const referenceView = {
  ref: referenceSection(false),
  Ref: referenceSection(true),
  its: PRONOUN,
  it: PRONOUN_IT,
};

function nextMarkerAfter(text: string, from: number): number {
  const at = text.indexOf(OPEN, from);
  return at === -1 ? text.length : at;
}

/**
 * The text with every mention in words. With `nameOnly` (the summary and the social posts,
 * read on their own) each mention is the name.
 */
export function resolveReferences(
  text: string,
  options: { nameOnly?: boolean; references?: typeof RUSSELL_2000_REFERENCES } = {},
): string {
  const referrer = createReferrer(options.references);
  let plural = false;
  let since = 0;
  return text.replace(
    MARKER,
    (match, capital: string, kind: string, singular: string, pluralForm: string, offset: number) => {
      if (match === PRONOUN) return plural ? 'their' : 'its';
      if (match === PRONOUN_IT) return plural ? 'they' : 'it';
      const before = text.slice(since, offset);
      if (SMALL_CAP_INDEX.test(before)) referrer.otherIndexMentioned('small-cap');
      else if (LARGE_CAP_INDEX.test(before)) referrer.otherIndexMentioned('large-cap');
      since = offset + match.length;
      // A form the template writes itself nearby ("The small-cap index is ...") is not repeated.
      const around = `${before} ${text.slice(since, nextMarkerAfter(text, since))}`.toLowerCase();
      const next = referrer.next((form) => around.includes(form));
      const reference = options.nameOnly
        ? { text: (options.references ?? RUSSELL_2000_REFERENCES).name, plural: false }
        : next;
      plural = reference.plural;
      const words = capital === 'C' ? capitalized(reference) : reference.text;
      if (kind === 'b') return words;
      if (kind === 'p') return reference.plural && words.endsWith('s') ? `${words}'` : `${words}'s`;
      return `${words} ${reference.plural ? pluralForm : singular}`;
    },
  );
}
