/**
 * A second process for the lockless approval race: loads approve and the checks, says "ready",
 * waits for "go" on stdin so that both racers start their approval at the same moment, then
 * approves the draft with no lock held and prints the outcome as one JSON line.
 *
 *   node support-races-approver.ts <draft> <draftsDir> <articlesDir>
 */
import { approveDraft } from '../../src/review/approve.ts';
import { checkText } from '../../src/review/check.ts';
import { options } from '../review/support.ts';

const [draftPath = '', draftsDir = '', articlesDir = ''] = process.argv.slice(2);
const checkOptions = options({
  freshness: { lead: 'RUT', latestSession: '2025-09-18', exemptPublished: false },
});

process.stdout.write('ready\n');
process.stdin.once('data', async () => {
  try {
    const result = await approveDraft({
      draftPath,
      draftsDir,
      articlesDir,
      by: `pid ${process.pid}`,
      at: new Date().toISOString(),
      allowDemo: false,
      check: (text, path) => checkText(text, path, checkOptions),
    });
    process.stdout.write(`${JSON.stringify({ won: true, outcome: result.outcome })}\n`);
  } catch (error) {
    const e = error as { code?: string; message?: string };
    process.stdout.write(`${JSON.stringify({ won: false, code: e.code, message: e.message })}\n`);
  }
  process.exit(0);
});
