// Get Updated / Get Deleted (/sobjects/{Type}/updated|deleted?start&end): ids whose SystemModstamp (or
// deletion) falls in the window. Seconds are ignored, the window may start at most 30 days back, and
// latestDateCovered says how far the answer reaches (never past now): the next call starts there.
import { Router, type Request } from 'express';
import { floorToMinute, formatDateTime, parseDateTime } from '../../model/sfDates.ts';
import { restError } from '../../salesforceErrors.ts';
import type { Org } from '../../state/org.ts';
import { replicationQuery } from '../bodies.ts';
import { authOf } from '../requestContext.ts';
import { schemaOf } from './sobjectPaths.ts';

const THIRTY_DAYS_MS = 30 * 86_400_000;

function windowOf(req: Request, org: Org): { start: number; end: number } {
  const q = replicationQuery.parse(req.query);
  const start = parseDateTime(q.start);
  const end = parseDateTime(q.end);
  if (start === undefined || end === undefined) {
    throw restError(400, 'INVALID_REPLICATION_DATE', 'start and end must be valid dateTime values');
  }
  const now = org.now();
  const from = floorToMinute(start);
  const to = floorToMinute(Math.min(end, now));
  if (from < now - THIRTY_DAYS_MS) {
    throw restError(400, 'INVALID_REPLICATION_DATE', 'startDate cannot be more than 30 days ago');
  }
  if (floorToMinute(end) <= from) {
    throw restError(400, 'INVALID_REPLICATION_DATE', 'endDate must chronologically follow the startDate');
  }
  return { start: from, end: Math.max(from, to) };
}

export function replicationRoutes(): Router {
  const router = Router();

  router.get('/:type/updated', (req, res) => {
    const { org } = authOf(req);
    const schema = schemaOf(org, req);
    const { start, end } = windowOf(req, org);
    const ids = org.store
      .all(schema.name)
      .filter((r) => {
        const stamp = Number(r.values.SystemModstamp);
        return stamp >= start && stamp < end;
      })
      .sort((a, b) => Number(a.values.SystemModstamp) - Number(b.values.SystemModstamp))
      .map((r) => r.id);
    res.json({ ids, latestDateCovered: formatDateTime(end) });
  });

  router.get('/:type/deleted', (req, res) => {
    const { org } = authOf(req);
    const schema = schemaOf(org, req);
    const { start, end } = windowOf(req, org);
    const deletedRecords = org.store
      .all(schema.name, { includeDeleted: true })
      .filter((r) => r.deletedAt !== undefined && r.deletedAt >= start && r.deletedAt < end)
      .map((r) => ({ id: r.id, deletedDate: formatDateTime(r.deletedAt ?? 0) }));
    res.json({
      deletedRecords,
      earliestDateAvailable: formatDateTime(floorToMinute(org.createdAt)),
      latestDateCovered: formatDateTime(end),
    });
  });

  return router;
}
