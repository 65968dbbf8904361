/**
 * Common positions of a general-education school, named as in the ЕКС (приказ Минздравсоцразвития
 * № 761н, разделы «Квалификационные характеристики должностей работников образования») and the
 * usual штатное расписание. `pedagogical` marks positions that count towards teaching experience.
 */
export interface PositionRef {
  name: string;
  category: 'руководитель' | 'педагогический работник' | 'учебно-вспомогательный персонал' | 'обслуживающий персонал' | 'специалист';
  pedagogical: boolean;
}

export const SCHOOL_POSITIONS: readonly PositionRef[] = [
  { name: 'Директор', category: 'руководитель', pedagogical: false },
  { name: 'Заместитель директора по учебно-воспитательной работе', category: 'руководитель', pedagogical: false },
  { name: 'Заместитель директора по воспитательной работе', category: 'руководитель', pedagogical: false },
  { name: 'Заместитель директора по административно-хозяйственной работе', category: 'руководитель', pedagogical: false },
  { name: 'Учитель', category: 'педагогический работник', pedagogical: true },
  { name: 'Учитель начальных классов', category: 'педагогический работник', pedagogical: true },
  { name: 'Учитель-логопед', category: 'педагогический работник', pedagogical: true },
  { name: 'Учитель-дефектолог', category: 'педагогический работник', pedagogical: true },
  { name: 'Педагог-психолог', category: 'педагогический работник', pedagogical: true },
  { name: 'Социальный педагог', category: 'педагогический работник', pedagogical: true },
  { name: 'Педагог-организатор', category: 'педагогический работник', pedagogical: true },
  { name: 'Педагог дополнительного образования', category: 'педагогический работник', pedagogical: true },
  { name: 'Педагог-библиотекарь', category: 'педагогический работник', pedagogical: true },
  { name: 'Советник директора по воспитанию и взаимодействию с детскими общественными объединениями', category: 'педагогический работник', pedagogical: true },
  { name: 'Воспитатель', category: 'педагогический работник', pedagogical: true },
  { name: 'Преподаватель-организатор основ безопасности и защиты Родины', category: 'педагогический работник', pedagogical: true },
  { name: 'Тьютор', category: 'педагогический работник', pedagogical: true },
  { name: 'Секретарь учебной части', category: 'учебно-вспомогательный персонал', pedagogical: false },
  { name: 'Лаборант', category: 'учебно-вспомогательный персонал', pedagogical: false },
  { name: 'Специалист по кадрам', category: 'специалист', pedagogical: false },
  { name: 'Главный бухгалтер', category: 'специалист', pedagogical: false },
  { name: 'Бухгалтер', category: 'специалист', pedagogical: false },
  { name: 'Секретарь руководителя', category: 'специалист', pedagogical: false },
  { name: 'Заведующий хозяйством', category: 'обслуживающий персонал', pedagogical: false },
  { name: 'Рабочий по комплексному обслуживанию и ремонту зданий', category: 'обслуживающий персонал', pedagogical: false },
  { name: 'Уборщик служебных помещений', category: 'обслуживающий персонал', pedagogical: false },
  { name: 'Сторож (вахтёр)', category: 'обслуживающий персонал', pedagogical: false },
  { name: 'Гардеробщик', category: 'обслуживающий персонал', pedagogical: false },
];
