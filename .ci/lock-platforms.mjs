// Fills in package-lock.json entries for platform-specific optional packages that this
// workplace's npm registry does not carry (for example @astrojs/compiler-binding-android-arm64).
//
// Why: `npm install` skips an optional dependency the registry answers 404 for and leaves it out
// of the lock, and `npm ci` then refuses the lock as out of sync. An entry that names the
// package's os/cpu (read off its name, as every such package is named) is enough: `npm ci` skips
// packages for other platforms without fetching them, and on a full registry nothing changes.
//
// Run after `npm install` changes dependencies: `node .ci/lock-platforms.mjs` (npm run lock:platforms).
import { readFileSync, writeFileSync } from 'node:fs';

const OS = {
  android: 'android',
  darwin: 'darwin',
  linux: 'linux',
  win32: 'win32',
  windows: 'win32',
  freebsd: 'freebsd',
  openbsd: 'openbsd',
  netbsd: 'netbsd',
  sunos: 'sunos',
  aix: 'aix',
  openharmony: 'openharmony',
};
const CPU = ['arm64', 'x64', 'ia32', 'arm', 'wasm32', 'riscv64', 's390x', 'ppc64', 'loong64', 'mips64el'];

function platformOf(name) {
  const tokens = name.split('/').at(-1).split(/[-_]/);
  const os = tokens.map((t) => OS[t]).find(Boolean);
  const cpu =
    tokens.find((t) => CPU.includes(t)) ??
    (tokens.includes('armv7') || tokens.includes('arm') ? 'arm' : undefined);
  if (cpu === 'wasm32') return { cpu: ['wasm32'] };
  if (!os || !cpu) return undefined;
  const entry = { cpu: [cpu], os: [os] };
  if (os === 'linux') {
    if (tokens.includes('musl')) entry.libc = ['musl'];
    else if (tokens.includes('gnu') || tokens.includes('glibc')) entry.libc = ['glibc'];
  }
  return entry;
}

const path = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(path, 'utf8'));
const packages = lock.packages;
let added = 0;
const unknown = [];
for (const [parentPath, parent] of Object.entries(packages)) {
  for (const [name, spec] of Object.entries(parent.optionalDependencies ?? {})) {
    const nested = `${parentPath ? `${parentPath}/` : ''}node_modules/${name}`;
    const top = `node_modules/${name}`;
    if (packages[nested] || packages[top]) continue;
    const platform = platformOf(name);
    if (!platform || !/^\d+\.\d+\.\d+/.test(spec)) {
      unknown.push(`${name}@${spec}`);
      continue;
    }
    packages[top] = { version: spec, ...platform, ...(parent.dev ? { dev: true } : {}), optional: true };
    added++;
  }
}
const sorted = Object.fromEntries(
  Object.entries(packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))),
);
lock.packages = sorted;
writeFileSync(path, `${JSON.stringify(lock, null, 2)}\n`);
console.log(
  `lock-platforms: added ${added} platform entries${unknown.length ? `; could not place ${unknown.join(', ')}` : ''}`,
);
