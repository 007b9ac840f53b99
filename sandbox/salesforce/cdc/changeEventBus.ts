// An org's change event stream: committed changes of the entities selected for Change Data Capture become
// events with increasing replayIds, retained for a while (72 h by default, sandbox clock) for replay. A fault
// switch loses events before they are stored ("in rare cases, the event message might not be persisted"),
// so they are neither delivered nor replayable — which is what the reconciliation poll is for.
import type { Random } from '../../hubspot/seededRandom.ts';
import type { FieldSpec } from '../model/fieldSpec.ts';
import type { CommittedChange } from '../state/transaction.ts';
import {
  changeEventMessage,
  channelOf,
  fieldConversionMessage,
  gapOverflowMessage,
  type CdcMessage,
  type CommitInfo,
} from './changeEventMessage.ts';

export const ALL_CHANGE_EVENTS = '/data/ChangeEvents';

export interface CdcOptions {
  /** Entities selected for CDC (each gets /data/<Entity>ChangeEvent). */
  entities: string[];
  retentionMs: number;
  /** The most events kept, whatever their age. */
  maxRetained: number;
  /** What subscribing with a replayId older than the retained events gets (see report). */
  staleReplay: 'error' | 'gap';
  /** How long an idle Subscribe stream waits before an empty keepalive FetchResponse (Salesforce: within 270 s). */
  keepaliveMs: number;
  /** Events delivered to subscribers per rolling 24 hours, counted per subscriber (cdc_allocations). */
  deliveryAllocation: number;
  /** Entities whose change events the connected user may not subscribe to (e.g. Task without View All Data). */
  subscribeDenied: string[];
}

export interface PublishedEvent {
  replayId: number;
  entity: string;
  channel: string;
  publishedAt: number;
  message: CdcMessage;
}

export type ReplayOutcome =
  | { kind: 'events'; events: PublishedEvent[] }
  | { kind: 'gap'; gap: PublishedEvent; events: PublishedEvent[] }
  | { kind: 'invalid' };

export interface BusDeps {
  now: () => number;
  options: () => CdcOptions;
  fieldOf: (entity: string, name: string) => FieldSpec | undefined;
  /** Share of events lost, and the seeded stream that decides which. */
  drops: () => { rate: number; random: Random };
}

export class ChangeEventBus {
  private readonly deps: BusDeps;
  private retained: PublishedEvent[] = [];
  private readonly purgedUpTo = new Map<string, number>();
  private readonly listeners = new Set<(e: PublishedEvent) => void>();
  private lastReplayId = 0;
  private commitNumber = 10_000;
  /** Events lost to the drop fault (never stored, never delivered). */
  readonly dropped: CdcMessage[] = [];

  constructor(deps: BusDeps) {
    this.deps = deps;
  }

