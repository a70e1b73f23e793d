/**
 * The social posts in their own fields. The draft's front matter stays the one source: a field
 * edit is written into `social.<network>` of the YAML as a document edit (the rest of the front
 * matter and the body stay byte for byte), and an edit of the file in the editor refreshes the
 * fields. Each field shows its count live, the way the network counts it, red past the limit:
 * X's weighted length (twitter-text, as the review's x-post rule counts), LinkedIn's escaped
 * length (as linkedin-post counts), Facebook's first paragraph against the "See more" fold.
 */
import { parseDocument } from 'yaml';
import { FACEBOOK_FOLD } from '../../drafts/social/facebook.ts';
import { escapeLinkedIn, LINKEDIN_LIMIT, unescapeLinkedIn } from '../../drafts/social/linkedin.ts';
import { X_LIMIT, xWeightedLength } from '../../drafts/social/x.ts';
import { findFrontMatter } from '../../review/draft-source.ts';

/** Facebook's own ceiling for a post's text (its Graph API refuses longer). */
export const FACEBOOK_LIMIT = 63_206;

const NETWORKS = ['x', 'linkedin', 'facebook'] as const;
export type Network = (typeof NETWORKS)[number];

export interface Count {
  used: number;
  limit: number;
  label: string;
}

const LINKEDIN_ESCAPE = /\\[\\|{}@[\]()<>#*_~]/;

export function countOf(network: Network, text: string): Count {
  if (network === 'x') return { used: xWeightedLength(text), limit: X_LIMIT, label: 'weighted' };
  if (network === 'linkedin') {
    const plain = LINKEDIN_ESCAPE.test(text) ? unescapeLinkedIn(text) : text;
    return { used: escapeLinkedIn(plain).length, limit: LINKEDIN_LIMIT, label: 'escaped' };
  }
  const lead = text.split(/\n\s*\n/)[0] ?? '';
  return lead.length > FACEBOOK_FOLD
    ? { used: lead.length, limit: FACEBOOK_FOLD, label: 'before the fold' }
    : { used: text.length, limit: FACEBOOK_LIMIT, label: `first paragraph ${lead.length}/${FACEBOOK_FOLD}` };
}

/** The posts in a draft's text; undefined where the front matter does not hold one. */
export function postsOf(text: string): Partial<Record<Network, string>> {
  const block = findFrontMatter(text);
  if (!block) return {};
  const doc = parseDocument(text.slice(block.yamlStart, block.yamlEnd));
  if (doc.errors.length > 0) return {};
  const posts: Partial<Record<Network, string>> = {};
  for (const network of NETWORKS) {
    const value = doc.getIn(['social', network]);
    if (typeof value === 'string') posts[network] = value;
  }
  return posts;
}

/** The text with one post replaced; undefined when the front matter cannot be edited (the check says why). */
export function withPost(text: string, network: Network, post: string): string | undefined {
  const block = findFrontMatter(text);
  if (!block) return undefined;
  const doc = parseDocument(text.slice(block.yamlStart, block.yamlEnd));
  if (doc.errors.length > 0) return undefined;
  doc.setIn(['social', network], post);
  const yaml = doc.toString({ lineWidth: 0 });
  return `${text.slice(0, block.yamlStart)}${yaml.endsWith('\n') ? yaml : `${yaml}\n`}${text.slice(block.yamlEnd)}`;
}

export interface SocialFields {
  /** Refreshes the fields from the file's text (not the one being typed in). */
  show(text: string): void;
}

export function socialFields(
  container: HTMLElement,
  onEdit: (network: Network, post: string) => void,
): SocialFields {
  const legend = container.querySelector('legend');
  container.replaceChildren(...(legend ? [legend] : []));
  const fields = new Map<Network, { area: HTMLTextAreaElement; refresh: () => void }>();
  for (const network of NETWORKS) {
    const label = document.createElement('label');
    label.className = 'post';
    const title = document.createElement('span');
    title.textContent = { x: 'X', linkedin: 'LinkedIn', facebook: 'Facebook' }[network];
    const area = document.createElement('textarea');
    area.id = `post-${network}`;
    area.rows = network === 'x' ? 3 : 5;
    const count = document.createElement('output');
    count.id = `count-${network}`;
    count.className = 'count';
    label.append(title, area, count);
    container.append(label);
    const refresh = () => {
      const c = countOf(network, area.value);
      count.textContent = `${c.used}/${c.limit} ${c.label}`;
      count.classList.toggle('over', c.used > c.limit);
    };
    area.addEventListener('input', () => {
      refresh();
      onEdit(network, area.value);
    });
    fields.set(network, { area, refresh });
  }
  return {
    show(text) {
      const posts = postsOf(text);
      for (const [network, { area, refresh }] of fields) {
        const post = posts[network];
        area.disabled = post === undefined;
        if (document.activeElement !== area && post !== undefined && area.value !== post) area.value = post;
        refresh();
      }
    },
  };
}
