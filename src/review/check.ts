/**
 * The review pipeline: remark (markdown + GFM) with the draft's front matter read first, every
 * wirecopy rule, and retext-readability through remark-retext. It never throws on content: each
 * problem is a message on the file (see `messages.ts` for severities and rule ids).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRetext from 'remark-retext';
import retextEnglish from 'retext-english';
import retextReadability from 'retext-readability';
import { unified } from 'unified';
import { VFile } from 'vfile';
import type { SubjectLexicon } from '../language/subjects.ts';
import type { SymbolRegistry } from '../symbols.ts';
import { draftOf } from './draft-source.ts';
import { countMessages, type MessageCounts, report } from './messages.ts';
import remarkClaimDirection from './remark-claim-direction.ts';
import remarkClaimMeasure from './remark-claim-measure.ts';
import remarkClaimPeriod from './remark-claim-period.ts';
import remarkClaimSubject from './remark-claim-subject.ts';
import remarkClaimSuperlative from './remark-claim-superlative.ts';
import remarkDisclaimer from './remark-disclaimer.ts';
import remarkDraftFrontMatter from './remark-draft-front-matter.ts';
import remarkEmbargo, { type Options as EmbargoOptions } from './remark-embargo.ts';
import remarkFacebookPost from './remark-facebook-post.ts';
import remarkFreshData, { type Options as FreshnessOptions } from './remark-fresh-data.ts';
import remarkFrontMatterSchema from './remark-front-matter-schema.ts';
import remarkGeneratedFacts, { type Options as GeneratedFactsOptions } from './remark-generated-facts.ts';
import remarkHouseStyle from './remark-house-style.ts';
import remarkLinkedInPost from './remark-linkedin-post.ts';
import remarkLinks from './remark-links.ts';
import remarkNumbersMatchFacts from './remark-numbers-match-facts.ts';
import remarkRawHtml from './remark-raw-html.ts';
import remarkXPost from './remark-x-post.ts';

export interface CheckOptions {
  /** The configured `publication.disclaimer`. */
  disclaimer: string;
  /** Other legal text the generator prints (`publication.forwardReturnsDisclaimer`): not scored for readability. */
  legalText?: string[];
  freshness: FreshnessOptions;
  /** What content/inputs/notes.yaml says now about a session's embargo (read at check time). */
  embargo?: EmbargoOptions['embargo'];
  /** Where the generated text of a draft is kept (the store); without it, facts are not compared. */
  generatedText?: GeneratedFactsOptions['generatedText'];
  /** retext-readability settings: the reader age a sentence should suit (default 18; sentences under 8 words are not scored). */
  readability?: { age?: number; minWords?: number; threshold?: number };
  /** The configured series and the words for them, for the claim rules (default: the built-in ones). */
  subjects?: { registry: SymbolRegistry; lexicon: SubjectLexicon };
}

export interface CheckedFile {
  file: VFile;
  counts: MessageCounts;
  /** Missing, unreadable or with unparsable YAML: input error, not a failed check. */
  unreadable: boolean;
}

export function reviewProcessor(options: CheckOptions) {
  const processor = unified()
    .use(remarkParse)
    .use(remarkDraftFrontMatter)
    .use(remarkGfm)
    .use(remarkFrontMatterSchema)
    .use(remarkFreshData, options.freshness);
  if (options.generatedText) processor.use(remarkGeneratedFacts, { generatedText: options.generatedText });
  return processor
    .use(remarkNumbersMatchFacts, options.subjects ?? {})
    .use(remarkClaimSubject, options.subjects ?? {})
    .use(remarkClaimPeriod, options.subjects ?? {})
    .use(remarkClaimDirection, options.subjects ?? {})
    .use(remarkClaimMeasure, options.subjects ?? {})
    .use(remarkClaimSuperlative, options.subjects ?? {})
    .use(remarkDisclaimer, { disclaimer: options.disclaimer })
    .use(remarkEmbargo, options.embargo ? { embargo: options.embargo } : {})
    .use(remarkLinks)
    .use(remarkRawHtml)
    .use(remarkXPost)
    .use(remarkLinkedInPost)
    .use(remarkFacebookPost)
    .use(remarkHouseStyle)
    .use(remarkRetext, readabilityProcessor(options.readability));
}

/**
 * retext-english + retext-readability, run on the body's prose by remark-retext. The cast: the
 * typings want a processor whose transformers leave the tree type open, which retext plugins
 * (typed to return nothing) do not declare; at run time remark-retext only calls `run`.
 */
function readabilityProcessor(settings: CheckOptions['readability']) {
  // Under eight words the formulas say little (a five-word source line scores as "hard").
  const retext = unified()
    .use(retextEnglish)
    .use(retextReadability, { age: 18, minWords: 8, ...settings });
  return retext as unknown as Exclude<Parameters<typeof remarkRetext>[0], boolean | null | undefined>;
}

export async function checkText(text: string, path: string, options: CheckOptions): Promise<CheckedFile> {
  const file = new VFile({ path, value: text });
  const processor = reviewProcessor(options);
  const tree = processor.parse(file);
  // On unparsable front matter every rule returns at once: the YAML error is the one message.
  await processor.run(tree, file);
  dropGeneratedReadability(file, [options.disclaimer, ...(options.legalText ?? [])]);
  file.messages.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
  return { file, counts: countMessages(file), unreadable: draftOf(file).unreadable };
}

// The closing line the generator writes under every piece (templates/partials/disclaimer.mustache).
const GENERATED_LINE = /^_?(?:Data as of the .* close\.|Sources: )/;

/**
 * The disclaimers are legal text and the sources line is the generator's, not the editor's
 * prose: readability warnings on them would repeat on every draft and could not be acted on.
 */
function dropGeneratedReadability(file: VFile, legalText: readonly string[]): void {
  const squash = (text: string) => text.replace(/\s+/g, ' ').trim();
  const legal = legalText.map(squash);
  file.messages = file.messages.filter((m) => {
    if (m.source !== 'retext-readability' || !m.actual) return true;
    const sentence = squash(m.actual);
    return !GENERATED_LINE.test(sentence) && !legal.some((text) => text.includes(sentence));
  });
}

export async function checkFile(path: string, options: CheckOptions): Promise<CheckedFile> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const file = new VFile({ path });
    const reason =
      (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'does not exist' : 'could not be read';
    report(file, 'error', 'file-unreadable', `The file ${reason}.`, { hint: 'Check the path.' });
    return { file, counts: countMessages(file), unreadable: true };
  }
  return checkText(text, path, options);
}

/**
 * The draft files named by `paths`: files as given, folders searched for `.md` files (sorted,
 * hidden and temporary files skipped). A path that does not exist is kept, to be reported.
 */
export function draftFilesIn(paths: readonly string[]): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
      a.name.localeCompare(b.name),
    )) {
      if (entry.name.startsWith('.')) continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile() && entry.name.endsWith('.md')) files.push(path);
    }
  };
  for (const path of paths) {
    let isDirectory = false;
    try {
      isDirectory = statSync(path).isDirectory();
    } catch {
      // Missing: reported by checkFile.
    }
    if (isDirectory) walk(path);
    else files.push(path);
  }
  return files;
}
