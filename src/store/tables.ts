// Row types of Baton's tables, as the query layer sees them.
import type { ColumnType, Generated, JSONColumnType } from 'kysely';

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type UpdatedAt = ColumnType<Date, Date | string | undefined, Date | string>;

export interface TenantsTable {
  id: string;
  crm: 'hubspot' | 'salesforce';
  external_id: string;
  name: string;
  status: 'connected' | 'refresh_failing' | 'disconnected';
  policy: JSONColumnType<Record<string, unknown>>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface CredentialsTable {
  tenant_id: string;
  key_version: number;
  iv: Uint8Array;
  tag: Uint8Array;
  ciphertext: Uint8Array;
  refresh_lease_until: Date | null;
  updated_at: UpdatedAt;
}

export interface OAuthStatesTable {
  nonce: string;
  used_at: CreatedAt;
  expires_at: Date;
}

export interface LeadsTable {
  tenant_id: string;
  lead_id: string;
  stage: string;
  owner_id: string | null;
  state: JSONColumnType<Record<string, unknown>>;
  /** When the lead next needs a look from the sweep (SLA threshold, cooldown end, hygiene); null = never. */
  next_timer_at: Date | null;
  version: number;
  /** The CRM read the state was last brought in line with (see recordRead.ts); null = none yet. */
  crm_modified_at: Date | null;
  crm_read_at: Date | null;
  updated_at: UpdatedAt;
}

export interface LedgerTable {
  id: Generated<number>;
  tenant_id: string;
  lead_id: string;
  at: Date;
  from_stage: string | null;
  to_stage: string;
  cause: string;
  actor_kind: string;
  actor_id: string | null;
  /** The acting user's owner id, where it differs in kind from actor_id (HubSpot). */
  actor_owner_id: string | null;
  reason: string | null;
  note: string | null;
  owner_id: string | null;
  context: JSONColumnType<Record<string, unknown>>;
}

export interface InboxTable {
  id: Generated<number>;
  tenant_id: string;
  source: string;
  dedupe_key: string;
  lead_id: string | null;
  received_at: CreatedAt;
  payload: JSONColumnType<Record<string, unknown>>;
  status: ColumnType<
    'pending' | 'processed' | 'skipped' | 'failed',
    'pending' | undefined,
    'processed' | 'skipped' | 'failed' | 'pending'
  >;
  processed_at: Date | null;
  error: string | null;
}

export interface SyncLogTable {
  id: Generated<number>;
  tenant_id: string | null;
  at: CreatedAt;
  direction: 'inbound' | 'outbound';
  operation: string;
  record_ids: string[];
  status: 'ok' | 'error' | 'retrying' | 'skipped';
  http_status: number | null;
  latency_ms: number | null;
  attempt: number;
  error_kind: string | null;
  message: string | null;
}

export interface EffectsTable {
  tenant_id: string;
  key: string;
  lead_id: string;
  kind: string;
  payload: JSONColumnType<Record<string, unknown>>;
  status: ColumnType<'pending' | 'applied' | 'dead', 'pending' | undefined, 'pending' | 'applied' | 'dead'>;
  attempts: ColumnType<number, number | undefined, number>;
  last_error: string | null;
  created_at: CreatedAt;
  applied_at: Date | null;
  /** Last time a record-creating effect (a task) went out; its outcome may be unknown until it is applied. */
  sent_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  /** Why an applied effect needed no call (e.g. the lead was converted in Salesforce); null when it went out. */
  left_alone: ColumnType<string | null, string | null | undefined, string | null>;
  /** Decision order across the tenant's outbox (the flush's read order and page cursor). */
  seq: Generated<number>;
}

export interface CheckpointsTable {
  tenant_id: string;
  name: string;
  value: JSONColumnType<Record<string, unknown>>;
  updated_at: UpdatedAt;
}

export interface SeenRequestsTable {
  signature_hash: string;
  expires_at: Date;
}

export interface OAuthPkceTable {
  nonce: string;
  verifier: string;
  expires_at: Date;
}

export interface OpsSessionsTable {
  id_hash: string;
  created_at: Date;
  last_used_at: Date;
  /** The absolute end, however busy the session is. */
  expires_at: Date;
}

/** A record about a lead that the CRM reports separately (HubSpot's Lead record → its contact). */
export interface RelatedRecordsTable {
  tenant_id: string;
  object_type: string;
  record_id: string;
  lead_id: string;
}

/** A CRM-side disqualification Baton cannot act on yet, and why (shown to the rep and in the ops console). */
export interface HeldReturnsTable {
  tenant_id: string;
  lead_id: string;
  record_id: string;
  reason_option: string | null;
  why: string;
  disqualified_at: Date;
  held_since: Date;
}

export interface Tables {
  tenants: TenantsTable;
  credentials: CredentialsTable;
  leads: LeadsTable;
  ledger: LedgerTable;
  inbox: InboxTable;
  sync_log: SyncLogTable;
  effects: EffectsTable;
  checkpoints: CheckpointsTable;
  oauth_states: OAuthStatesTable;
  seen_requests: SeenRequestsTable;
  oauth_pkce: OAuthPkceTable;
  ops_sessions: OpsSessionsTable;
  related_records: RelatedRecordsTable;
  held_returns: HeldReturnsTable;
}
