// The CometD endpoint (/cometd/<version>) for Change Data Capture, speaking Bayeux over long polling as
// Salesforce's does: /meta/handshake (OAuth session in the Authorization header; the replay extension is
// announced), /meta/subscribe with ext.replay {channel: replayId}, /meta/connect held open until events
// arrive, /meta/disconnect. Data arrives as {channel, data: {schema, payload, event: {replayId}}}.
import express, { Router } from 'express';
import { sessionOf } from '../http/authenticate.ts';
import { noteRequest } from '../http/requestContext.ts';
import type { SalesforceState } from '../state/salesforceState.ts';
import {
  authFailure,
  bayeuxBatch,
  invalidReplayId,
  reply,
  unknownChannel,
  unknownClient,
  type BayeuxMessage,
  type BayeuxReply,
} from './bayeux.ts';
import type { CdcOptions } from './changeEventBus.ts';
import type { CometdSession, CometdSessions } from './cometdSessions.ts';

function subscribe(session: CometdSession, m: BayeuxMessage, channel: string): BayeuxReply {
  const bus = session.org.changeEvents;
  if (!bus.isChannel(channel))
    return reply(m, { subscription: channel, successful: false, error: unknownChannel(channel) });
  const raw = m.ext?.replay?.[channel];
  // Without the replay extension a subscriber gets new events only.
  const replayId = raw === undefined || raw === null ? -1 : Number(raw);
  const outcome = bus.replay(channel, replayId);
  if (outcome.kind === 'invalid') {
    return reply(m, { subscription: channel, successful: false, error: invalidReplayId(raw) });
  }
  if (outcome.kind === 'gap') session.enqueue(channel, outcome.gap);
  for (const e of outcome.events) session.enqueue(channel, e);
  session.subscriptions.add(channel);
  return reply(m, { subscription: channel, successful: true });
}

export function cometdRoutes(
  state: SalesforceState,
  sessions: CometdSessions,
  cdc: () => CdcOptions,
): Router {
  const router = Router();
  router.post('/:version', express.json({ type: () => true, limit: '1mb' }), (req, res) => {
    const messages = bayeuxBatch.parse(req.body);
    const auth = sessionOf(state, req);
    const { connectTimeoutMs } = cdc();
    const advice = { interval: 0, timeout: connectTimeoutMs, reconnect: 'retry' };
    const replies: BayeuxReply[] = [];
    let connect: { session: CometdSession; message: BayeuxMessage } | undefined;
    let touched: CometdSession | undefined;

    for (const m of messages) {
      if (m.channel === '/meta/handshake') {
        if (!auth) {
          noteRequest(req, 'cometd:handshake_denied');
          replies.push(authFailure(m, '403::Handshake denied'));
          continue;
        }
        const session = sessions.create(auth.org);
        noteRequest(req, 'cometd:handshake');
        replies.push(
          reply(m, {
            version: '1.0',
            minimumVersion: '1.0',
            clientId: session.clientId,
            supportedConnectionTypes: ['long-polling'],
            advice,
            ext: { replay: true, 'payload.format': true },
            successful: true,
          }),
        );
        continue;
      }
      const session = sessions.get(m.clientId);
      if (!session) {
        replies.push(unknownClient(m));
        continue;
      }
      if (!auth || auth.org.id !== session.org.id) {
        noteRequest(req, 'cometd:auth_invalid');
        sessions.end(session);
        replies.push(authFailure(m));
        continue;
      }
      touched = session;
      switch (m.channel) {
        case '/meta/subscribe':
          for (const channel of [m.subscription ?? []].flat()) replies.push(subscribe(session, m, channel));
          break;
        case '/meta/unsubscribe':
          for (const channel of [m.subscription ?? []].flat()) session.subscriptions.delete(channel);
          replies.push(reply(m, { subscription: m.subscription, successful: true }));
          break;
        case '/meta/connect':
          connect = { session, message: m };
          break;
        case '/meta/disconnect':
          sessions.end(session);
          replies.push(reply(m, { successful: true }));
          break;
        default:
          // Change events are published by the platform, never by clients.
          replies.push(reply(m, { successful: false, error: '403::Publish denied' }));
      }
    }

    if (!connect) {
      // A subscription's replayed events go out on the connect the client already holds open.
      if (touched && touched.queue.length > 0) sessions.release(touched);
      return res.json(replies);
    }
    const { session, message } = connect;
    const connectReply = reply(message, { successful: true, ...(!session.advised && { advice }) });
    session.advised = true;
    if (session.queue.length > 0 || message.advice?.timeout === 0) {
      sessions.release(session);
      return res.json([...session.queue.splice(0), ...replies, connectReply]);
    }
    sessions.hold(session, res, [...replies, connectReply], connectTimeoutMs);
  });
  return router;
}
