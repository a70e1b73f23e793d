/**
 * The deploy recipes people copy (issue 14 item 3): Astro's script names, the GitHub Pages
 * workflow, and the daily workflow. Read as YAML, so a step moved or renamed is still found.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { SITE_ROOT } from '../../src/site/astro-run.ts';

interface Step {
  run?: string;
  uses?: string;
  env?: Record<string, string>;
}
interface Workflow {
  on: Record<string, unknown>;
  permissions?: Record<string, string>;
  jobs: Record<string, { steps: Step[] }>;
}

const workflow = (name: string) =>
  parse(readFileSync(join(SITE_ROOT, '.github/workflows', name), 'utf8')) as Workflow;
const steps = (w: Workflow) => Object.values(w.jobs).flatMap((job) => job.steps);

describe('the deploy recipes', () => {
  it("has Astro's build, dev and preview scripts, as Netlify, Vercel and Astro users expect", () => {
    const { scripts } = JSON.parse(readFileSync(join(SITE_ROOT, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    expect(scripts['build']).toBe('astro build');
    expect(scripts['preview']).toBe('astro preview');
    expect(scripts['dev']).toMatch(/astro dev$/);
  });

  it.each(['pages.yml', 'daily.yml'])(
    '%s: a permissions block, and no input spliced into a script',
    (name) => {
      const w = workflow(name);
      expect(w.permissions?.['contents']).toBe('read');
      for (const step of steps(w)) {
        // `${{ inputs.x }}` in a `run:` is pasted into the shell before it runs; through `env:` it is data.
        expect(step.run ?? '', step.run).not.toMatch(/\$\{\{\s*(inputs|github\.event)\./);
      }
      expect(JSON.stringify(steps(w).filter((s) => s.env))).toMatch(/inputs\./);
    },
  );

  it('pages.yml builds on each approved piece with every dependency, and deploys with the Pages token', () => {
    const w = workflow('pages.yml');
    const push = w.on['push'] as { branches: string[]; paths: string[] };
    expect(push.paths).toContain('content/articles/**');
    expect(w.permissions).toEqual({ contents: 'read', pages: 'write', 'id-token': 'write' });
    const runs = steps(w).flatMap((s) => (s.run ? [s.run.trim()] : []));
    // Plain npm ci: the workflow's Node comes from setup-node, and the build's own packages are
    // runtime dependencies (checked by hand: `npm ci --omit=dev`, then `astro build` on Node 24).
    expect(runs).toContain('npm ci --no-audit --no-fund');
    expect(runs).toContain('npm run build');
    expect(steps(w).map((s) => s.uses?.split('@')[0])).toEqual(
      expect.arrayContaining(['actions/upload-pages-artifact', 'actions/deploy-pages']),
    );
  });

  it('daily.yml installs only runtime dependencies: fetch, verify and draft need no dev package', () => {
    // Checked by hand on this branch: `npm ci --omit=dev` then `wirecopy run` drafts the demo session.
    const runs = steps(workflow('daily.yml')).flatMap((s) => (s.run ? [s.run.trim()] : []));
    expect(runs).toContain('npm ci --omit=dev --no-audit --no-fund');
  });
});
