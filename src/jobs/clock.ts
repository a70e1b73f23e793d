import { addDays, newYorkDate } from '../calendar/dates.ts';
import type { CommandContext } from './context.ts';

/**
 * The command's clock. When WIRECOPY_TODAY pins another day, it is the evening of that day,
 * after every close, so a past daily job can be replayed.
 */
export function clockOf(ctx: CommandContext): Date {
  const now: Date = ctx.now();
  const today = ctx.today();
  return newYorkDate(now) === today ? now : new Date(`${addDays(today, 1)}T03:30:00Z`);
}
