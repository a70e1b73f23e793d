/**
 * Listing pages (home, a topic, a month) show this many pieces each, so a page stays small at a
 * thousand pieces. Astro's `paginate` does the slicing; home pages 2+ live at `/page/N/`.
 */
export const PAGE_SIZE = 20;

export interface ListingPage<T> {
  data: T[];
  currentPage: number;
  lastPage: number;
  url: { prev?: string | undefined; next?: string | undefined };
}

/** Page `n` (1-based) of `items` with its neighbours' URLs; `url(n)` gives the address of page n. */
export function listingPage<T>(items: readonly T[], n: number, url: (n: number) => string): ListingPage<T> {
  const lastPage = Math.max(1, Math.ceil(items.length / PAGE_SIZE));
  return {
    data: items.slice((n - 1) * PAGE_SIZE, n * PAGE_SIZE),
    currentPage: n,
    lastPage,
    url: {
      prev: n > 1 ? url(n - 1) : undefined,
      next: n < lastPage ? url(n + 1) : undefined,
    },
  };
}

/** `/tags/rates/` for page 1, `/tags/rates/2/` after. */
export function pagedUrl(base: string, n: number): string {
  return n === 1 ? base : `${base}${n}/`;
}
