#!/usr/bin/env node
// Entry point. In a checkout wirecopy runs its TypeScript sources directly with Node's type
// stripping (default from Node 22.18/23.6; on an older 22.x it re-runs itself with the flags it
// needs). Installed as a package (under node_modules, where Node refuses to strip types) or
// without src/, it runs the JavaScript that `npm run build:dist` (and `prepack`) emits in dist/.
import { existsSync } from 'node:fs';
import module from 'node:module';
import { fileURLToPath } from 'node:url';

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  process.stderr.write(
    `wirecopy needs Node.js 22.12 or newer; this is ${process.version}.\n` +
      'Run it through npm (npm start, npx wirecopy), which uses the Node 24 the project pins, or install Node 24.\n',
  );
  process.exit(2);
}

const here = fileURLToPath(new URL('.', import.meta.url));
const fromSource =
  !here.split(/[\\/]/).includes('node_modules') && existsSync(new URL('../src/cli/main.ts', import.meta.url));
// node:sqlite needs a flag before 22.13; type stripping before 22.18.
const needsFlags = fromSource ? !process.features.typescript : major === 22 && minor < 13;

if (needsFlags) {
  const flags = ['--experimental-strip-types', '--experimental-sqlite', '--no-warnings=ExperimentalWarning'];
  const { spawnSync } = await import('node:child_process');
  const child = spawnSync(process.execPath, [...flags, ...process.argv.slice(1)], { stdio: 'inherit' });
  process.exit(child.status ?? 1);
}

// V8's compiled code (and, from Node 23, the stripped TypeScript) cached on disk between runs:
// about a third of a short command's CPU. Off with NODE_DISABLE_COMPILE_CACHE=1.
module.enableCompileCache?.();

const { main } = fromSource ? await import('../src/cli/main.ts') : await import('../dist/cli/main.js');
process.exitCode = await main(process.argv.slice(2));
