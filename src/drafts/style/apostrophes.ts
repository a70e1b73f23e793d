/**
 * One apostrophe style throughout a piece: straight ('), the one the markdown source carries.
 * The site's markdown pipeline (Astro's remark with SmartyPants) curls them when it renders, so
 * straight in the source reads curly on the page, and a curly one typed into an input (a quote,
 * an editor's note) would otherwise sit beside straight ones in the file.
 */

const CURLY_APOSTROPHE = /(?<=[\p{L}\p{N}])[’‘](?=\p{L})|(?<=s)’(?=\s|$|[.,;:])/gu;

/** "S&P 500’s" → "S&P 500's"; quotation marks are left as they are. */
export function straightApostrophes(text: string): string {
  return text.replace(CURLY_APOSTROPHE, "'");
}

/** Whether a text uses both styles of apostrophe. */
export function mixedApostrophes(text: string): boolean {
  const curly = /(?<=[\p{L}\p{N}])’(?=\p{L})/u.test(text);
  const straight = /(?<=[\p{L}\p{N}])'(?=\p{L})/u.test(text);
  return curly && straight;
}
