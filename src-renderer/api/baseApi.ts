import { createApi, type BaseQueryFn } from '@reduxjs/toolkit/query/react';
import type { MethodName } from '../../src-shared/contract/index';
import { AppError, type ErrorBody } from '../../src-shared/errors';
import type { ApiClient } from '../../src-shared/transport';
import type { OwnWrites } from './ownWrites';
import { TAG_TYPES } from './tags';

export interface CallArgs {
  method: MethodName;
  input?: unknown;
}

/** What the store hands every endpoint (thunk extra argument): the client of the window's transport. */
export interface ApiExtra {
  client: Pick<ApiClient, 'call'>;
  /** What this window just wrote, so the echo of its own write is not fetched twice (./ownWrites.ts). */
  ownWrites?: OwnWrites;
}

export type ContractBaseQuery = BaseQueryFn<CallArgs, unknown, ErrorBody>;

/** RTK Query over the contract: every endpoint names a method and its input. */
const contractBaseQuery: ContractBaseQuery = async ({ method, input }, api) => {
  try {
    const { client } = api.extra as ApiExtra;
    // The client is typed per method; here the method is only known at run time, and the core checks the input.
    const call = client.call as (m: MethodName, i: unknown) => Promise<unknown>;
    return { data: await call(method, input) };
  } catch (err) {
    if (err instanceof AppError) return { error: err.toBody() };
    return { error: { code: 'INTERNAL', message: String((err as Error)?.message ?? err) } };
  }
};

/**
 * The one API slice. Features add endpoints with `contractEndpoints` (./contractApi.ts), never by
 * hand; the tags are the domain entities (./tags.ts).
 */
export const baseApi = createApi({
  reducerPath: 'api',
  baseQuery: contractBaseQuery,
  tagTypes: [...TAG_TYPES],
  endpoints: () => ({}),
});
