import { createSlice, type PayloadAction } from '@reduxjs/toolkit';
import type { ErrorBody } from '../../src-shared/errors';
import type { PushEvent } from '../../src-shared/events';

export interface JobProgress {
  jobId: string;
  title: string;
  done: number;
  total: number;
  message?: string;
  finished: boolean;
}

export interface Notice {
  id: number;
  error: ErrorBody;
  endpoint: string;
}

interface UiState {
  jobs: Record<string, JobProgress>;
  notices: Notice[];
  connection: 'ok' | 'lost';
}

const initialState: UiState = { jobs: {}, notices: [], connection: 'ok' };
let noticeSeq = 0;

export const uiSlice = createSlice({
  name: 'ui',
  initialState,
  reducers: {
    progressReceived(state, action: PayloadAction<Extract<PushEvent, { type: 'progress' }>>) {
      const e = action.payload;
      state.jobs[e.jobId] = {
        jobId: e.jobId,
        title: e.title,
        done: e.done,
        total: e.total,
        message: e.message,
        finished: Boolean(e.finished),
      };
    },
    jobDismissed(state, action: PayloadAction<string>) {
      delete state.jobs[action.payload];
    },
    errorRaised: {
      reducer(state, action: PayloadAction<Notice>) {
        state.notices.push(action.payload);
        if (action.payload.error.code === 'DB_UNAVAILABLE') state.connection = 'lost';
      },
      prepare(error: ErrorBody, endpoint: string) {
        return { payload: { id: ++noticeSeq, error, endpoint } };
      },
    },
    noticeShown(state, action: PayloadAction<number>) {
      state.notices = state.notices.filter((n) => n.id !== action.payload);
    },
    connectionRestored(state) {
      state.connection = 'ok';
    },
  },
});

export const { progressReceived, jobDismissed, errorRaised, noticeShown, connectionRestored } = uiSlice.actions;
