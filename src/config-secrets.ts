/**
 * API keys never belong in a config file: it ends up in git, in CI logs, in a colleague's
 * copy. Provider keys come from the environment only (FRED_API_KEY, STOOQ_API_KEY). This finds
 * one anywhere in the file, a URL's query string and user info included, and names the field;
 * it never repeats the key itself.
 */
import type { ConfigFile } from './config-file.ts';
import { Errors, WirecopyError } from './errors.ts';

/** Field names that hold a credential: `keys`, `apiKey`, `fred_api_key`, `token`, `secret`, `password`. */
const SECRET_FIELD = /^keys$|(?:api[-_]?keys?|token|secret|password|passwd)$/i;
/** Query parameters providers take keys in: FRED `api_key`, Stooq `apikey`, and the usual others. */
const SECRET_PARAM =
  /^(?:api[-_]?key|apikey|key|token|access[-_]?token|secret|password|auth|signature|sig)$/i;

export interface SecretFound {
  field: Array<string | number>;
  /** What kind of secret, never its value: `an "api_key" query parameter`. */
  what: string;
}

export function findSecrets(value: unknown, field: Array<string | number> = []): SecretFound[] {
  if (Array.isArray(value)) return value.flatMap((item, i) => findSecrets(item, [...field, i]));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([name, inner]) =>
      SECRET_FIELD.test(name) && inner !== '' && inner !== null
        ? [{ field: [...field, name], what: 'a credential field' }]
        : findSecrets(inner, [...field, name]),
    );
  }
  if (typeof value !== 'string') return [];
  const what = secretInAddress(value);
  return what ? [{ field, what }] : [];
}

function secretInAddress(text: string): string | undefined {
  if (!URL.canParse(text)) return undefined;
  const url = new URL(text);
  if (url.password !== '') return 'a password in the address';
  const param = [...url.searchParams.keys()].find((name) => SECRET_PARAM.test(name));
  return param === undefined ? undefined : `an "${param}" query parameter`;
}

export function assertNoSecrets(file: ConfigFile): void {
  const found = findSecrets(file.data);
  if (found.length === 0) return;
  const fields = found.map((f) => f.field.join('.'));
  throw new WirecopyError(
    Errors.ConfigHoldsSecret,
    `The config file ${file.path} holds API keys (${fields.join(', ')}); the keys are not repeated here.`,
    {
      details: found.map((f) => `${f.field.join('.')}: ${f.what} (${file.locate(f.field)})`),
      hint: 'Remove them from the file and set FRED_API_KEY / STOOQ_API_KEY in the environment instead; wirecopy adds the key to each request itself. A config file ends up in git: if this one was committed or shared, revoke the key with the provider.',
    },
  );
}
