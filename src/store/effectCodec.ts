// Effect ↔ the JSON stored in the outbox, validated on read (dates come back as Dates).
import { z } from 'zod';
import type { Effect } from '../domain/decide/effect.ts';
import { STAGES } from '../domain/stages.ts';

const date = z.iso.datetime({ offset: true }).transform((s) => new Date(s));

const fields = z
  .object({
    stage: z.enum(STAGES),
    slaDueAt: date.nullable(),
    slaStatus: z.enum(['on_time', 'due_soon', 'breached', 'met', 'missed']).nullable(),
    fit: z.number(),
    engagement: z.number(),
    grade: z.string(),
    scoreReasons: z.string(),
    recycleCount: z.number().int(),
    lastReason: z.string().nullable(),
    lastNote: z.string().nullable(),
    returnedAt: date.nullable(),
    returnRefusal: z.string().nullable(),
    lifecycle: z.enum(['lead', 'mql']),
  })
  .partial();

const body = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('write_fields'), fields }),
  z.object({ kind: z.literal('add_to_list'), list: z.string() }),
  z.object({ kind: z.literal('remove_from_list'), list: z.string() }),
  z.object({
    kind: z.literal('set_owner'),
    ownerId: z.string().nullable(),
    why: z.enum(['marketing', 'routing']),
  }),
  z.object({ kind: z.literal('remind_owner'), ownerId: z.string(), dueAt: date }),
  z.object({
    kind: z.literal('escalate'),
    ownerId: z.string(),
    managerId: z.string().nullable(),
    dueAt: date,
  }),
]);

export function encodeEffectBody(effect: Effect): Record<string, unknown> {
  const { key: _key, leadId: _leadId, ...rest } = effect;
  return JSON.parse(JSON.stringify(rest)) as Record<string, unknown>;
}

export function decodeEffect(key: string, leadId: string, kind: string, payload: unknown): Effect {
  const parsed = body.parse({ ...z.record(z.string(), z.unknown()).parse(payload), kind });
  return { ...parsed, key, leadId };
}
