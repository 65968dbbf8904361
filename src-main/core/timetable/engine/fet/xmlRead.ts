import { XMLParser } from 'fast-xml-parser';

/** Reading a .fet document: the parsed tree and the helpers that tolerate FET's optional elements. */

export type XmlNode = Record<string, unknown>;

const ARRAYS = new Set([
  'Day', 'Hour', 'Subject', 'Activity_Tag', 'Teacher', 'Year', 'Group', 'Subgroup', 'Activity', 'Students',
  'Room', 'Building', 'Activity_Id', 'Not_Available_Time', 'Preferred_Time_Slot', 'Preferred_Starting_Time',
  'Preferred_Room', 'Break_Time', 'Set_of_Real_Rooms', 'Real_Room', 'Category', 'Division',
]);

export function parseFetXml(xml: string): XmlNode {
  const parser = new XMLParser({
    ignoreAttributes: false,
    parseTagValue: false,
    trimValues: true,
    isArray: (name, jpath) => ARRAYS.has(name) || String(jpath).split('.').length === 3,
  });
  const doc = parser.parse(xml.replace(/^\uFEFF/, '')) as XmlNode;
  const root = doc.fet as XmlNode | undefined;
  if (!root) throw new Error('Это не файл FET: нет корневого элемента <fet>');
  return root;
}

export const str = (v: unknown): string => (v === undefined || v === null ? '' : String(v));
export const arr = <T = XmlNode>(v: unknown): T[] => (Array.isArray(v) ? (v as T[]) : v === undefined || v === '' ? [] : [v as T]);
export const first = (v: unknown): XmlNode => (arr(v)[0] ?? {}) as XmlNode;
