/**
 * "a" or "an" by the sound of what follows, as a reader says it aloud: "an 11.5% gain" (eleven),
 * "an 18.8% rise" (eighteen), "an 8% drop" (eight), "a 1.2% gain" (one), "an S&P 500 record"
 * (ess), "a one-time" (won), "an hour". Templates never hard-code the article: they wrap the
 * phrase in `{{#an}}…{{/an}}` (see `articleLambda`), and the style gate runs `wrongArticles`.
 */
import { LAMBDA } from '../variation.ts';
import { FACT_LINK } from '../view-values.ts';

/** Letters whose names start with a vowel sound, for initialisms ("an S&P", "an NYSE", "a U.S."). */
const VOWEL_LETTERS = new Set('AEFHILMNORSX');
/** Words spelled with a vowel but said with a consonant, and the reverse. */
const CONSONANT_SOUND = /^(?:one|once|uni(?!n)|use|usu|eu|ewe|ure)/i;
const VOWEL_SOUND = /^(?:hour|honest|honor|heir)/i;

/** The article a phrase takes: "an" for "11.5% gain", "a" for "1.2% gain". */
export function indefiniteArticle(phrase: string): 'a' | 'an' {
  const text = phrase.replace(FACT_LINK, '').replace(/^[\s"“‘'(*_$-]+/, '');
  const digits = /^(\d{1,3}(?:,\d{3})*|\d+)/.exec(text);
  if (digits) return numberTakesAn(digits[1]!.replaceAll(',', '')) ? 'an' : 'a';
  const word = /^[A-Za-z&.]+/.exec(text)?.[0] ?? '';
  if (word === '') return 'a';
  // An initialism is read letter by letter: "S&P", "NYSE", "ETF", "U.S.".
  if (/^[A-Z]{2,}|^[A-Z]&|^[A-Z]\./.test(word) && !/^[A-Z][a-z]/.test(word)) {
    return VOWEL_LETTERS.has(word[0]!) ? 'an' : 'a';
  }
  if (VOWEL_SOUND.test(word)) return 'an';
  if (CONSONANT_SOUND.test(word)) return 'a';
  return /^[aeiou]/i.test(word) ? 'an' : 'a';
}

/**
 * Whether a whole number, said aloud, starts with a vowel: 8, 80, 800 and 8,000 (eight…), 11
 * and 18 (eleven, eighteen), and 11,000 or 18,500 (eleven/eighteen thousand). 1,100 is "one
 * thousand one hundred" (a), 110 "one hundred ten" (a).
 */
function numberTakesAn(whole: string): boolean {
  if (whole.startsWith('8')) return true;
  // Said in groups of three: a leading group of two digits "11" or "18" is eleven/eighteen.
  const leadingGroup = whole.length % 3 === 0 ? 3 : whole.length % 3;
  return leadingGroup === 2 && (whole.startsWith('11') || whole.startsWith('18'));
}

/** "an 11.5% gain": the phrase with its article. */
export function withArticle(phrase: string): string {
  return `${indefiniteArticle(phrase)} ${phrase}`;
}

/**
 * The `{{#an}}{{abs.SPX.return.ytd}} gain{{/an}}` lambda: renders what it wraps, then puts the
 * right article before it.
 */
export const articleLambda = Object.assign(
  () => (text: string, render: (template: string) => string) => withArticle(render(text)),
  { [LAMBDA]: true as const },
);

export interface ArticleMistake {
  /** "a 11.5%" as printed (fact links removed). */
  text: string;
  expected: 'a' | 'an';
  index: number;
}

/** Every "a"/"an" whose next word takes the other one, in prose with its fact links removed. */
export function wrongArticles(prose: string): ArticleMistake[] {
  const text = prose.replace(FACT_LINK, '');
  const mistakes: ArticleMistake[] = [];
  for (const m of text.matchAll(/(?<![\w'’-])(a|an|A|An)\s+([^\s]+)/g)) {
    const next = m[2]!;
    // Letters used as letters ("a 'b'") and list markers are not articles worth judging.
    if (!/^[\w$]/.test(next)) continue;
    const expected = indefiniteArticle(next);
    if (expected !== m[1]!.toLowerCase()) mistakes.push({ text: m[0], expected, index: m.index });
  }
  return mistakes;
}
