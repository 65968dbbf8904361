import type { CardTab } from '../../components/card/CardFrame';
import { AddressesEditor } from './AddressesEditor';
import { DocumentsEditor } from './DocumentsEditor';

/** «Документы» (passports) and «Адреса» as a parent's and an employee's card show them. */
export const ADULT_DOCUMENT_TABS: CardTab[] = [
  { key: 'documents', label: 'Документы', fields: ['documents'], content: <DocumentsEditor defaultType="passport" types={['passport', 'foreignPassport', 'other']} /> },
  { key: 'addresses', label: 'Адреса', fields: ['addresses'], content: <AddressesEditor /> },
];
