// The card API (called by Baton's HubSpot cards with hubspot.fetch, signed by HubSpot): a lead's passport, the
// reasons a rep can pick, and the tenant's settings (read, preview the impact of, and save, validated by the one
// policy schema).
import type { RequestHandler } from 'express';
import { z } from 'zod';
import { REASON_BUCKETS, type ReasonBucket } from '../../domain/reasons.ts';
import { BatonError } from '../../errors.ts';
import { passportOf, peopleIn } from '../../app/leadPassport.ts';
import { tenantWhatIf } from '../../app/whatIf.ts';
import { heldReturnOf } from '../../store/heldReturns.ts';
import type { UserNames } from '../../app/userDirectory.ts';
import type { Executor } from '../../store/executor.ts';
import { loadLead } from '../../store/leads.ts';
import { ledgerOfLead } from '../../store/ledger.ts';
import { savePolicy, type Tenant } from '../../store/tenants.ts';
import { callerOf } from '../hubspotSignedRequest.ts';

export interface CardApiDeps {
  db: Executor;
  now: () => Date;
  /** People's names from the CRM (optional: without it the card shows ids). */
  userNames?: UserNames;
}

const settingsBody = z.object({
  policy: z.record(z.string(), z.unknown(), { error: 'policy must be an object with the settings' }),
});

const leadParams = z.object({ leadId: z.string().regex(/^\d{1,20}$/, 'leadId must be a HubSpot record id') });

const BUCKET_LABELS: Record<ReasonBucket, string> = {
  reject: 'Reject — not right for sales (before contact)',
  disqualify: 'Disqualify — never a customer',
  recycle: 'Recycle — right person, wrong time',
};

export function getLeadPassport(deps: CardApiDeps): RequestHandler {
  return async (req, res) => {
    const { tenant } = callerOf(res);
    const { leadId } = leadParams.parse(req.params);
    const stored = await loadLead(deps.db, tenant.id, leadId);
    if (!stored) {
      res.json({
        tracked: false,
        leadId,
        why: 'Baton has not seen this contact as a lead yet: it starts tracking contacts when they are created or change, and during the initial sync after install.',
      });
      return;
    }
    const history = await ledgerOfLead(deps.db, tenant.id, leadId);
    const names = (await deps.userNames?.(tenant, peopleIn(stored.state, history))) ?? new Map();
    const held = await heldReturnOf(deps.db, tenant.id, leadId);
    res.json(passportOf(stored.state, history, tenant.policy, deps.now(), names, held));
  };
}

export const getReturnReasons: RequestHandler = (_req, res) => {
  const { tenant } = callerOf(res);
  const selectable = tenant.policy.reasons.filter((r) => r.repSelectable);
  res.json({
    buckets: REASON_BUCKETS.map((bucket) => ({
      bucket,
      label: BUCKET_LABELS[bucket],
      reasons: selectable
        .filter((r) => r.bucket === bucket)
        .map((r) => ({
          code: r.code,
          label: r.label,
          noteRequired: r.noteRequired,
          reengageDateAllowed: r.reengageDateAllowed,
          nurtureList: tenant.policy.nurtureLists.find((l) => l.key === r.nurtureList)?.name ?? null,
        })),
    })).filter((b) => b.reasons.length > 0),
  });
};

export const getSettings: RequestHandler = (_req, res) => {
  const { tenant } = callerOf(res);
  res.json({ policy: tenant.policy });
};

function requireSettingsAdmin(tenant: Tenant, userId: string): void {
  if (!tenant.policy.admins.includes(userId)) {
    throw new BatonError(
      'forbidden',
      'Only Baton admins of this portal can change its settings (the admin who installed Baton can add others)',
    );
  }
}

export function putSettings(deps: CardApiDeps): RequestHandler {
  return async (_req, res) => {
    const { tenant, body, userId, firstUse } = callerOf(res);
    requireSettingsAdmin(tenant, userId);
    // The whole policy, always: a missing or null one would otherwise save the defaults (and an empty admins list).
    const input = settingsBody.parse(body);
    // One transaction: a replay of this exact save is refused, and a refused save leaves no trace.
    const saved = await deps.db.transaction().execute(async (tx) => {
      await firstUse(tx);
      const result = await savePolicy(tx, tenant.id, input.policy);
      if (!result.ok)
        throw new BatonError('invalid_input', 'Some settings are not valid', { problems: result.problems });
      return result;
    });
    res.json({ policy: saved.policy });
  };
}

/** Days of the ledger the settings page's preview replays. */
export const PREVIEW_DAYS = 90;

/**
 * What the submitted settings would have changed over the last 90 days (a what-if), before they are saved. Read
 * only: nothing is recorded, so a replayed request changes nothing and needs no replay guard.
 */
export function postSettingsPreview(deps: CardApiDeps): RequestHandler {
  return async (_req, res) => {
    const { tenant, body, userId } = callerOf(res);
    requireSettingsAdmin(tenant, userId);
    const input = settingsBody.parse(body);
    const to = deps.now();
    const from = new Date(to.getTime() - PREVIEW_DAYS * 86_400_000);
    res.json(await tenantWhatIf(deps.db, { tenantId: tenant.id, from, to, policy: input.policy }));
  };
}
