// CometD client sessions: what each client subscribed to, events waiting for it, and the /meta/connect it
// holds open (long polling) until there is something to deliver or the connect timeout passes.
import type { Response } from 'express';
import { randomBytes } from 'node:crypto';
import type { Org } from '../state/org.ts';
import type { BayeuxReply } from './bayeux.ts';
import { matches, type PublishedEvent } from './changeEventBus.ts';

interface HeldConnect {
  res: Response;
  replies: BayeuxReply[];
  timer: NodeJS.Timeout;
}

export class CometdSession {
  readonly clientId = randomBytes(16).toString('base64url');
  readonly org: Org;
  readonly subscriptions = new Set<string>();
  /** Data messages waiting for the next connect reply. */
  readonly queue: BayeuxReply[] = [];
  held: HeldConnect | undefined;
  /** The first connect reply carries the server's advice. */
  advised = false;
  lastSeen = Date.now();

  constructor(org: Org) {
    this.org = org;
  }

  enqueue(channel: string, event: PublishedEvent): void {
    this.queue.push({ channel, data: event.message });
  }
}

export class CometdSessions {
  private readonly sessions = new Map<string, CometdSession>();
  private readonly listening = new Map<string, () => void>();
  /** Sessions silent for this long (no connect) are forgotten, as a CometD server's maxInterval does. */
  private readonly idleMs: () => number;

  constructor(idleMs: () => number) {
    this.idleMs = idleMs;
  }

  create(org: Org): CometdSession {
    this.prune();
    const session = new CometdSession(org);
    this.sessions.set(session.clientId, session);
    if (!this.listening.has(org.id)) {
      this.listening.set(
        org.id,
        org.changeEvents.onEvent((e) => this.deliver(org.id, e)),
      );
    }
    return session;
  }

  get(clientId: string | undefined): CometdSession | undefined {
    const s = clientId === undefined ? undefined : this.sessions.get(clientId);
    if (s) s.lastSeen = Date.now();
    return s;
  }

  end(session: CometdSession): void {
    this.release(session);
    this.sessions.delete(session.clientId);
  }

  all(): CometdSession[] {
    return [...this.sessions.values()];
  }

  /** Answers the held connect now (with whatever is queued). */
  release(session: CometdSession): void {
    const held = session.held;
    if (!held) return;
    session.held = undefined;
    clearTimeout(held.timer);
    if (!held.res.writableEnded) held.res.json([...session.queue.splice(0), ...held.replies]);
  }

  hold(session: CometdSession, res: Response, replies: BayeuxReply[], timeoutMs: number): void {
    this.release(session);
    const timer = setTimeout(() => this.release(session), timeoutMs);
    session.held = { res, replies, timer };
    res.on('close', () => {
      if (session.held?.res === res) {
        clearTimeout(timer);
        session.held = undefined;
      }
    });
  }

  private deliver(orgId: string, event: PublishedEvent): void {
    for (const s of this.sessions.values()) {
      if (s.org.id !== orgId) continue;
      let queued = false;
      for (const channel of s.subscriptions) {
        if (matches(channel, event)) {
          s.enqueue(channel, event);
          queued = true;
        }
      }
      if (queued) this.release(s);
    }
  }

  private prune(): void {
    const oldest = Date.now() - this.idleMs();
    for (const s of this.sessions.values())
      if (!s.held && s.lastSeen < oldest) this.sessions.delete(s.clientId);
  }

  /** Forgets every client (as a server restart or an expired session does): they have to handshake again. */
  forgetAll(): void {
    for (const s of this.sessions.values()) this.end(s);
  }

  close(): void {
    for (const s of this.sessions.values()) this.release(s);
    this.sessions.clear();
    for (const stop of this.listening.values()) stop();
    this.listening.clear();
  }
}
