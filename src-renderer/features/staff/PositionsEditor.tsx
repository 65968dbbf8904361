import { AutoComplete, Button, Card, Col, Form, Input, InputNumber, Row, Select, Space } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { EDUCATION_LEVELS, POSITION_KINDS } from '../../../src-shared/domain/peopleDictionaries';
import { SCHOOL_POSITIONS } from '../../../src-shared/domain/positions';
import { DateField } from '../../components/DateField';

/**
 * Dated positions (main and additional, rate, order) and education records of a staff card. A new
 * main position is added with a start date and the previous one gets an end date: history stays.
 */
const positionOptions = SCHOOL_POSITIONS.map((p) => ({ value: p.name, label: `${p.name} — ${p.category}` }));

export function PositionsEditor() {
  return (
    <Form.List name="positions">
      {(fields, { add, remove }) => (
        <Space orientation="vertical" style={{ width: '100%' }}>
          {fields.map((field, i) => (
            <Card key={field.key} size="small" title={`Должность ${i + 1}`} extra={<Button danger type="text" icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label={`Удалить должность ${i + 1}`} />}>
              <Row gutter={12}>
                <Col xs={24} md={10}>
                  <Form.Item name={[field.name, 'position']} label="Должность (ЕКС)">
                    <AutoComplete options={positionOptions} filterOption={(input, o) => String(o?.value ?? '').toLowerCase().includes(input.toLowerCase())} />
                  </Form.Item>
                </Col>
                <Col xs={12} md={5}>
                  <Form.Item name={[field.name, 'kind']} label="Вид">
                    <Select options={Object.entries(POSITION_KINDS).map(([value, label]) => ({ value, label }))} />
                  </Form.Item>
                </Col>
                <Col xs={12} md={3}>
                  <Form.Item name={[field.name, 'rate']} label="Ставка">
                    <InputNumber min={0.05} max={2} step={0.25} decimalSeparator="," style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
                <Col xs={12} md={6}>
                  <Form.Item name={[field.name, 'orderNumber']} label="№ приказа">
                    <Input />
                  </Form.Item>
                </Col>
                <Col xs={12} md={6}>
                  <Form.Item name={[field.name, 'startDate']} label="С">
                    <DateField />
                  </Form.Item>
                </Col>
                <Col xs={12} md={6}>
                  <Form.Item name={[field.name, 'endDate']} label="По">
                    <DateField placeholder="по настоящее время" />
                  </Form.Item>
                </Col>
              </Row>
            </Card>
          ))}
          <Button icon={<PlusOutlined />} onClick={() => add({ id: null, position: '', kind: fields.length === 0 ? 'main' : 'additional', rate: 1, startDate: null, endDate: null, orderNumber: null })}>
            Добавить должность
          </Button>
        </Space>
      )}
    </Form.List>
  );
}

export function EducationsEditor() {
  return (
    <Form.List name="educations">
      {(fields, { add, remove }) => (
        <Space orientation="vertical" style={{ width: '100%' }}>
          {fields.map((field, i) => (
            <Card key={field.key} size="small" title={`Образование ${i + 1}`} extra={<Button danger type="text" icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label={`Удалить запись ${i + 1}`} />}>
              <Row gutter={12}>
                <Col xs={24} md={8}>
                  <Form.Item name={[field.name, 'level']} label="Уровень">
                    <AutoComplete options={EDUCATION_LEVELS.map((v) => ({ value: v }))} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={16}>
                  <Form.Item name={[field.name, 'institution']} label="Учебное заведение">
                    <Input />
                  </Form.Item>
                </Col>
                <Col xs={12} md={6}>
                  <Form.Item name={[field.name, 'diplomaDate']} label="Дата диплома">
                    <DateField />
                  </Form.Item>
                </Col>
                <Col xs={12} md={6}>
                  <Form.Item name={[field.name, 'diplomaNumber']} label="№ диплома">
                    <Input />
                  </Form.Item>
                </Col>
                <Col xs={24} md={12}>
                  <Form.Item name={[field.name, 'specialty']} label="Специальность по диплому">
                    <Input />
                  </Form.Item>
                </Col>
                <Col xs={24} md={16}>
                  <Form.Item name={[field.name, 'qualification']} label="Квалификация">
                    <Input />
                  </Form.Item>
                </Col>
                <Col xs={24} md={8}>
                  <Form.Item name={[field.name, 'pedagogical']} label="Педагогическое образование" tooltip="Для формы ОО-1 (раздел 3.1): высшее и среднее профессиональное педагогическое считаются отдельно">
                    <Select allowClear placeholder="не указано" options={[{ value: true, label: 'да' }, { value: false, label: 'нет' }]} />
                  </Form.Item>
                </Col>
              </Row>
            </Card>
          ))}
          <Button icon={<PlusOutlined />} onClick={() => add({ id: null, level: null, institution: null, diplomaDate: null, diplomaNumber: null, specialty: null, qualification: null, pedagogical: null })}>
            Добавить образование
          </Button>
        </Space>
      )}
    </Form.List>
  );
}
