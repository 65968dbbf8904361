import { useEffect, useState, type ReactNode } from 'react';
import { Button, Card, Form, Space } from 'antd';
import { useNavigate, useParams } from 'react-router';
import type { z } from 'zod';
import type { Contract, MethodInput, MethodName } from '../../../src-shared/contract/index';
import type { Right } from '../../../src-shared/contract/rights';
import type { DuplicateCandidate, HistoryRow } from '../../../src-shared/contract/peopleViews';
import type { PersonKind } from '../../../src-shared/domain/personRules';
import type { ErrorBody } from '../../../src-shared/errors';
import { isInputOf } from '../../api/contractApi';
import { CardFrame, type CallResult, type CardTab } from '../../components/card/CardFrame';
import { useHasRight } from '../../components/useSession';
import { checkCard } from './cardForm';
import { DuplicateAlert } from './DuplicateAlert';
import { HistoryTab } from './HistoryTab';
import { MergeModal } from './MergeModal';
import { PhotoField } from './PhotoField';
import { useEarlyDuplicates } from './useEarlyDuplicates';

export interface PersonCardView {
  id: string;
  version: number;
  lastName: string;
  firstName: string;
  middleName: string | null;
}

/** What differs between the pupil, parent and staff cards, apart from their tabs (./personCards.ts). */
export interface PersonCardSpec<V extends PersonCardView, CM extends MethodName, UM extends MethodName> {
  kind: PersonKind;
  /** «Карточка обучающегося»: names the record in messages. */
  record: string;
  labels: Record<string, string>;
  /** The card's own fields (the contract's full card). */
  fieldKeys: readonly string[];
  patchSchema: z.ZodType;
  empty: Record<string, unknown>;
  editRight: Right;
  listPath: string;
  newTitle: string;
  createMethod: CM;
  updateMethod: UM;
  /** Form values sent only when creating (the hire order of a new staff member). */
  createOnlyKeys?: readonly string[];
  /** The create input from the form's values. */
  prepareCreate?: (payload: Record<string, unknown>) => Record<string, unknown>;
  useView: (arg: { id: string }, options: { skip: boolean }) => { data?: V; refetch: () => { unwrap(): Promise<V> } };
  useHistory: (arg: { id: string }, options: { skip: boolean }) => { data?: HistoryRow[]; isFetching: boolean };
  useCreate: () => readonly [(input: MethodInput<Contract, CM>) => Promise<CallResult<V>>, ...unknown[]];
  useUpdate: () => readonly [(input: MethodInput<Contract, UM>) => Promise<CallResult<V>>, ...unknown[]];
}

interface Props<V extends PersonCardView, CM extends MethodName, UM extends MethodName> {
  spec: PersonCardSpec<V, CM, UM>;
  /** The card's own tabs; «История изменений» is added after them for a saved card. */
  tabs: (view: V | undefined) => CardTab[];
  subtitle?: (view: V) => ReactNode;
  /** Buttons of a saved card beside «Объединить…» (the print forms of the reports area). */
  actions?: (view: V) => ReactNode;
}

const PHOTO_LABELS = { photo: 'Фотография' };

/** A refusal for an input the contract would not take (a form bug, not a user's typo). */
function notAnInput(record: string): CallResult<never> {
  return { error: { code: 'VALIDATION', message: `${record}: данные формы не подходят для сохранения. Ничего не сохранено.` } satisfies ErrorBody };
}

/**
 * The scaffold of the three people cards: route (`/pupils/:id`, `new`), rights, the record and its
 * history, create and update through the contract, the photo, duplicate warnings while a new card is
 * typed and on save, «Объединить с другой карточкой…», and the card frame with its three-way merge.
 */
