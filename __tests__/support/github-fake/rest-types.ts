/** Types and helpers shared by the REST handlers of the fake. */
import type { RequestContext } from './context.js';

/** A validated REST request as handlers see it. */
export interface RestRequest {
  /** Path parameters, decoded. */
  params: Record<string, string>;
  /** Query parameters, coerced to their schema types. */
  query: Record<string, string | number | boolean>;
  /** Parsed JSON body (`{}` when the request had none). */
  body: Record<string, unknown>;
  /** The `Accept` header, lower-cased. */
  accept: string;
}

/** What a handler answers. `body` is JSON; `raw` bypasses JSON (diffs, raw files, redirects). */
export interface RestResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  raw?: { bytes: Buffer | string; contentType: string };
}

/** A handler for one operationId. */
export type RestHandler = (ctx: RequestContext, req: RestRequest) => Promise<RestResponse>;

/** Splits a list into the requested page and builds GitHub's `Link` header. */
export function paginate<T>(
  items: readonly T[],
  req: RestRequest,
  url: string,
): { page: T[]; headers: Record<string, string> } {
  const perPage = Math.min(Math.max(Number(req.query.per_page ?? 30), 1), 100);
  const page = Math.max(Number(req.query.page ?? 1), 1);
  const last = Math.max(Math.ceil(items.length / perPage), 1);
  const slice = items.slice((page - 1) * perPage, page * perPage);
  const link = (p: number, rel: string) => {
    const target = new URL(url);
    for (const [key, value] of Object.entries(req.query)) target.searchParams.set(key, String(value));
    target.searchParams.set('per_page', String(perPage));
    target.searchParams.set('page', String(p));
    return `<${target.toString()}>; rel="${rel}"`;
  };
  const links: string[] = [];
  if (page > 1) links.push(link(page - 1, 'prev'), link(1, 'first'));
  if (page < last) links.push(link(page + 1, 'next'), link(last, 'last'));
  return { page: slice, headers: links.length > 0 ? { link: links.join(', ') } : {} };
}

/** Percent-encodes each segment of a repository path for use in a URL. */
export function encodePath(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

/** Strict RFC 4648 base64 (with padding), as createCommitOnBranch and the contents API require. */
export function decodeBase64(value: string): Buffer | undefined {
  const compact = value.replace(/\r?\n/g, '');
  if (compact.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(compact)) return undefined;
  return Buffer.from(compact, 'base64');
}

/** Short name of a branch ref (`refs/heads/x` → `x`), or undefined for other refs. */
export function branchOf(ref: string): string | undefined {
  if (ref.startsWith('refs/heads/')) return ref.slice('refs/heads/'.length);
  if (ref.startsWith('heads/')) return ref.slice('heads/'.length);
  return undefined;
}
