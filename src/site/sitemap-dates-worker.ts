/** The sitemap's dates read on a worker thread (see sitemapLastModified): posts them once read. */
import { parentPort, workerData } from 'node:worker_threads';
import { readSitemapDates } from './sitemap-dates.ts';

parentPort?.postMessage(await readSitemapDates((workerData as { articlesDir: string }).articlesDir));
