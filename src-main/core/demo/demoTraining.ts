import type { TrainingInput } from '../../../src-shared/contract/peopleStaffCard';
import { SCHOOL_POSITIONS } from '../../../src-shared/domain/positions';
import type { DemoStaff } from './generateSchool';
import type { Rng } from './rng';

/**
 * Courses of the demo staff (повышение квалификации, переподготовка; migration 0036), from their own
 * random stream so every other demo value stays as it was. Teachers take a course every two or
 * three years — about one in eight has none in the last three (the staff report lists them); other
 * staff take labour-safety courses now and then.
 */
const INSTITUTIONS = [
  'КАУ ДПО «Алтайский институт развития образования им. А. М. Топорова»',
  'ФГАОУ ДПО «Академия Минпросвещения России»',
  'ООО «Центр инновационного образования и воспитания»',
  'АНО ДПО «Учебный центр охраны труда»',
];
const PROGRAMMES = [
  'Реализация требований обновлённых ФГОС НОО, ФГОС ООО в работе учителя',
  'Школа современного учителя: развитие функциональной грамотности',
  'Организация работы с обучающимися с ОВЗ в соответствии с ФГОС',
  'Методика преподавания предмета в условиях реализации ФОП',
  'Разговоры о важном: система работы классного руководителя',
  'Цифровая образовательная среда: ФГИС «Моя школа»',
];
const RETRAINING = ['Педагогическое образование: учитель', 'Менеджмент в образовании', 'Олигофренопедагогика и тифлопедагогика'];

const pad = (n: number) => String(n).padStart(2, '0');

export function demoTrainings(rng: Rng, s: DemoStaff, hireDate: string): TrainingInput[] {
  const pedagogical = SCHOOL_POSITIONS.find((p) => p.name === s.position)?.pedagogical ?? s.position === 'Учитель';
  const out: TrainingInput[] = [];
  const hireYear = Number(hireDate.slice(0, 4));
  if (pedagogical) {
    // The last course: within three years for most, older for the few who are overdue.
    let year = rng.chance(0.88) ? 2024 + rng.int(0, 2) : 2019 + rng.int(0, 3);
    const count = rng.int(1, 3);
    for (let i = 0; i < count && year >= hireYear; i++) {
      const month = year === 2026 ? rng.int(2, 6) : rng.int(2, 11);
      const end = `${year}-${pad(month)}-${pad(rng.int(10, 28))}`;
      out.push({ id: null, kind: 'qualification', startDate: `${year}-${pad(month)}-01`, endDate: end, institution: rng.pick(INSTITUTIONS.slice(0, 3)), programme: rng.pick(PROGRAMMES), hours: rng.pick([36, 72, 72, 108]), document: `удостоверение № 22${rng.int(10000, 99999)}` });
      year -= rng.int(2, 4);
    }
    if (rng.chance(0.06)) {
      const y = Math.max(hireYear, 2015 + rng.int(0, 8));
      out.push({ id: null, kind: 'retraining', startDate: `${y}-01-15`, endDate: `${y}-06-30`, institution: INSTITUTIONS[0], programme: rng.pick(RETRAINING), hours: 520, document: `диплом о профессиональной переподготовке № 22${rng.int(100000, 999999)}` });
    }
  } else if (rng.chance(0.3)) {
    const y = 2023 + rng.int(0, 3);
    out.push({ id: null, kind: 'qualification', startDate: `${y}-03-01`, endDate: `${y}-03-15`, institution: INSTITUTIONS[3], programme: 'Охрана труда для руководителей и специалистов', hours: 40, document: `удостоверение № ОТ-${rng.int(1000, 9999)}` });
  }
  return out.sort((a, b) => b.endDate.localeCompare(a.endDate));
}
