// Query-string parameters, parsed with zod: lists arrive repeated (?properties=a&properties=b, as
// api-client sends them) or comma-separated (as HubSpot also accepts).
import type { Request } from 'express';
import { z } from 'zod';
import { validationError } from '../hubspotErrors.ts';

const many = z.union([z.string(), z.array(z.string())]).optional();

export function queryList(req: Request, name: string): string[] {
  const v = many.parse(req.query[name]);
  if (v === undefined) return [];
  return (Array.isArray(v) ? v : [v])
    .flatMap((s) => s.split(','))
    .map((s) => s.trim())
    .filter(Boolean);
}

export function queryText(req: Request, name: string): string | undefined {
  const v = many.parse(req.query[name]);
  return Array.isArray(v) ? v[0] : v;
}

export function queryBool(req: Request, name: string): boolean {
  return queryText(req, name)?.toLowerCase() === 'true';
}

export function queryInt(
  req: Request,
  name: string,
  fallback: number,
  range: { min: number; max: number },
): number {
  const text = queryText(req, name);
  if (text === undefined || text === '') return fallback;
  const n = Number(text);
  if (!Number.isInteger(n) || n < range.min || n > range.max) {
    throw validationError(`${name} must be an integer between ${range.min} and ${range.max}, got ${text}.`);
  }
  return n;
}

/** HubSpot's forward paging block, with a link to the next page on this sandbox. */
export function forwardPaging(
  req: Request,
  after: string | undefined,
): { paging?: { next: { after: string; link: string } } } {
  if (after === undefined) return {};
  const url = new URL(req.originalUrl, `${req.protocol}://${req.get('host') ?? 'localhost'}`);
  url.searchParams.set('after', after);
  return { paging: { next: { after, link: url.toString() } } };
}

/** A single path parameter (Express 5 types them loosely). */
export function param(req: Request, name: string): string {
  const v = (req.params as Record<string, string | string[] | undefined>)[name];
  const s = Array.isArray(v) ? v.join('/') : v;
  if (s === undefined) throw validationError(`Missing path parameter ${name}`);
  return s;
}
