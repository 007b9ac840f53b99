// The first schema: tenants, encrypted credentials, tracked leads, the ledger, the inbox, the sync log,
// the effect outbox and per-tenant checkpoints. PostgreSQL 15 SQL (the embedded PGlite is newer).
import { sql, type Kysely } from 'kysely';

const statements = [
  `CREATE TABLE tenants (
    id text PRIMARY KEY,
    crm text NOT NULL CHECK (crm IN ('hubspot', 'salesforce')),
    external_id text NOT NULL,
    name text NOT NULL,
    status text NOT NULL CHECK (status IN ('connected', 'refresh_failing', 'disconnected')),
    policy jsonb NOT NULL DEFAULT '{}'::jsonb,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (crm, external_id)
  )`,
  `CREATE TABLE credentials (
    tenant_id text PRIMARY KEY REFERENCES tenants (id) ON DELETE CASCADE,
    key_version integer NOT NULL,
    iv bytea NOT NULL,
    tag bytea NOT NULL,
    ciphertext bytea NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now()
  )`,
  `CREATE TABLE leads (
    tenant_id text NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    lead_id text NOT NULL,
    stage text NOT NULL,
    owner_id text,
    state jsonb NOT NULL,
    next_timer_at timestamptz,
    version integer NOT NULL DEFAULT 1,
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, lead_id)
  )`,
  // The sweep reads only what is due: a partial index over leads with a timer.
  `CREATE INDEX leads_due ON leads (next_timer_at, tenant_id) WHERE next_timer_at IS NOT NULL`,
  `CREATE INDEX leads_owner ON leads (tenant_id, owner_id, stage)`,
  `CREATE TABLE ledger (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id text NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    lead_id text NOT NULL,
    at timestamptz NOT NULL,
    from_stage text,
    to_stage text NOT NULL,
    cause text NOT NULL,
    actor_kind text NOT NULL,
    actor_id text,
    reason text,
    note text,
    owner_id text,
    context jsonb NOT NULL DEFAULT '{}'::jsonb
  )`,
  `CREATE INDEX ledger_tenant_at ON ledger (tenant_id, at)`,
  `CREATE INDEX ledger_lead ON ledger (tenant_id, lead_id, at)`,
  // Append-only: rows are never deleted, and only anonymised (lead id, note, actor) on a privacy deletion.
  `CREATE FUNCTION ledger_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    IF TG_OP = 'DELETE' THEN
      RAISE EXCEPTION 'the ledger is append-only';
    END IF;
    IF NEW.tenant_id IS DISTINCT FROM OLD.tenant_id OR NEW.at IS DISTINCT FROM OLD.at
       OR NEW.from_stage IS DISTINCT FROM OLD.from_stage OR NEW.to_stage IS DISTINCT FROM OLD.to_stage
       OR NEW.cause IS DISTINCT FROM OLD.cause OR NEW.reason IS DISTINCT FROM OLD.reason
       OR NEW.context IS DISTINCT FROM OLD.context OR NEW.actor_kind IS DISTINCT FROM OLD.actor_kind THEN
      RAISE EXCEPTION 'the ledger is append-only';
    END IF;
    RETURN NEW;
  END $$`,
  `CREATE TRIGGER ledger_append_only BEFORE UPDATE OR DELETE ON ledger
    FOR EACH ROW EXECUTE FUNCTION ledger_append_only()`,
  `CREATE TABLE inbox (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id text NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    source text NOT NULL,
    dedupe_key text NOT NULL,
    lead_id text,
    received_at timestamptz NOT NULL DEFAULT now(),
    payload jsonb NOT NULL,
    status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'processed', 'skipped', 'failed')),
    processed_at timestamptz,
    error text,
    UNIQUE (tenant_id, dedupe_key)
  )`,
  `CREATE INDEX inbox_pending ON inbox (tenant_id, id) WHERE status = 'pending'`,
  `CREATE TABLE sync_log (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id text REFERENCES tenants (id) ON DELETE CASCADE,
    at timestamptz NOT NULL DEFAULT now(),
    direction text NOT NULL CHECK (direction IN ('inbound', 'outbound')),
    operation text NOT NULL,
    record_ids text[] NOT NULL DEFAULT '{}',
    status text NOT NULL CHECK (status IN ('ok', 'error', 'retrying', 'skipped')),
    http_status integer,
    latency_ms integer,
    attempt integer NOT NULL DEFAULT 1,
    error_kind text,
    message text
  )`,
  `CREATE INDEX sync_log_tenant_at ON sync_log (tenant_id, at DESC)`,
  `CREATE INDEX sync_log_records ON sync_log USING gin (record_ids)`,
  `CREATE TABLE effects (
    tenant_id text NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    key text NOT NULL,
    lead_id text NOT NULL,
    kind text NOT NULL,
    payload jsonb NOT NULL,
    status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'applied', 'dead')),
    attempts integer NOT NULL DEFAULT 0,
    last_error text,
    created_at timestamptz NOT NULL DEFAULT now(),
    applied_at timestamptz,
    PRIMARY KEY (tenant_id, key)
  )`,
  `CREATE INDEX effects_pending ON effects (tenant_id, kind, created_at) WHERE status = 'pending'`,
  `CREATE TABLE checkpoints (
    tenant_id text NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    name text NOT NULL,
    value jsonb NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, name)
  )`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
