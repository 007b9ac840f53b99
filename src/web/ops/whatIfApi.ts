// The ops API's what-if: POST /whatif {tenantId, from, to, policy} → the report of what the proposed policy would
// have changed over that window. Mounted next to the ops API, behind the same ops token.
import express, { type Router } from 'express';
import { z } from 'zod';
import { tenantWhatIf } from '../../app/whatIf.ts';
import { storableText } from '../../domain/storableText.ts';
import type { Executor } from '../../store/executor.ts';

export interface WhatIfApiDeps {
  db: Executor;
}

/** A date ('2026-07-01', midnight UTC) or a date-time with its offset. */
const when = z
  .union([z.iso.date(), z.iso.datetime({ offset: true })], {
    error: 'must be a date (YYYY-MM-DD) or a date-time with offset',
  })
  .transform((s) => new Date(s))
  .refine((d) => d.getUTCFullYear() >= 1970 && d.getUTCFullYear() <= 9999, 'must be between 1970 and 9999');

const whatIfBody = z.strictObject({
  tenantId: storableText().min(1).max(200),
  from: when,
  to: when,
  policy: z.record(z.string(), z.unknown(), { error: 'policy must be an object with the proposed settings' }),
});

/** The request body, for the console (its answer is TenantWhatIf from src/app/whatIf.ts: plain JSON already). */
export type WhatIfBody = z.input<typeof whatIfBody>;

export function whatIfApiRouter(deps: WhatIfApiDeps): Router {
  const r = express.Router();
  r.post('/whatif', async (req, res) => {
    const body = whatIfBody.parse(req.body);
    res.json(await tenantWhatIf(deps.db, body));
  });
  return r;
}
