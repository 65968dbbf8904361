import type { z } from 'zod';
import type { ContractShape } from '../../../src-shared/contract/define';
import type { HandlerContext } from '../foundation/context';

/** One handler per contract method; a missing or mistyped handler is a compile error. */
export type Handlers<C extends ContractShape> = {
  [K in keyof C]: (input: z.output<C[K]['input']>, ctx: HandlerContext) => Promise<z.input<C[K]['output']>>;
};
