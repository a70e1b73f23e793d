/**
 * The search page's script, the only script on the site. Pagefind's index and API load when the
 * reader focuses the search box or arrives with a query (`/search/?q=...` from the header form);
 * results are links with Pagefind's excerpt, announced through a live status line.
 */
interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: { title?: string };
}
interface Pagefind {
  search(query: string): Promise<{ results: Array<{ data(): Promise<PagefindResultData> }> }>;
}

const MAX_RESULTS = 20;
const form = document.querySelector<HTMLFormElement>('#search-page-form');
const input = document.querySelector<HTMLInputElement>('#search-query');
const statusLine = document.querySelector<HTMLElement>('#search-status');
const list = document.querySelector<HTMLOListElement>('#search-results');

let pagefind: Promise<Pagefind> | undefined;
function loadPagefind(): Promise<Pagefind> {
  // A URL, not a module path: the index is written after the build, so bundling cannot see it.
  const url = '/pagefind/pagefind.js';
  pagefind ??= import(/* @vite-ignore */ url) as Promise<Pagefind>;
  return pagefind;
}

async function search(query: string): Promise<void> {
  if (!statusLine || !list) return;
  list.replaceChildren();
  if (!query.trim()) {
    statusLine.textContent = 'Type a word to search the articles.';
    return;
  }
  statusLine.textContent = 'Searching…';
  try {
    const { results } = await (await loadPagefind()).search(query);
    const found = await Promise.all(results.slice(0, MAX_RESULTS).map((r) => r.data()));
    list.replaceChildren(...found.map(resultItem));
    const shown = results.length > MAX_RESULTS ? `, showing the first ${MAX_RESULTS}` : '';
    statusLine.textContent = `${results.length} ${results.length === 1 ? 'article' : 'articles'} found for “${query}”${shown}.`;
  } catch {
    statusLine.textContent = 'Search is not available right now. The archive lists every piece.';
  }
}

function resultItem(data: PagefindResultData): HTMLLIElement {
  const item = document.createElement('li');
  const heading = document.createElement('h2');
  const link = document.createElement('a');
  link.href = data.url;
  link.textContent = data.meta.title ?? data.url;
  heading.append(link);
  const excerpt = document.createElement('p');
  // Pagefind escapes the page text and adds only <mark> around the matched words.
  excerpt.innerHTML = data.excerpt;
  item.append(heading, excerpt);
  return item;
}

input?.addEventListener('focus', () => void loadPagefind(), { once: true });
form?.addEventListener('submit', (event) => {
  event.preventDefault();
  const query = input?.value ?? '';
  history.replaceState(null, '', `?q=${encodeURIComponent(query)}`);
  void search(query);
});
const initial = new URLSearchParams(location.search).get('q');
if (initial && input) {
  input.value = initial;
  void search(initial);
}
