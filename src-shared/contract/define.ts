import type { z } from 'zod';
import type { DomainEntity } from '../events';
import type { Right } from './rights';

export type MethodKind = 'query' | 'mutation';

export interface MethodDef<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  kind: MethodKind;
  input: I;
  output: O;
  /** The right a caller needs; `null` means the method is open (status, sign-in). */
  right: Right | null;
  /**
   * What a mutation changes, from the vocabulary of domain events (src-shared/events.ts): the
   * default audit entity, and the `dataChanged` event the dispatcher announces after it succeeds.
   */
  entity?: DomainEntity;
  /** Russian name of the record a validation message should name, e.g. «Карточка ОО». */
  record?: string;
  /** Russian labels of input fields by dotted path, used in validation messages. */
  labels?: Record<string, string>;
  /** One line of documentation (TSDoc-like) shown in the generated method list. */
  summary: string;
  /**
   * Set on every method that hands out people's data as a file or a list meant to leave the app
   * (Excel, CSV, DOCX, PDF): the dispatcher then writes an `export` audit row for each successful
   * call even if the handler wrote none (152-ФЗ: every export of personal data is recorded).
   */
  exportsPersonalData?: true;
  /**
   * The largest request body the HTTP transport reads for this method, in bytes. Unset: the small
   * default for ordinary calls (src-main/http/limits.ts). Set it on methods that upload files.
   */
  maxRequestBytes?: number;
}

export function query<I extends z.ZodType, O extends z.ZodType>(
  def: Omit<MethodDef<I, O>, 'kind'>,
): MethodDef<I, O> & { kind: 'query' } {
  return { ...def, kind: 'query' };
}

export function mutation<I extends z.ZodType, O extends z.ZodType>(
  def: Omit<MethodDef<I, O>, 'kind'> & { entity: DomainEntity },
): MethodDef<I, O> & { kind: 'mutation' } {
  return { ...def, kind: 'mutation' };
}

export type ContractShape = Record<string, MethodDef>;

export type MethodInput<C extends ContractShape, K extends keyof C> = z.input<C[K]['input']>;
export type MethodParsedInput<C extends ContractShape, K extends keyof C> = z.output<C[K]['input']>;
export type MethodOutput<C extends ContractShape, K extends keyof C> = z.output<C[K]['output']>;
