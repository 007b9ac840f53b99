// /services/data lists the API versions (no session needed, no Sforce-Limit-Info); /services/data/vXX.X/ lists
// the resources of a version. Versions outside what the sandbox serves are 404 NOT_FOUND, as Salesforce does.
import { Router, type RequestHandler } from 'express';
import { notFound } from '../../salesforceErrors.ts';
import { authOf, instanceUrlOf, setApiVersion, versionBase } from '../requestContext.ts';
import { identityUrl } from './identityInfo.ts';

const OLDEST = 31;
const NEWEST = 64;

/** Release names: v60 was Spring '24, three releases a year. */
function releaseLabel(major: number): string {
  const k = major - 60;
  const season = ['Spring', 'Summer', 'Winter'][((k % 3) + 3) % 3] ?? 'Spring';
  return `${season} '${24 + Math.floor((k + 1) / 3)}`;
}

export function versionsRoute(): Router {
  const router = Router();
  router.get('/', (_req, res) => {
    const versions = [];
    for (let v = OLDEST; v <= NEWEST; v++) {
      versions.push({ label: releaseLabel(v), url: `/services/data/v${v}.0`, version: `${v}.0` });
    }
    res.json(versions);
  });
  return router;
}

/** Accepts /services/data/vNN.0 for the versions served, and remembers the version for the request. */
export const resolveVersion: RequestHandler = (req, _res, next) => {
  const m = /^v(\d+)\.0$/.exec(String((req.params as Record<string, unknown>).version ?? ''));
  const major = Number(m?.[1]);
  if (!m || major < OLDEST || major > NEWEST) throw notFound();
  setApiVersion(req, `${major}.0`);
  next();
};

export const versionResources: RequestHandler = (req, res) => {
  const base = versionBase(req);
  const { org, token } = authOf(req);
  res.json({
    sobjects: `${base}/sobjects`,
    query: `${base}/query`,
    queryAll: `${base}/queryAll`,
    composite: `${base}/composite`,
    limits: `${base}/limits`,
    'ui-api': `${base}/ui-api`,
    identity: identityUrl(instanceUrlOf(req), org.id, token.userId),
  });
};
