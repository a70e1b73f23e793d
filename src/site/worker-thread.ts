/**
 * Whether a worker thread can run the TypeScript module at `url` as it is: Node strips the types
 * of a file outside `node_modules` (Node 22.18 and later, or with the flag), and refuses to
 * under it, where an installed wirecopy lives. The site's workers (the body sanitizer, the
 * sitemap's dates) do their work on the calling thread when this says no.
 */
export function canRunOnWorker(url: URL): boolean {
  return !url.pathname.includes('/node_modules/') && Boolean(process.features.typescript);
}
