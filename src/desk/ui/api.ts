/**
 * The desk's requests from the page: JSON both ways, the CSRF token of the page on every change
 * (the server refuses a change without it, security.ts), and the server's error lines kept for
 * the editor to read.
 */
const CSRF = document.querySelector<HTMLMetaElement>('meta[name="wirecopy-csrf"]')?.content ?? '';

export interface Answer<T = unknown> {
  status: number;
  json: T & { ok?: boolean; error?: string[]; lines?: string[] };
}

export async function call<T = unknown>(
  method: 'GET' | 'POST' | 'PUT',
  path: string,
  body?: unknown,
): Promise<Answer<T>> {
  const response = await fetch(path, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(method === 'GET' ? {} : { 'x-wirecopy-csrf': CSRF }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, json: (await response.json()) as Answer<T>['json'] };
}

/** `/api/x?name=drafts%2F...`. */
export const withName = (path: string, name: string) => `${path}?name=${encodeURIComponent(name)}`;
