// Versioned migrations, in order. Add a file and list it here; never edit one that has shipped.
import type { Migration } from 'kysely/migration';
import * as initial from './0001_initial.ts';
import * as oauth from './0002_oauth.ts';
import * as webhookReplays from './0003_webhook_replays.ts';
import * as oauthPkce from './0004_oauth_pkce.ts';
import * as effectsOutcomes from './0005_effects_outcomes.ts';
import * as effectsSequence from './0006_effects_sequence.ts';
import * as ledgerRouted from './0007_ledger_routed.ts';
import * as ledgerActor from './0009_ledger_actor.ts';
import * as opsSessions from './0008_ops_sessions.ts';
import * as leadRecords from './0010_lead_records.ts';
import * as leadRecordReads from './0011_lead_record_reads.ts';

export const MIGRATIONS: Record<string, Migration> = {
  '0001_initial': initial,
  '0002_oauth': oauth,
  '0003_webhook_replays': webhookReplays,
  '0004_oauth_pkce': oauthPkce,
  '0005_effects_outcomes': effectsOutcomes,
  '0006_effects_sequence': effectsSequence,
  '0007_ledger_routed': ledgerRouted,
  '0009_ledger_actor': ledgerActor,
  '0008_ops_sessions': opsSessions,
  '0010_lead_records': leadRecords,
  '0011_lead_record_reads': leadRecordReads,
};
