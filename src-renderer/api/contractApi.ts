import type { MutationDefinition, QueryDefinition } from '@reduxjs/toolkit/query';
import { contract, type Contract, type MethodDef, type MethodInput, type MethodName, type MethodOutput } from '../../src-shared/contract/index';
import { baseApi, type ApiExtra, type ContractBaseQuery } from './baseApi';
import { tagsForChange, tagsForQuery, type Tag } from './tags';

/**
 * RTK Query endpoints derived from the contract. A feature lists its endpoints as
 * `hookName: 'contract.method'`; the argument and the result are the method's input and output
 * types, a query provides the tags of what it shows and a mutation invalidates the tags of the
 * entity it changes (./tags.ts). A new method costs one line, never a hand-typed endpoint.
 *
 * ```ts
 * export const roomsApi = contractEndpoints({ rooms: 'setup.rooms.list', saveRoom: 'setup.rooms.save' });
 * export const { useRoomsQuery, useSaveRoomMutation } = roomsApi;
 * ```
 */
export type EndpointSpec = MethodName | { method: MethodName; as: 'mutation' };

/**
 * A contract query run as a mutation: a file that must be made (and logged) on every click, never
 * served from the cache.
 */
export function onEachCall<M extends MethodName>(method: M): { method: M; as: 'mutation' } {
  return { method, as: 'mutation' };
}

type MethodOf<S> = S extends MethodName ? S : S extends { method: infer M extends MethodName } ? M : never;
type KindOf<S> = S extends { as: 'mutation' } ? 'mutation' : Contract[MethodOf<S>]['kind'];

/** The hook's argument: the method's input, which may be left out when the method needs none. */
export type ArgOf<M extends MethodName> = Record<never, never> extends MethodInput<Contract, M> ? MethodInput<Contract, M> | void : MethodInput<Contract, M>;
export type ResultOf<M extends MethodName> = MethodOutput<Contract, M>;

type Definitions<S extends Record<string, EndpointSpec>> = {
  [K in keyof S]: KindOf<S[K]> extends 'query'
    ? QueryDefinition<ArgOf<MethodOf<S[K]>>, ContractBaseQuery, Tag, ResultOf<MethodOf<S[K]>>, 'api'>
    : MutationDefinition<ArgOf<MethodOf<S[K]>>, ContractBaseQuery, Tag, ResultOf<MethodOf<S[K]>>, 'api'>;
};

/** Tags a call as a mutation invalidates: the changed entity, or only the log for an export. */
function invalidatedBy(def: MethodDef): Tag[] {
  if (def.kind === 'mutation') return tagsForChange(def.entity);
  return def.exportsPersonalData ? ['audit'] : [];
}

/** Injects the listed endpoints into the one API slice and returns it with their typed hooks. */
export function contractEndpoints<const S extends Record<string, EndpointSpec>>(specs: S) {
  return baseApi.injectEndpoints({
    endpoints: (build) => {
      const out: Record<string, unknown> = {};
      for (const [name, spec] of Object.entries(specs)) {
        const method = typeof spec === 'string' ? spec : spec.method;
        const def: MethodDef = contract[method];
        // A method whose input may be left out still gets `{}`: every such schema accepts it.
        const query = (input: unknown) => ({ method, input: input ?? {} });
        if (def.kind === 'query' && typeof spec === 'string') out[name] = build.query({ query, providesTags: tagsForQuery(method) });
        else if (def.kind === 'query') out[name] = build.mutation({ query, invalidatesTags: invalidatedBy(def) });
        else {
          out[name] = build.mutation({
            query,
            invalidatesTags: invalidatedBy(def),
            async onQueryStarted(input, { queryFulfilled, extra }) {
              try {
                const { data } = await queryFulfilled;
                (extra as ApiExtra).ownWrites?.note(def.entity, input, data);
              } catch {
                // A refused write changed nothing; the refusal is shown where it was asked for.
              }
            },
          });
        }
      }
      // The loop cannot carry each endpoint's own types; Definitions<S> states them from the contract.
      return out as Definitions<S>;
    },
  });
}

/**
 * Whether a value built at run time (a card form's changed fields) is a valid input of the method,
 * by the contract's own schema: the honest way to hand such a value to a typed endpoint.
 */
export function isInputOf<M extends MethodName>(method: M, value: unknown): value is MethodInput<Contract, M> {
  const def: MethodDef = contract[method];
  return def.input.safeParse(value).success;
}
