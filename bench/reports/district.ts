import type BetterSqlite3 from 'better-sqlite3';
import { HEALTH_GROUPS, OVZ_CATEGORIES, PE_GROUPS, QUALIFICATION_CATEGORIES, SOCIAL_STATUSES } from '../../src-shared/domain/peopleDictionaries';
import { searchKey } from '../../src-shared/domain/names';
import { BOY_NAMES, feminineSurname, GIRL_NAMES, MALE_NAMES, SURNAMES, WOMAN_NAMES } from '../../src-main/core/demo/names';
import { createRng } from '../../src-main/core/demo/rng';

/**
 * A district-sized database for bench:reports, written with prepared statements (as bench/search.ts
 * does): one year, classes 1–11 of about 25 pupils, every pupil with the card values the reports
 * count, a parent each, enrolled by a signed order on 1 September; during the year some arrive
 * from other schools and some leave by order; staff with positions, education, courses and subjects.
 */
const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const AT = '2026-08-25T09:00:00.000Z';
const POSITIONS = ['Учитель', 'Учитель', 'Учитель', 'Учитель начальных классов', 'Педагог-психолог', 'Социальный педагог', 'Заместитель директора по учебно-воспитательной работе', 'Лаборант', 'Уборщик служебных помещений'];
const SUBJECTS = ['Русский язык и литература', 'Математика', 'Английский язык', 'История и обществознание', 'Физика', 'Биология', 'Физическая культура'];

export interface DistrictCounts {
  pupils: number;
  classes: number;
  staff: number;
}

