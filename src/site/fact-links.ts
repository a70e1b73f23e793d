/**
 * The `<!--fact:ID-->` mark after each number of a body, in rendered HTML. Readers never see it:
 * the published site drops it. The editors' preview turns each marked number into a highlight
 * that shows, on hover or keyboard focus, the fact id and the value the number stands for.
 */
import type { FrontMatter } from '../drafts/front-matter.ts';
import { FACT_LINK } from '../drafts/view-values.ts';

type Facts = FrontMatter['facts'];

export function stripFactLinks(html: string): string {
  return html.replace(FACT_LINK, '');
}

/**
 * Wraps the number before each mark in `<span class="fact">`. The number is the fact's display
 * text when the body still prints it; otherwise (an editor changed the number but kept the mark)
 * the word before the mark is highlighted as a mismatch, for the editor to compare.
 */
export function highlightFactLinks(html: string, facts: Facts | undefined): string {
  return html.replace(new RegExp(`([^<>]*)${FACT_LINK.source}`, 'g'), (_all, before: string, id: string) => {
    const fact = facts?.[id];
    const display = fact ? escapeHtml(fact.display) : undefined;
    if (fact && display && before.endsWith(display)) {
      return before.slice(0, -display.length) + factSpan(id, display, tip(id, fact), 'fact');
    }
    const word = /\S+$/.exec(before)?.[0] ?? '';
    const why = fact
      ? `${tip(id, fact)}; the text says ${word || 'nothing'}`
      : `${id}: not among the facts of this piece`;
    return (
      before.slice(0, before.length - word.length) + factSpan(id, word || '?', why, 'fact fact-mismatch')
    );
  });
}

function factSpan(id: string, text: string, tipText: string, className: string): string {
  return `<span class="${className}" tabindex="0" data-fact="${escapeHtml(id)}" data-tip="${escapeHtml(tipText)}">${text}</span>`;
}

function tip(id: string, fact: Facts[string]): string {
  const value =
    typeof fact.value === 'number' ? String(Number(fact.value.toPrecision(6))) : String(fact.value);
  return `${id} = ${value} (printed as ${fact.display})`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}
