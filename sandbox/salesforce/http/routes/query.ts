// /query and /queryAll (deleted rows too) with the sandbox's SOQL subset, and /query/{locator} for the next
// batch. Batches are 2000 records unless Sforce-Query-Options: batchSize=N (200..2000) asks for fewer.
import { Router, type Request } from 'express';
import { z } from 'zod';
import { restError } from '../../salesforceErrors.ts';
import { queryMore, runQuery } from '../../soql/runQuery.ts';
import { authOf, versionBase } from '../requestContext.ts';
import { param } from './sobjectPaths.ts';

const queryParams = z.object({ q: z.string().optional() });

/** The SOQL of a `?q=` query (REST and Tooling API alike); an empty one is refused as Salesforce refuses it. */
export function soqlOf(req: Request): string {
  const { q } = queryParams.parse(req.query);
  if (q === undefined || q.trim() === '')
    throw restError(400, 'MALFORMED_QUERY', 'A query string has to be specified');
  return q;
}

function batchSize(req: Request): number {
  const m = /batchSize\s*=\s*(\d+)/i.exec(req.get('sforce-query-options') ?? '');
  return m ? Math.min(2000, Math.max(200, Number(m[1]))) : 2000;
}

export function queryRoutes(includeDeleted: boolean): Router {
  const router = Router();

  router.get('/', (req, res) => {
    const { org } = authOf(req);
    res.json(
      runQuery(org, soqlOf(req), {
        now: org.now(),
        includeDeleted,
        versionBase: versionBase(req),
        batchSize: batchSize(req),
      }),
    );
  });

  router.get('/:locator', (req, res) => {
    const page = queryMore(authOf(req).org, param(req, 'locator'), versionBase(req));
    if (!page) throw restError(400, 'INVALID_QUERY_LOCATOR', 'invalid query locator');
    res.json(page);
  });

  return router;
}