export function writeDistrict(sqlite: BetterSqlite3.Database, pupilsWanted: number): DistrictCounts {
  const rng = createRng(20261205);
  const classesPerGrade = Math.max(1, Math.round(pupilsWanted / 11 / 25));
  let pupils = 0;
  let staffCount = 0;
  sqlite.transaction(() => {
    sqlite.prepare("insert into school_card (id, full_name, short_name, kind, version, updated_at) values ('main', 'Муниципальная система образования (сводная база)', 'Район', 'Средняя общеобразовательная школа', 1, ?)").run(AT);
    sqlite.prepare("insert into academic_year (id, name, start_date, end_date, is_current, is_closed, version, updated_at) values ('y', '2026/2027', '2026-09-01', '2027-08-31', 1, 0, 1, ?)").run(AT);
    const subjectIns = sqlite.prepare('insert into subject (id, name, short_name, is_split, sort_order, is_archived, version, updated_at) values (?, ?, ?, 0, ?, 0, 1, ?)');
    SUBJECTS.forEach((s, i) => subjectIns.run(`sub${i}`, s, s.slice(0, 6), i, AT));
    const staffIns = sqlite.prepare(
      'insert into staff (id, last_name, first_name, middle_name, sex, birth_date, snils, search_key, version, created_at, updated_at, search_indexed, position, hire_date, total_experience_start, ped_experience_start, qualification_category, category_date, next_attestation_date) values (?, ?, ?, ?, ?, ?, null, ?, 1, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?)',
    );
    const posIns = sqlite.prepare("insert into staff_position (id, staff_id, sort_order, position, kind, rate, start_date, end_date, order_number) values (?, ?, 0, ?, 'main', 1, ?, null, '1-к')");
    const eduIns = sqlite.prepare("insert into staff_education (id, staff_id, sort_order, level, institution, diploma_date, diploma_number, specialty, qualification, pedagogical) values (?, ?, 0, ?, 'АлтГПУ', null, null, null, null, ?)");
    const trIns = sqlite.prepare("insert into staff_training (id, staff_id, sort_order, kind, start_date, end_date, institution, programme, hours, document) values (?, ?, 0, 'qualification', null, ?, 'АИРО', 'ФГОС', 72, null)");
    const subjIns = sqlite.prepare('insert into staff_subject (staff_id, subject_id) values (?, ?)');
    const staffTotal = Math.round(pupilsWanted / 14);
    const teachersOf: string[] = [];
    for (let i = 0; i < staffTotal; i++) {
      const id = `s${pad(i, 6)}`;
      const sex = rng.chance(0.85) ? 'Ж' : 'М';
      const surname = rng.pick(SURNAMES);
      const father = rng.pick(MALE_NAMES);
      const last = sex === 'Ж' ? feminineSurname(surname) : surname;
      const first = sex === 'Ж' ? rng.pick(WOMAN_NAMES) : rng.pick(MALE_NAMES)[0];
      const middle = sex === 'Ж' ? father[2] : father[1];
      const position = rng.pick(POSITIONS);
      const born = 1960 + rng.int(0, 40);
      const hire = `${Math.max(born + 22, 1990 + rng.int(0, 35))}-08-25`;
      const ped = position.startsWith('Учитель') || position.startsWith('Педагог') || position.startsWith('Социальный');
      const cat = ped ? rng.pick(QUALIFICATION_CATEGORIES) : null;
      const catYear = 2021 + rng.int(0, 5);
      staffIns.run(id, last, first, middle, sex, `${born}-${pad(rng.int(1, 12))}-${pad(rng.int(1, 28))}`, searchKey(last, first, middle), AT, AT, position, hire, hire, ped ? hire : null, cat, cat ? `${catYear}-${pad(rng.int(1, 12))}-10` : null, cat ? `${catYear + 5}-${pad(rng.int(1, 12))}-10` : null);
      posIns.run(`${id}p`, id, position, hire);
      eduIns.run(`${id}e`, id, ped ? 'высшее — специалитет' : 'среднее профессиональное', ped ? 1 : 0);
      if (rng.chance(0.7)) trIns.run(`${id}t`, id, `${2022 + rng.int(0, 4)}-${pad(rng.int(1, 6))}-20`);
      if (position === 'Учитель') subjIns.run(id, `sub${rng.int(0, SUBJECTS.length - 1)}`);
      if (position.startsWith('Учитель')) teachersOf.push(id);
    }
    staffCount = staffTotal;

    const classIns = sqlite.prepare("insert into school_class (id, academic_year_id, grade, letter, name, class_teacher_id, shift, version, updated_at, programme) values (?, 'y', ?, ?, ?, ?, 1, 1, ?, ?)");
    const pupilIns = sqlite.prepare(
      'insert into pupil (id, last_name, first_name, middle_name, sex, birth_date, snils, search_key, version, created_at, updated_at, search_indexed, health_group, pe_group, has_ovz, ovz_category, disability_group, home_schooling, boarding, family_composition, social_status, citizenship, foreign_language1, free_meals, study_form) values (?, ?, ?, ?, ?, ?, null, ?, 1, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    const parentIns = sqlite.prepare('insert into parent (id, last_name, first_name, middle_name, sex, birth_date, snils, search_key, version, created_at, updated_at, search_indexed, phone_mobile) values (?, ?, ?, ?, ?, ?, null, ?, 1, ?, ?, 1, ?)');
    const linkIns = sqlite.prepare("insert into pupil_parent (pupil_id, parent_id, relation, is_legal_representative) values (?, ?, 'мать', 1)");
    const orderIns = sqlite.prepare("insert into movement_order (id, academic_year_id, order_type, number, number_text, order_date, title, status, version, created_at, updated_at, source) values (?, 'y', ?, ?, ?, ?, ?, 'signed', 1, ?, ?, 'office')");
    const itemIns = sqlite.prepare(
      "insert into movement_order_item (id, order_id, ordinal, pupil_id, created_pupil, from_class_id, to_class_id, effective_date, enroll_kind, destination_kind, subgroup_ids, name_genitive, name_dative, name_accusative, names_edited) values (?, ?, ?, ?, 0, ?, ?, ?, ?, ?, '[]', '', '', '', 0)",
    );
    const memberIns = sqlite.prepare('insert into class_membership (id, pupil_id, class_id, start_date, end_date, cause, order_item_id, end_order_item_id) values (?, ?, ?, ?, ?, null, ?, ?)');
    orderIns.run('o-enrol', 'enroll', 1, '1-з', '2026-08-28', 'О зачислении (контингент)', AT, AT);
    orderIns.run('o-arrive', 'enroll', 2, '2-з', '2026-11-09', 'О зачислении', AT, AT);
    orderIns.run('o-leave', 'withdraw', 1, '1-в', '2026-12-14', 'О выбытии', AT, AT);
    const letters = 'АБВГДЕЖЗИКЛМНОПРСТУФХЦЧШЭЮЯ';
    let item = 0;
    for (let grade = 1; grade <= 11; grade++) {
      for (let k = 0; k < classesPerGrade; k++) {
        const classId = `c${grade}-${k}`;
        const letter = `${letters[k % letters.length]}${k >= letters.length ? Math.floor(k / letters.length) : ''}`;
        classIns.run(classId, grade, letter, `${grade}${letter}`, teachersOf[(grade * classesPerGrade + k) % Math.max(1, teachersOf.length)] ?? null, AT, k === 0 && grade <= 4 ? 'АООП' : 'ООП');
        const size = 25 + rng.int(-3, 3);
        for (let i = 0; i < size; i++) {
          const id = `p${pad(pupils, 7)}`;
          pupils++;
          const sex = rng.chance(0.5) ? 'М' : 'Ж';
          const surname = rng.pick(SURNAMES);
          const father = rng.pick(MALE_NAMES);
          const last = sex === 'Ж' ? feminineSurname(surname) : surname;
          const first = sex === 'Ж' ? rng.pick(GIRL_NAMES) : rng.pick(BOY_NAMES);
          const middle = sex === 'Ж' ? father[2] : father[1];
          const born = 2026 - 7 - (grade - 1);
          const ovz = rng.chance(0.05);
          const social = rng.chance(0.15) ? [rng.pick(SOCIAL_STATUSES)] : [];
          const family = [rng.chance(0.75) ? 'полная семья' : 'неполная семья (мать)', ...(rng.chance(0.06) ? ['многодетная семья'] : [])];
          pupilIns.run(
            id, last, first, middle, sex, `${born}-${pad(rng.int(1, 12))}-${pad(rng.int(1, 28))}`, searchKey(last, first, middle), AT, AT,
            rng.chance(0.97) ? rng.pick(HEALTH_GROUPS.slice(0, 4)) : null, rng.chance(0.97) ? rng.pick(PE_GROUPS.slice(0, 3)) : null,
            ovz ? 1 : 0, ovz ? rng.pick(OVZ_CATEGORIES) : null, rng.chance(0.02) ? 'ребёнок-инвалид' : null, rng.chance(0.01) ? 1 : 0, rng.chance(0.01) ? 1 : 0,
            JSON.stringify(family), JSON.stringify(social), rng.chance(0.98) ? 'Российская Федерация' : 'Республика Казахстан', grade >= 2 ? 'английский' : null, social.length ? 1 : 0, 'очная',
          );
          parentIns.run(`r${id}`, feminineSurname(surname), rng.pick(WOMAN_NAMES), father[2], 'Ж', `${born - 28}-03-03`, searchKey(feminineSurname(surname), 'мать', null), AT, AT, `+7 913 ${rng.int(100, 999)}-${pad(rng.int(0, 99))}-${pad(rng.int(0, 99))}`);
          linkIns.run(id, `r${id}`);
          // 1 % arrive in November, 2 % leave in December; the rest are the contingent of 1 September.
          const arrives = rng.chance(0.01);
          const leaves = !arrives && rng.chance(0.02);
          const itemId = `i${++item}`;
          const start = arrives ? '2026-11-10' : '2026-09-01';
          itemIns.run(itemId, arrives ? 'o-arrive' : 'o-enrol', item, id, null, classId, start, arrives ? 'otherSchool' : 'contingent', null);
          let endItem: string | null = null;
          if (leaves) {
            endItem = `i${++item}`;
            itemIns.run(endItem, 'o-leave', item, id, classId, null, '2026-12-15', null, rng.pick(['sameRegion', 'otherRegion', 'college', 'familyEducation']));
          }
          memberIns.run(`m${id}`, id, classId, start, leaves ? '2026-12-15' : null, itemId, endItem);
        }
      }
    }
  })();
  sqlite.exec('analyze');
  return { pupils, classes: classesPerGrade * 11, staff: staffCount };
}
