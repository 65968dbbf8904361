import type { ContractShape } from './define';
import { schoolContract } from './school';
import { systemContract } from './system';

/** Every operation the UI, the CLI or a test can ask the core for. */
export const contract = {
  ...systemContract,
  ...schoolContract,
} satisfies ContractShape;

export type Contract = typeof contract;
export type MethodName = keyof Contract;

export * from './define';
export * from './rights';
