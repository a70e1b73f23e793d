/** wirecopy's version, from package.json, recorded in every draft it generates. */
import pkg from '../package.json' with { type: 'json' };

export const VERSION: string = pkg.version;
