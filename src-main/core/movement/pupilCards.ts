import type { NewPupilInput } from '../../../src-shared/contract/movementFields';
import { formatRu } from '../../../src-shared/domain/calendar/dates';
import { newId } from '../../../src-shared/domain/ids';
import { fullName, searchKey } from '../../../src-shared/domain/names';
import type { HandlerContext } from '../foundation/context';
import { CARD_SPECS, assertNewCardValid, completeCard, insertCard } from '../people/index';
import { PUPIL_LABELS } from '../../../src-shared/contract/peoplePupilCard';
import { refuse } from './common';
import type { Executor } from '../foundation/executor';
import { nowIso } from '../foundation/clock';
import { deletePupilRow, pupilByNameAndBirth, pupilRow, pupilUsedElsewhere } from './repo/orderStatus';

/**
 * Pupil cards created by an enrolment item, as the portal does (`formats/netschool.md` §0): ФИО, sex
 * and date of birth; the rest of the card is filled on the pupil's card page. The people module owns
 * cards and writes this one too (its defaults, its search tokens).
 */
export async function createPupilFromItem(ctx: HandlerContext, db: Executor, p: NewPupilInput & { middleName?: string | null }, ordinal: number): Promise<string> {
  const name = fullName({ lastName: p.lastName, firstName: p.firstName, middleName: p.middleName ?? null });
  const key = searchKey(p.lastName, p.firstName, p.middleName);
  // Matching like the portal's import: same ФИО and date of birth is the same person.
  const twin = await pupilByNameAndBirth(db, key, p.birthDate);
  if (twin) {
    throw refuse(`Пункт ${ordinal}: карточка «${name}», ${formatRu(p.birthDate)} г. р., уже есть — выберите её в поле «Обучающийся» вместо создания новой`, {
      existingPupilId: twin.id,
    });
  }
  // The people module writes the card (defaults of a new card, search tokens) inside our transaction.
  const card = completeCard(CARD_SPECS.pupil, { lastName: p.lastName, firstName: p.firstName, middleName: p.middleName ?? null, sex: p.sex, birthDate: p.birthDate });
  assertNewCardValid(CARD_SPECS.pupil, card, { ...PUPIL_LABELS, lastName: `Пункт ${ordinal}: фамилия`, firstName: `Пункт ${ordinal}: имя`, birthDate: `Пункт ${ordinal}: дата рождения` });
  const id = newId();
  await insertCard(db, CARD_SPECS.pupil, id, card, nowIso());
  await ctx.audit.record(db, {
    entity: 'pupil',
    recordId: id,
    action: 'create',
    changes: { lastName: [null, p.lastName], firstName: [null, p.firstName], middleName: [null, p.middleName ?? null], sex: [null, p.sex], birthDate: [null, p.birthDate] },
    cause: 'Книга движения: пункт приказа о зачислении',
  });
  return id;
}

/**
 * A card created by a draft item goes away with the item, unless someone has since used it: edited
 * the card, linked parents, put it in another order or a class.
 */
export async function dropCardIfUnused(ctx: HandlerContext, db: Executor, pupilId: string, exceptItemId: string): Promise<boolean> {
  const card = await pupilRow(db, pupilId);
  if (!card || Number(card.version) !== 1) return false;
  if (await pupilUsedElsewhere(db, pupilId, exceptItemId)) return false;
  // A card edited through the people module has version > 1 and is kept above, so nothing else
  // references an untouched card.
  await deletePupilRow(db, pupilId);
  await ctx.audit.record(db, { entity: 'pupil', recordId: pupilId, action: 'delete', changes: { fullName: [fullName(card), null] }, cause: 'Удалён черновик приказа, создавший карточку' });
  return true;
}
