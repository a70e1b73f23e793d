import { describe, expect, it } from 'vitest';
import { directionAround } from '../../src/language/directions.ts';

describe('direction words around a figure', () => {
  it.each([
    ['The S&P 500 rose ', ' to 6,849.09', 'up', 'rose'],
    ['The Russell 2000 fell ', ' to 2,366.42', 'down', 'fell'],
    ['and is down ', ' over', 'down', 'down'],
    ['against a ', ' gain for the S&P 500', 'up', 'gain'],
    ['with a ', ' five-session gain', 'up', 'gain'],
    ['The index is ', ' below its record', 'down', 'below'],
    ['each up at least ', '', 'up', 'up'],
    ['after climbing ', '.', 'up', 'climbing'],
  ])('%j·%j is %s ("%s")', (before, after, direction, word) => {
    expect(directionAround(before, after)).toMatchObject({ direction, word });
  });

  it('finds none where the words give none', () => {
    expect(directionAround('a mean return of ', ' and a median')).toBeUndefined();
    expect(directionAround('its 200-day average of ', '.')).toBeUndefined();
  });
});