  onEvent(listener: (e: PublishedEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The entities selected for Change Data Capture (the standard channel's members). */
  selectedEntities(): string[] {
    return [...this.deps.options().entities];
  }

  isChannel(channel: string): boolean {
    return (
      channel === ALL_CHANGE_EVENTS || this.deps.options().entities.some((e) => channelOf(e) === channel)
    );
  }

  /** Turns a transaction's committed changes into events (one per record, in commit order). */
  publish(changes: readonly CommittedChange[], commit: Omit<CommitInfo, 'commitNumber'>): void {
    const selected = new Set(this.deps.options().entities);
    const relevant = changes.filter((c) => selected.has(c.type));
    if (relevant.length === 0) return;
    const info: CommitInfo = { ...commit, commitNumber: ++this.commitNumber };
    const { rate, random } = this.deps.drops();
    const messages = mergeIdentical(
      relevant.map((change) => changeEventMessage(change, info, 0, this.deps.fieldOf)),
    );
    messages.forEach((message, i) => {
      message.payload.ChangeEventHeader.sequenceNumber = i + 1;
      // One draw per event whatever the rate, so a seed loses the same events in every run.
      const lost = random.next() < rate;
      if (lost) {
        this.dropped.push(message);
        return;
      }
      const entity = message.payload.ChangeEventHeader.entityName;
      const event: PublishedEvent = {
        replayId: ++this.lastReplayId,
        entity,
        channel: channelOf(entity),
        publishedAt: commit.commitTimestamp,
        message,
      };
      this.retained.push(event);
      for (const l of this.listeners) l(event);
    });
    this.prune();
  }

  /** A field type conversion's single event for every record of the entity (fieldConversionMessage). */
  publishFieldConversion(entity: string, keyPrefix: string, commit: Omit<CommitInfo, 'commitNumber'>): void {
    if (!this.deps.options().entities.includes(entity)) return;
    const info: CommitInfo = { ...commit, commitNumber: ++this.commitNumber };
    const replayId = ++this.lastReplayId;
    const event: PublishedEvent = {
      replayId,
      entity,
      channel: channelOf(entity),
      publishedAt: commit.commitTimestamp,
      message: fieldConversionMessage(entity, keyPrefix, info),
    };
    this.retained.push(event);
    for (const l of this.listeners) l(event);
    this.prune();
  }

  /** Forgets events past retention (age or count), remembering per channel how far it forgot. */
  prune(): void {
    const { retentionMs, maxRetained } = this.deps.options();
    const oldest = this.deps.now() - retentionMs;
    let cut = 0;
    while (
      cut < this.retained.length &&
      ((this.retained[cut]?.publishedAt ?? 0) < oldest || this.retained.length - cut > maxRetained)
    ) {
      const e = this.retained[cut];
      if (e) this.purgedUpTo.set(e.channel, e.replayId);
      cut++;
    }
    if (cut > 0) this.retained = this.retained.slice(cut);
  }

  /** The replayId of the newest event published (0 before any), retained or not. */
  latestReplayId(): number {
    return this.lastReplayId;
  }

  /** Retained events, oldest first (optionally of one channel). */
  events(channel?: string): PublishedEvent[] {
    this.prune();
    return channel === undefined ? [...this.retained] : this.retained.filter((e) => matches(channel, e));
  }

  /** What a subscription with `replayId` gets: -1 nothing retained, -2 all retained, n those after n. */
  replay(channel: string, replayId: number): ReplayOutcome {
    const events = this.events(channel);
    if (replayId === -1) return { kind: 'events', events: [] };
    if (replayId === -2) return { kind: 'events', events };
    if (!Number.isInteger(replayId) || replayId < -2 || replayId > this.lastReplayId)
      return { kind: 'invalid' };
    const purged = this.purgedOn(channel);
    const after = events.filter((e) => e.replayId > replayId);
    if (replayId >= purged) return { kind: 'events', events: after };
    if (this.deps.options().staleReplay === 'error') return { kind: 'invalid' };
    const entity = channel === ALL_CHANGE_EVENTS ? (events[0]?.entity ?? 'Lead') : entityOf(channel);
    const gap: PublishedEvent = {
      replayId: purged,
      entity,
      channel,
      publishedAt: this.deps.now(),
      message: gapOverflowMessage(entity, this.deps.now(), this.commitNumber),
    };
    return { kind: 'gap', gap, events: after };
  }

  private purgedOn(channel: string): number {
    if (channel !== ALL_CHANGE_EVENTS) return this.purgedUpTo.get(channel) ?? 0;
    return Math.max(0, ...this.purgedUpTo.values());
  }
}

export const matches = (channel: string, e: PublishedEvent): boolean =>
  channel === ALL_CHANGE_EVENTS || channel === e.channel;

const entityOf = (channel: string): string => channel.replace(/^\/data\//, '').replace(/ChangeEvent$/, '');

/**
 * Identical updates to several records of one object in one transaction are one event listing every record id
 * (CDC guide, cdc_event_fields_header, recordIds: the IDs of the records "that were changed… if the same change was
 * made to multiple records in the same transaction"): same entity, same changed and nulled fields, same values.
 * Creates carry each record's own values and are left apart (the guide does not say they merge; chosen).
 */
function mergeIdentical(messages: CdcMessage[]): CdcMessage[] {
  const merged: CdcMessage[] = [];
  const byContent = new Map<string, CdcMessage>();
  for (const m of messages) {
    const { ChangeEventHeader: h, ...fields } = m.payload;
    if (h.changeType !== 'UPDATE') {
      merged.push(m);
      continue;
    }
    const key = JSON.stringify([h.entityName, h.changedFields, h.nulledFields, fields]);
    const same = byContent.get(key);
    if (same) {
      same.payload.ChangeEventHeader.recordIds.push(...h.recordIds);
      continue;
    }
    byContent.set(key, m);
    merged.push(m);
  }
  return merged;
}
