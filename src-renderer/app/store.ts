import { configureStore, createListenerMiddleware, isFulfilled, isRejectedWithValue } from '@reduxjs/toolkit';
import type { ErrorBody } from '../../src-shared/errors';
import { baseApi, type ApiExtra } from '../api/baseApi';
import { connectionRestored, errorRaised, uiSlice } from './uiSlice';

/** Errors a form shows next to its fields; every other rejected call becomes a global notice. */
const HANDLED_IN_PLACE = new Set(['VALIDATION', 'CONFLICT']);

const errorListener = createListenerMiddleware();
errorListener.startListening({
  matcher: isRejectedWithValue,
  effect: (action, api) => {
    const error = action.payload as ErrorBody | undefined;
    const endpoint = (action.meta as { arg?: { endpointName?: string } }).arg?.endpointName ?? '';
    if (error && !HANDLED_IN_PLACE.has(error.code)) api.dispatch(errorRaised(error, endpoint));
  },
});
// Every write is audited, so any successful mutation makes the log and record histories stale
// (endpoints of the builder invalidate `audit` themselves; this serves the hand-typed ones).
errorListener.startListening({
  matcher: isFulfilled,
  effect: (action, api) => {
    const arg = (action.meta as { arg?: { type?: string; endpointName?: string } }).arg;
    if (arg?.type === 'mutation') api.dispatch(baseApi.util.invalidateTags(['Audit']));
  },
});
errorListener.startListening({
  matcher: isFulfilled,
  effect: (_action, api) => {
    if ((api.getState() as RootState).ui.connection === 'lost') api.dispatch(connectionRestored());
  },
});

/** The store of one window; `client` is how its endpoints reach the core (IPC or HTTP, or a test's). */
export function makeStore(client: ApiExtra['client']) {
  const extra: ApiExtra = { client };
  return configureStore({
    reducer: { [baseApi.reducerPath]: baseApi.reducer, ui: uiSlice.reducer },
    middleware: (getDefault) => getDefault({ thunk: { extraArgument: extra } }).prepend(errorListener.middleware).concat(baseApi.middleware),
  });
}

export type AppStore = ReturnType<typeof makeStore>;
export type RootState = ReturnType<AppStore['getState']>;
export type AppDispatch = AppStore['dispatch'];
