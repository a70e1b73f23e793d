/**
 * The search page's script, the only script on the site. Pagefind's index and API load when the
 * reader focuses the search box or arrives with a query (`/search/?q=...` from the header form);
 * results are links with the piece's as-of date and Pagefind's excerpt, a page at a time with a
 * "More results" button, announced through a live status line.
 */
import { formatDate } from '../../src/facts/format.ts';

interface PagefindResultData {
  url: string;
  excerpt: string;
  /** `date` is the piece's as-of date (YYYY-MM-DD), from `data-pagefind-meta` on the article. */
  meta: { title?: string; date?: string };
}
interface Pagefind {
  search(query: string): Promise<{ results: Array<{ data(): Promise<PagefindResultData> }> }>;
}

const PAGE = 20;
const form = document.querySelector<HTMLFormElement>('#search-page-form');
const input = document.querySelector<HTMLInputElement>('#search-query');
const statusLine = document.querySelector<HTMLElement>('#search-status');
const list = document.querySelector<HTMLOListElement>('#search-results');
const more = document.querySelector<HTMLButtonElement>('#search-more');
/** The results not shown yet, and how many there are in all, for "More results". */
let pending: Array<{ data(): Promise<PagefindResultData> }> = [];
let total = 0;
let shownQuery = '';

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
  pending = [];
  if (more) more.hidden = true;
  if (!query.trim()) {
    statusLine.textContent = 'Type a word to search the articles.';
    return;
  }
  statusLine.textContent = 'Searching…';
  try {
    const { results } = await (await loadPagefind()).search(query);
    pending = [...results];
    total = results.length;
    shownQuery = query;
    await showMore();
  } catch {
    statusLine.textContent = 'Search is not available right now. The archive lists every piece.';
  }
}

/** The next page of results, appended; the status says how many of how many are shown. */
async function showMore(): Promise<void> {
  if (!statusLine || !list) return;
  const found = await Promise.all(pending.splice(0, PAGE).map((r) => r.data()));
  list.append(...found.map(resultItem));
  const shown = list.children.length;
  const of = shown < total ? `, showing ${shown}` : '';
  statusLine.textContent = `${total} ${total === 1 ? 'article' : 'articles'} found for “${shownQuery}”${of}.`;
  if (more) more.hidden = pending.length === 0;
}

function resultItem(data: PagefindResultData): HTMLLIElement {
  const item = document.createElement('li');
  const heading = document.createElement('h2');
  const link = document.createElement('a');
  link.href = data.url;
  link.textContent = data.meta.title ?? data.url;
  heading.append(link);
  item.append(heading);
  if (data.meta.date && /^\d{4}-\d{2}-\d{2}$/.test(data.meta.date)) {
    const date = document.createElement('p');
    date.className = 'search-date';
    const time = document.createElement('time');
    time.dateTime = data.meta.date;
    time.textContent = `Data as of ${formatDate(data.meta.date)}`;
    date.append(time);
    item.append(date);
  }
  const excerpt = document.createElement('p');
  excerpt.className = 'search-excerpt';
  // Pagefind escapes the page text and adds only <mark> around the matched words.
  excerpt.innerHTML = data.excerpt;
  item.append(excerpt);
  return item;
}

more?.addEventListener('click', () => void showMore());
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
