/**
 * A port on 127.0.0.1 that nothing listens on: the system's pick for a server opened and closed
 * at once. A test starts its own server there, or connects to it to be refused.
 */
import { createServer } from 'node:net';

export async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}
