/**
 * `wirecopy social <file>`: a piece's digests as each network takes them, ready to paste or
 * send: the X post (or thread) with its weighted length, LinkedIn in the escaped "little" text
 * form its API needs (reserved characters such as `(` would otherwise cut the post silently),
 * and Facebook. Read from the file, so an editor's changes are what goes out.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Command } from 'commander';
import matter from 'gray-matter';
import { frontMatterSchema } from '../content/front-matter.ts';
import { escapeLinkedIn } from '../drafts/social/linkedin.ts';
import { X_LIMIT, xWeightedLength } from '../drafts/social/x.ts';
import { Errors, WirecopyError } from '../errors.ts';
import { frontMatterEngine } from '../yaml-data.ts';
import type { CommandContext } from './context.ts';
import { printJson } from './json.ts';

const NETWORKS = ['x', 'linkedin', 'facebook'] as const;
type Network = (typeof NETWORKS)[number];

export function socialCommand(context: () => CommandContext): Command {
  return new Command('social')
    .description("print a piece's social digests as each network takes them (LinkedIn escaped for its API)")
    .argument('<file>', 'a draft or article')
    .option('--network <name>', `only one of: ${NETWORKS.join(', ')}`)
    .option('--json', 'print one JSON object: {file, x: [{text, weightedLength, limit}], linkedin, facebook}')
    .action((file: string, options: { network?: string; json?: boolean }) => {
      const ctx = context();
      if (options.network !== undefined && !NETWORKS.includes(options.network as Network)) {
        throw new WirecopyError(
          Errors.Usage,
          `--network ${options.network} is not a network wirecopy writes for.`,
          {
            hint: `Use one of ${NETWORKS.join(', ')}.`,
          },
        );
      }
      const path = resolve(ctx.cwd, file);
      let data: unknown;
      try {
        data = matter(readFileSync(path, 'utf8'), { engines: { yaml: frontMatterEngine } }).data;
      } catch (cause) {
        throw new WirecopyError(Errors.FileUnreadable, `${file} cannot be read as a draft.`, {
          details: [`${file}: ${cause instanceof Error ? cause.message : String(cause)}`],
          hint: 'Name a file in content/drafts/ or content/articles/; `wirecopy check` explains a broken one.',
          cause,
        });
      }
      const parsed = frontMatterSchema.safeParse(data);
      if (!parsed.success) {
        throw new WirecopyError(Errors.DraftInvalid, `${file} has front matter that is not valid.`, {
          details: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`),
          hint: 'Run `wirecopy check` on it for the line of each problem.',
        });
      }
      const { social } = parsed.data;
      const wanted = (n: Network) => options.network === undefined || options.network === n;
      if (options.json) {
        const posts = social.xThread ?? [social.x];
        printJson(ctx, {
          file,
          ...(wanted('x')
            ? { x: posts.map((text) => ({ text, weightedLength: xWeightedLength(text), limit: X_LIMIT })) }
            : {}),
          ...(wanted('linkedin') ? { linkedin: { text: escapeLinkedIn(social.linkedin), limit: 3000 } } : {}),
          ...(wanted('facebook') ? { facebook: { text: social.facebook } } : {}),
        });
        return;
      }
      const blocks: string[] = [];
      if (wanted('x')) {
        const posts = social.xThread ?? [social.x];
        posts.forEach((post, i) => {
          const label = posts.length > 1 ? `X, post ${i + 1} of ${posts.length}` : 'X';
          blocks.push(`== ${label} (${xWeightedLength(post)} of ${X_LIMIT} weighted characters)\n${post}`);
        });
      }
      if (wanted('linkedin')) {
        const escaped = escapeLinkedIn(social.linkedin);
        blocks.push(
          `== LinkedIn (API "little" text format, ${escaped.length} of 3,000 characters)\n${escaped}`,
        );
      }
      if (wanted('facebook')) blocks.push(`== Facebook\n${social.facebook}`);
      ctx.io.out(blocks.join('\n\n'));
    });
}
