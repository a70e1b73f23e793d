/**
 * The one escaper for text wirecopy puts into markup (issue 14: there were four): HTML pages,
 * the newsletter's mustache views, the SVG chart and the RSS item's HTML. The five characters
 * that matter in text and in quoted attribute values, as the references every HTML and XML
 * reader knows. Not mustache's own escaping, which also encodes `/` and `=` and so turns each
 * link into `https:&#x2F;&#x2F;...` (valid, but not what an email service's link tracking finds).
 */
const REFERENCES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(value: unknown): string {
  return String(value).replace(/[&<>"']/g, (c) => REFERENCES[c]!);
}
