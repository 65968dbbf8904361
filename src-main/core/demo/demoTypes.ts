/** The people and classes of the generated school, shared by the generators of its parts. */

export interface DemoPerson {
  id: string;
  lastName: string;
  firstName: string;
  middleName: string;
  sex: 'М' | 'Ж';
  birthDate: string;
  snils: string;
}

export interface DemoStaff extends DemoPerson {
  position: string;
  /** What a teacher teaches; used by later parts of the demo (curriculum, load). */
  subject: string | null;
}

export interface DemoClass {
  id: string;
  grade: number;
  letter: string;
  name: string;
  classTeacherId: string;
  shift: 1 | 2;
}

export interface DemoLink {
  pupilId: string;
  parentId: string;
  relation: 'мать' | 'отец' | 'опекун';
}
