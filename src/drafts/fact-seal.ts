/**
 * The facts as the generator wrote them, sealed into the draft itself (`generator.facts`): review
 * holds the `facts` block to them, so a number edited together with its fact is caught whichever
 * store `check` runs against, and even when the store never got the generated text (a draft
 * written by a run that was killed, or checked on another machine).
 *
 * Sealed, not written out: a readable copy next to `facts` is one an editor would edit too. The
 * seal is the JSON of the facts, deflated and base64-encoded, on one line an editor can ignore.
 */
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { FrontMatter } from '../content/front-matter.ts';

type Facts = FrontMatter['facts'];

const PREFIX = 'deflate-base64:';

export function sealFacts(facts: Facts): string {
  return PREFIX + deflateRawSync(JSON.stringify(facts)).toString('base64');
}

/** The facts in a seal; undefined when the text is not one (damaged, or edited by hand). */
export function unsealFacts(seal: unknown): Facts | undefined {
  if (typeof seal !== 'string' || !seal.startsWith(PREFIX)) return undefined;
  try {
    const value: unknown = JSON.parse(
      inflateRawSync(Buffer.from(seal.slice(PREFIX.length), 'base64')).toString('utf8'),
    );
    return value !== null && typeof value === 'object' && !Array.isArray(value)
      ? (value as Facts)
      : undefined;
  } catch {
    return undefined;
  }
}