export function PersonCardPage<V extends PersonCardView, CM extends MethodName, UM extends MethodName>({ spec, tabs, subtitle, actions }: Props<V, CM, UM>) {
  const { id = 'new' } = useParams();
  const isNew = id === 'new';
  const navigate = useNavigate();
  const canEdit = useHasRight(spec.editRight);
  const canMerge = useHasRight('people.merge') && canEdit;
  const [merging, setMerging] = useState(false);
  const [form] = Form.useForm();
  const { data: view, refetch } = spec.useView({ id }, { skip: isNew });
  const history = spec.useHistory({ id }, { skip: isNew });
  const [create] = spec.useCreate();
  const [update] = spec.useUpdate();
  const [dups, setDups] = useState<{ message: string; list: DuplicateCandidate[]; createAnyway: () => void } | null>(null);
  const probe = {
    lastName: Form.useWatch('lastName', form) as string | undefined,
    firstName: Form.useWatch('firstName', form) as string | undefined,
    middleName: Form.useWatch('middleName', form) as string | undefined,
    birthDate: Form.useWatch('birthDate', form) as string | undefined,
    snils: Form.useWatch('snils', form) as string | undefined,
  };
  const early = useEarlyDuplicates(spec.kind, probe, isNew && canEdit && !dups);
  useEffect(() => {
    if (dups) window.scrollTo({ top: 0, behavior: 'smooth' });
  }, [dups]);
  if (!isNew && !view) return <Card loading />;

  const open = (other: string) => navigate(`${spec.listPath}/${other}`);
  const allTabs = tabs(view);
  if (!isNew) allTabs.push({ key: 'history', label: 'История изменений', fields: [], content: <HistoryTab entity={spec.kind} rows={history.data} loading={history.isFetching} currentId={id} /> });

  return (
    <>
      <CardFrame<V>
        form={form}
        record={spec.record}
        labels={{ ...spec.labels, ...PHOTO_LABELS }}
        fieldKeys={[...spec.fieldKeys, 'photo']}
        createOnlyKeys={spec.createOnlyKeys}
        view={view}
        empty={spec.empty}
        title={view ? `${view.lastName} ${view.firstName} ${view.middleName ?? ''}` : spec.newTitle}
        subtitle={view && subtitle?.(view)}
        tabs={allTabs}
        canEdit={canEdit}
        onBack={() => navigate(spec.listPath)}
        check={(payload, whole, changed) => checkCard(spec.kind, spec.patchSchema, Object.fromEntries(Object.entries(payload).filter(([k]) => k !== 'photo')), whole, changed)}
        onCreate={async (payload) => {
          const input = spec.prepareCreate?.(payload) ?? payload;
          return isInputOf(spec.createMethod, input) ? create(input) : notAnInput(spec.record);
        }}
        onUpdate={async (payload) => (isInputOf(spec.updateMethod, payload) ? update(payload) : notAnInput(spec.record))}
        onSaved={(v, created) => {
          setDups(null);
          if (created) navigate(`${spec.listPath}/${v.id}`, { replace: true });
        }}
        fetchLatest={() => refetch().unwrap().catch(() => undefined)}
        onRefused={(err, retry) => {
          if (err.code !== 'CONFLICT' || !Array.isArray(err.details?.duplicates)) return false;
          setDups({ message: err.message, list: err.details.duplicates as DuplicateCandidate[], createAnyway: () => retry({ allowDuplicate: true }) });
          return true;
        }}
        aside={
          <Form.Item name="photo" noStyle>
            <PhotoField />
          </Form.Item>
        }
        alerts={
          <>
            {early.length > 0 && (
              <DuplicateAlert
                testId="duplicate-early"
                message="Похоже, такая карточка уже есть (совпадают ФИО и дата рождения или СНИЛС) — откройте её, чтобы не вводить данные второй раз."
                candidates={early}
                onOpen={open}
              />
            )}
            {dups && (
              <DuplicateAlert
                message={dups.message}
                candidates={dups.list}
                onOpen={open}
                onCreateAnyway={() => {
                  const again = dups.createAnyway;
                  setDups(null);
                  again();
                }}
              />
            )}
          </>
        }
        actions={
          view ? (
            <Space wrap>
              {actions?.(view)}
              {canMerge && <Button onClick={() => setMerging(true)}>Объединить с другой карточкой…</Button>}
            </Space>
          ) : null
        }
      />
      {view && <MergeModal kind={spec.kind} keepId={view.id} keepName={`${view.lastName} ${view.firstName}`} open={merging} onClose={() => setMerging(false)} />}
    </>
  );
}
