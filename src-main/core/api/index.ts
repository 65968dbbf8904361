import type { Contract } from '../../../src-shared/contract/index';
import { schoolHandlers } from './schoolHandlers';
import { systemHandlers } from './systemHandlers';
import type { Handlers } from './types';

/** The handler map; `satisfies` makes a missing or mistyped handler a compile error. */
export const handlers = {
  ...systemHandlers,
  ...schoolHandlers,
} satisfies Handlers<Contract>;
