// Repositories take the database or an open transaction: both are a Kysely<Tables>.
import type { Kysely, Transaction } from 'kysely';
import type { Tables } from './tables.ts';

export type Executor = Kysely<Tables>;
export type Tx = Transaction<Tables>;
