// GET /limits: the org's allocations. DailyApiRequests is live (rolling 24 h); the others are an Enterprise
// org's fixed allocations, reported untouched.
import { Router } from 'express';
import { authOf } from '../requestContext.ts';

const FIXED: Record<string, number> = {
  DailyAsyncApexExecutions: 250_000,
  DailyBulkApiBatches: 15_000,
  DailyBulkV2QueryJobs: 10_000,
  DailyBulkV2QueryFileStorageMB: 976_562,
  DailyDeliveredPlatformEvents: 25_000,
  DailyStreamingApiEvents: 200_000,
  DataStorageMB: 1_024,
  HourlyPublishedPlatformEvents: 250_000,
  SingleEmail: 5_000,
};

export function limitsRoutes(): Router {
  const router = Router();
  router.get('/', (req, res) => {
    const { org } = authOf(req);
    const used = org.apiUsage.used(org.now());
    const body: Record<string, { Max: number; Remaining: number }> = {
      DailyApiRequests: { Max: org.apiUsage.limit, Remaining: Math.max(0, org.apiUsage.limit - used) },
    };
    for (const [name, max] of Object.entries(FIXED)) body[name] = { Max: max, Remaining: max };
    res.json(body);
  });
  return router;
}
