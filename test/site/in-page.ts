/**
 * Types for the browser APIs that tests call inside `page.evaluate`. The project compiles
 * without the DOM library (its code runs in Node), so these few are declared here; in a callback
 * write `(globalThis as unknown as InPage).DOMParser`, which the browser runs as plain JS.
 */
export interface XmlNode {
  textContent: string | null;
  querySelector(selector: string): XmlNode | null;
  querySelectorAll(selector: string): Iterable<XmlNode>;
  getElementsByTagName(name: string): Iterable<XmlNode>;
}

export interface AxeViolation {
  id: string;
  impact: 'minor' | 'moderate' | 'serious' | 'critical' | null;
  nodes: unknown[];
}

export interface InPage {
  DOMParser: new () => { parseFromString(text: string, type: 'application/xml'): XmlNode };
  getComputedStyle(element: unknown, pseudo: string): { content: string };
  axe: { run(): Promise<{ violations: AxeViolation[] }> };
}
