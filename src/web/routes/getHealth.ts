// Liveness and readiness: alive while the process serves; ready once the database is reachable and migrated.
import type { RequestHandler } from 'express';

export const getHealthz: RequestHandler = (_req, res) => {
  res.json({ status: 'ok' });
};

export function getReadyz(isReady: () => Promise<boolean>): RequestHandler {
  return async (_req, res) => {
    const ready = await isReady().catch(() => false);
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'not_ready' });
  };
}
