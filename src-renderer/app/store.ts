import { configureStore, createListenerMiddleware, isFulfilled, isRejectedWithValue } from '@reduxjs/toolkit';
import type { ErrorBody } from '../../src-shared/errors';
import { baseApi, type ApiExtra } from '../api/baseApi';
import { createOwnWrites } from '../api/ownWrites';
import { selectedYearSlice } from '../components/useSelectedYear';
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
errorListener.startListening({
  matcher: isFulfilled,
  effect: (_action, api) => {
    if ((api.getState() as RootState).ui.connection === 'lost') api.dispatch(connectionRestored());
  },
});

/** The store of one window; `client` is how its endpoints reach the core (IPC or HTTP, or a test's). */
export function makeStore(client: ApiExtra['client']) {
  const extra: ApiExtra = { client, ownWrites: createOwnWrites() };
  return configureStore({
    reducer: { [baseApi.reducerPath]: baseApi.reducer, ui: uiSlice.reducer, selectedYear: selectedYearSlice.reducer },
    middleware: (getDefault) => getDefault({ thunk: { extraArgument: extra } }).prepend(errorListener.middleware).concat(baseApi.middleware),
  });
}

export type AppStore = ReturnType<typeof makeStore>;
export type RootState = ReturnType<AppStore['getState']>;
export type AppDispatch = AppStore['dispatch'];
