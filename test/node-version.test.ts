import { describe, expect, it } from 'vitest';

describe('runtime', () => {
  it('runs on the Node 24 the project pins (package.json devDependencies "node": "24.x")', () => {
    expect(process.version).toMatch(/^v24\./);
  });
});
