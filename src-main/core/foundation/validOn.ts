import { sql, type Expression, type SqlBool } from 'kysely';

/**
 * A dated record (class membership, subgroup membership, position…) is in force on `date` when it
 * started on or before that day and has not ended: `end_date` is exclusive, the first day it no
 * longer holds (DESIGN.md §5, «history is never overwritten»). The one spelling of that rule, for a
 * `where` or a join's `on`; `table` is the alias the query gives the dated table, if any.
 */
export function validOn(table: string | null, date: string): Expression<SqlBool> {
  const col = (name: string) => sql.ref(table ? `${table}.${name}` : name);
  return sql<SqlBool>`(${col('startDate')} <= ${date} and (${col('endDate')} is null or ${col('endDate')} > ${date}))`;
}

/** Not ended on `date` (whatever its start): still in force then or later. */
export function notEndedOn(table: string | null, date: string): Expression<SqlBool> {
  const col = sql.ref(table ? `${table}.endDate` : 'endDate');
  return sql<SqlBool>`(${col} is null or ${col} > ${date})`;
}
