// The request headers that shape a write: Sforce-Call-Options (client=<name> ends up in changeOrigin) and
// Sforce-Auto-Assign (lead assignment rules; TRUE when absent).
import type { Request } from 'express';
import { parseAutoAssign } from '../state/assignmentRules.ts';
import { restOrigin } from '../state/changeOrigins.ts';
import type { WriteActor } from '../state/transaction.ts';
import { apiVersionOf, authOf } from './requestContext.ts';

/** The client name of Sforce-Call-Options: "client=Baton, defaultNamespace=x" → "Baton". */
export function callOptionsClient(req: Request): string | undefined {
  const header = req.get('sforce-call-options');
  if (!header) return undefined;
  for (const part of header.split(',')) {
    const [k, v] = part.split('=').map((s) => s.trim());
    if (k?.toLowerCase() === 'client' && v) return v;
  }
  return undefined;
}

/** Who writes, through which API, and whether lead assignment rules run. */
export function restActor(req: Request): WriteActor {
  return {
    userId: authOf(req).token.userId,
    origin: restOrigin(apiVersionOf(req), callOptionsClient(req)),
    autoAssign: parseAutoAssign(req.get('sforce-auto-assign')),
  };
}
