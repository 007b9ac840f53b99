// Bayeux messages as a CometD long-polling client (Faye, which jsforce's streaming API uses) sends them: a JSON
// array of {channel, id, clientId, ...} per POST, and the replies Salesforce's CometD server gives.
import { z } from 'zod';

const message = z
  .object({
    channel: z.string(),
    id: z.string().optional(),
    clientId: z.string().optional(),
    subscription: z.union([z.string(), z.array(z.string())]).optional(),
    connectionType: z.string().optional(),
    advice: z.object({ timeout: z.number().optional() }).passthrough().optional(),
    ext: z
      .object({ replay: z.record(z.string(), z.union([z.number(), z.string(), z.null()])).optional() })
      .passthrough()
      .optional(),
  })
  .passthrough();

export type BayeuxMessage = z.infer<typeof message>;
export type BayeuxReply = Record<string, unknown>;

export const bayeuxBatch = z
  .union([z.array(message), message])
  .transform((m) => (Array.isArray(m) ? m : [m]));

export const AUTH_INVALID = '401::Authentication invalid';

/** The reply to a message, echoing its channel, id and clientId. */
export function reply(m: BayeuxMessage, fields: BayeuxReply): BayeuxReply {
  return {
    channel: m.channel,
    ...(m.id !== undefined && { id: m.id }),
    ...(m.clientId !== undefined && { clientId: m.clientId }),
    ...fields,
  };
}

/** An expired or revoked session: Salesforce tells the client not to retry (jsforce's AuthFailure fires). */
export const authFailure = (m: BayeuxMessage, error = '403::Unknown client'): BayeuxReply =>
  reply(m, {
    successful: false,
    error,
    advice: { reconnect: 'none' },
    ext: { sfdc: { failureReason: AUTH_INVALID } },
  });

/** A client id the server does not know (never handshaken, disconnected, expired): handshake again. */
export const unknownClient = (m: BayeuxMessage): BayeuxReply =>
  reply(m, {
    successful: false,
    error: '403::Unknown client',
    advice: { reconnect: 'handshake', interval: 0 },
  });

export const invalidReplayId = (replayId: unknown): string =>
  `400::The replayId {${String(replayId)}} you provided was invalid.  Please provide a valid ID, -2 to replay all events, or -1 to replay only new events.`;

export const unknownChannel = (channel: string): string =>
  `400::The channel you requested to subscribe to does not exist {${channel}}`;
