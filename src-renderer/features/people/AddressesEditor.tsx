import { Button, Card, Col, Form, Input, Row, Select, Space } from 'antd';
import { CopyOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { ADDRESS_KINDS, ADDRESS_KIND_IDS, type AddressKind } from '../../../src-shared/domain/peopleDictionaries';
import type { AddressInput } from '../../../src-shared/contract/peopleFields';

/**
 * The «Адреса» tab: registration, actual and temporary addresses in the structure the portal's
 * imports use (индекс, регион, район, населённый пункт, улица, дом, корпус, квартира).
 */
const PARTS: [keyof AddressInput, string, number][] = [
  ['postalCode', 'Индекс', 4],
  ['region', 'Регион', 10],
  ['district', 'Район', 10],
  ['settlement', 'Населённый пункт', 8],
  ['street', 'Улица', 8],
  ['house', 'Дом', 3],
  ['building', 'Корпус', 2],
  ['flat', 'Квартира', 3],
];

const empty = (kind: AddressKind): AddressInput => ({ kind, postalCode: null, region: null, district: null, settlement: null, street: null, house: null, building: null, flat: null });

export function AddressesEditor() {
  const form = Form.useFormInstance();
  return (
    <Form.List name="addresses">
      {(fields, { add, remove }) => {
        const used = (form.getFieldValue('addresses') as AddressInput[] | undefined)?.map((a) => a?.kind) ?? [];
        const free = ADDRESS_KIND_IDS.filter((k) => !used.includes(k));
        return (
          <Space orientation="vertical" style={{ width: '100%' }}>
            {fields.map((field) => (
              <Card
                key={field.key}
                size="small"
                title={
                  <Form.Item name={[field.name, 'kind']} noStyle>
                    <Select style={{ width: 220 }} options={ADDRESS_KIND_IDS.map((k) => ({ value: k, label: ADDRESS_KINDS[k] }))} />
                  </Form.Item>
                }
                extra={<Button danger type="text" icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label="Удалить адрес" />}
              >
                <Row gutter={12}>
                  {PARTS.map(([part, label, span]) => (
                    <Col xs={12} md={span * 2 > 24 ? 24 : span * 2 > 12 ? 12 : span * 2} key={part}>
                      <Form.Item name={[field.name, part]} label={label}>
                        <Input />
                      </Form.Item>
                    </Col>
                  ))}
                </Row>
              </Card>
            ))}
            <Space>
              {free.length > 0 && (
                <Button icon={<PlusOutlined />} onClick={() => add(empty(free[0]))}>
                  Добавить адрес
                </Button>
              )}
              {used.includes('registration') && !used.includes('actual') && (
                <Button
                  icon={<CopyOutlined />}
                  onClick={() => {
                    const reg = (form.getFieldValue('addresses') as AddressInput[]).find((a) => a.kind === 'registration');
                    if (reg) add({ ...reg, kind: 'actual' });
                  }}
                >
                  Проживает по адресу регистрации
                </Button>
              )}
            </Space>
          </Space>
        );
      }}
    </Form.List>
  );
}
