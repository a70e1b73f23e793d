/**
 * The front matter of a newsletter issue as the newsletter export writes it to
 * `content/newsletters/<issueId>.md`, and as the site reads it for `/newsletter/<issueId>/`.
 */
import { z } from 'zod';

export const newsletterFrontMatterSchema = z.object({
  issueId: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/i, 'use letters, digits and hyphens (it is the URL)'),
  title: z.string().min(1),
  subject: z.string().min(1),
  from: z.string().min(1),
  to: z.string().min(1),
  /** The pieces in the issue, in order: `<asOf>-<slug>`, as in their article URLs. */
  articles: z.array(z.string().regex(/^\d{4}-\d{2}-\d{2}-[a-z0-9-]+$/, 'expected <asOf>-<slug>')),
  preheader: z.string().default(''),
});

export type NewsletterFrontMatter = z.infer<typeof newsletterFrontMatterSchema>;
