/** Shared by the review tests: the fixture corpus and check options that match it. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type CheckOptions, checkText } from '../../src/review/check.ts';
import { ruleIdOf, severityOf } from '../../src/review/messages.ts';

export const FIXTURES = fileURLToPath(new URL('../fixtures/review/', import.meta.url));

/** The default `publication.disclaimer`, which the fixtures were generated with. */
export const DISCLAIMER =
  'This article is for information only and is not investment advice. Index levels are closing values; past performance does not predict future results.';

/** The default `publication.forwardReturnsDisclaimer`, printed under pattern studies. */
export const FORWARD_RETURNS_DISCLAIMER =
  'What followed earlier occurrences of a pattern says nothing certain about what follows this one.';

export function fixture(name: string): string {
  return readFileSync(`${FIXTURES}${name}`, 'utf8');
}

/** The fixtures were drafted from real data as of 2025-09-18; here that is the latest session. */
export function options(overrides: Partial<CheckOptions> = {}): CheckOptions {
  return {
    disclaimer: DISCLAIMER,
    legalText: [FORWARD_RETURNS_DISCLAIMER],
    freshness: { lead: 'RUT', latestSession: '2025-09-18' },
    ...overrides,
  };
}

/** `line:column severity rule` for every message, in file order. */
export async function messagesOf(text: string, name: string, overrides: Partial<CheckOptions> = {}) {
  const checked = await checkText(text, name, options(overrides));
  return {
    ...checked,
    lines: checked.file.messages.map((m) => `${m.line}:${m.column} ${severityOf(m)} ${ruleIdOf(m)}`),
  };
}
