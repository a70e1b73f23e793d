/** Reads templates and partials from the templates folder, with paths for error messages. */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Errors, WirecopyError } from '../errors.ts';
import type { TemplateSource } from './strict-template.ts';

export class TemplateLibrary {
  readonly root: string;
  private readonly cache = new Map<string, TemplateSource>();
  private partialsCache: Record<string, TemplateSource> | undefined;

  constructor(root: string) {
    this.root = root;
  }

  /** `articles/small-caps-daily` → templates/articles/small-caps-daily.mustache. */
  get(name: string): TemplateSource {
    const cached = this.cache.get(name);
    if (cached) return cached;
    const path = join(this.root, `${name}.mustache`);
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (cause) {
      throw new WirecopyError(Errors.TemplateInvalid, `The template ${path} could not be read.`, {
        hint: `Restore it from git (git checkout -- ${path}) or point --templates at the templates folder.`,
        cause,
      });
    }
    const source = { file: relative(process.cwd(), path) || path, text };
    this.cache.set(name, source);
    return source;
  }

  partials(): Record<string, TemplateSource> {
    if (this.partialsCache) return this.partialsCache;
    const folder = join(this.root, 'partials');
    const partials: Record<string, TemplateSource> = {};
    for (const entry of readdirSync(folder)) {
      if (!entry.endsWith('.mustache')) continue;
      const name = entry.slice(0, -'.mustache'.length);
      partials[name] = this.get(`partials/${name}`);
    }
    this.partialsCache = partials;
    return partials;
  }
}
