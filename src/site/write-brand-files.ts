/**
 * `npm run brand:files`: draws the site's icon files from the mark (src/site/brand.ts) into
 * public/, where a build copies them. Run it after changing the mark.
 */
import { fileURLToPath } from 'node:url';
import { writeFileAtomic } from '../io/atomic-write.ts';
import { brandFiles } from './brand.ts';

const PUBLIC = fileURLToPath(new URL('../../public/', import.meta.url));

for (const { file, bytes } of brandFiles()) {
  writeFileAtomic(`${PUBLIC}${file}`, bytes);
  console.log(`public/${file}  ${bytes.length} bytes`);
}
