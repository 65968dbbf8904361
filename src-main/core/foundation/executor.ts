import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema';

/**
 * What every repository function takes first: the database or the transaction a service opened,
 * so one function serves both a plain read and a step inside a larger write.
 */
export type Executor = Kysely<Database> | Transaction<Database>;
