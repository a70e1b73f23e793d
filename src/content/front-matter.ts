/**
 * The front matter of a draft or article: one zod schema, used to write drafts, to read them
 * back in review, and by the site's content collection. Types come from it.
 */
import { z } from 'zod';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a YYYY-MM-DD date');

/** Series drawn over shared session dates, each rebased so its first close is `rebased`. */
const chartSchema = z
  .object({
    title: z.string().min(1),
    rebased: z.number().positive(),
    dates: z.array(isoDate).min(2),
    series: z
      .array(
        z.object({
          symbol: z.string().min(1),
          name: z.string().min(1),
          /** A rate in percent (the 2-year yield): drawn at its level on its own scale, never rebased. */
          unit: z.literal('percent').optional(),
          closes: z.array(z.number().positive()),
        }),
      )
      .min(1),
  })
  .superRefine((chart, ctx) => {
    for (const [i, s] of chart.series.entries()) {
      if (s.closes.length !== chart.dates.length) {
        ctx.addIssue({
          code: 'custom',
          path: ['series', i, 'closes'],
          message: `expected one close per date (${chart.dates.length}), found ${s.closes.length}`,
        });
      }
    }
  });

/** Who approved or rejected a piece, when, and with what result. */
const reviewSchema = z.object({
  by: z.string(),
  at: z.string(),
  checks: z.string().optional(),
  reason: z.string().optional(),
  /** sha256 of the `facts` approved (see src/review/data-hash.ts): later changes to them show. */
  dataHash: z.string().optional(),
});

export const frontMatterSchema = z.object({
  title: z.string().min(1),
  slug: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'use lower-case words joined by hyphens'),
  story: z.string().min(1),
  asOf: isoDate,
  date: isoDate,
  status: z.enum(['draft', 'approved', 'rejected', 'published']),
  dataset: z.string().min(1),
  tags: z.array(z.string()).default([]),
  summary: z.string().min(1),
  facts: z.record(
    z.string(),
    z.object({ value: z.union([z.number(), z.boolean(), z.string(), z.null()]), display: z.string() }),
  ),
  angles: z.object({
    story: z.string(),
    /** Why the story applies to the session (or that it was forced). */
    why: z.string(),
    lead: z.string(),
    score: z.number(),
    reason: z.string(),
    runnersUp: z.array(z.object({ id: z.string(), score: z.number(), reason: z.string() })),
  }),
  /** The document plan (src/drafts/plan.ts): each section's candidates, scored, and which printed. */
  plan: z
    .object({
      threshold: z.number(),
      mustCarry: z.number(),
      sections: z.record(
        z.string(),
        z.array(
          z.object({
            sentence: z.string(),
            fact: z.string(),
            score: z.number(),
            reason: z.string(),
            printed: z.boolean(),
          }),
        ),
      ),
    })
    .optional(),
  social: z.object({
    x: z.string(),
    /** The X text as a thread, when one post cannot hold it; `x` is its first post. */
    xThread: z.array(z.string()).optional(),
    linkedin: z.string(),
    facebook: z.string(),
  }),
  sources: z.array(
    z.object({
      symbol: z.string(),
      name: z.string(),
      sources: z.array(z.string()),
      first: isoDate,
      last: isoDate,
    }),
  ),
  /** The closes the site charts (see src/content/chart-snapshot.ts): the site build never reads the store. */
  chart: chartSchema.optional(),
  /** The data-quality gate before drafting (src/verify): its verdict, problems found, sources checked. */
  checks: z
    .object({
      gate: z.enum(['passed', 'overridden', 'skipped']),
      problems: z.number().int().nonnegative(),
      sources: z.array(z.string()),
    })
    .optional(),
  generator: z.object({
    version: z.string(),
    template: z.string(),
    contentHash: z.string(),
    /** The facts as generated, sealed (src/drafts/fact-seal.ts): review holds `facts` to them. */
    facts: z.string().optional(),
  }),
  /** The desk's note for the session (content/inputs/notes.yaml), for the editor; not published. */
  note: z.string().optional(),
  /** The desk embargoed the session's pieces: review fails until the field is removed. */
  embargo: z.literal(true).optional(),
  /** Why the piece is held although not embargoed: the desk's notes for its session could not be read. */
  hold: z.string().optional(),
  review: reviewSchema.optional(),
  /** The reviews of the versions this article replaced (`approve --replace`), oldest first. */
  revisions: z.array(reviewSchema).optional(),
});

export type FrontMatter = z.infer<typeof frontMatterSchema>;

/**
 * A piece as the site keeps it: the front matter without what no page prints (the angles and
 * the document plan the generator chose by, its version and seal, the desk's note for the
 * editor). The site validates the whole front matter, then stores this in its content layer:
 * the data store is written by every build and loaded by every page generation.
 */
export type ShownFrontMatter = Omit<FrontMatter, 'angles' | 'plan' | 'generator' | 'note'>;

export function shownFrontMatter(data: FrontMatter): ShownFrontMatter {
  const { angles: _angles, plan: _plan, generator: _generator, note: _note, ...shown } = data;
  return shown;
}
