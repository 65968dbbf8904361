import { createApi, type BaseQueryFn } from '@reduxjs/toolkit/query/react';
import type { MethodName } from '../../src-shared/contract/index';
import { AppError, type ErrorBody } from '../../src-shared/errors';
import { apiClient } from './client';

export interface CallArgs {
  method: MethodName;
  input?: unknown;
}

/** RTK Query over the contract: every endpoint names a method and its input. */
const contractBaseQuery: BaseQueryFn<CallArgs, unknown, ErrorBody> = async ({ method, input }) => {
  try {
    const data = await apiClient.call(method, input as never);
    return { data };
  } catch (err) {
    if (err instanceof AppError) return { error: err.toBody() };
    return { error: { code: 'INTERNAL', message: String((err as Error)?.message ?? err) } };
  }
};

export const baseApi = createApi({
  reducerPath: 'api',
  baseQuery: contractBaseQuery,
  tagTypes: ['School', 'System', 'Backup', 'Session', 'Users', 'Rights', 'AccessSettings', 'Audit', 'Years', 'Periods', 'Calendar', 'Production', 'Bells', 'Subjects', 'Rooms', 'Classes', 'Subgroups', 'SetupCheck', 'MovementOrders', 'Movement', 'MovementReports', 'MovementSettings', 'Pupils', 'Parents', 'Staff', 'Accounts', 'Curriculum', 'Load', 'Exchange', 'Timetable'],
  endpoints: () => ({}),
});
