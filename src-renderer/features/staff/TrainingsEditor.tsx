import { AutoComplete, Button, Col, Form, Input, InputNumber, Row, Select } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { TRAINING_KINDS } from '../../../src-shared/domain/peopleDictionaries';
import { DateField } from '../../components/DateField';

/**
 * «Повышение квалификации и переподготовка» of a staff card (форма Т-2, разделы V и VI): one line per
 * course. The staff reports count who was trained in the last three years from these lines.
 */
const kindOptions = Object.entries(TRAINING_KINDS).map(([value, label]) => ({ value, label }));
const institutions = ['КАУ ДПО «Алтайский институт развития образования им. А. М. Топорова»', 'ФГАОУ ДПО «Академия Минпросвещения России»'].map((value) => ({ value }));

export function TrainingsEditor() {
  return (
    <Form.List name="trainings">
      {(fields, { add, remove }) => (
        <>
          {fields.map((field, i) => (
            <div role="group" aria-label={`Курсы ${i + 1}`} key={field.key} style={{ borderBottom: '1px solid #f0f0f0', marginBottom: 8 }}>
              <Row gutter={8} align="bottom">
                <Col xs={24} md={6}>
                  <Form.Item name={[field.name, 'kind']} label="Вид">
                    <Select options={kindOptions} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={12}>
                  <Form.Item name={[field.name, 'programme']} label="Программа">
                    <Input />
                  </Form.Item>
                </Col>
                <Col xs={12} md={3}>
                  <Form.Item name={[field.name, 'hours']} label="Часов">
                    <InputNumber min={1} max={3000} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
                <Col xs={12} md={3}>
                  <Form.Item>
                    <Button danger type="text" icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label={`Удалить курсы ${i + 1}`} />
                  </Form.Item>
                </Col>
                <Col xs={12} md={5}>
                  <Form.Item name={[field.name, 'startDate']} label="Начало">
                    <DateField />
                  </Form.Item>
                </Col>
                <Col xs={12} md={5}>
                  <Form.Item name={[field.name, 'endDate']} label="Окончание">
                    <DateField />
                  </Form.Item>
                </Col>
                <Col xs={24} md={8}>
                  <Form.Item name={[field.name, 'institution']} label="Организация">
                    <AutoComplete options={institutions} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={6}>
                  <Form.Item name={[field.name, 'document']} label="Документ (удостоверение, диплом)">
                    <Input />
                  </Form.Item>
                </Col>
              </Row>
            </div>
          ))}
          <Button icon={<PlusOutlined />} onClick={() => add({ id: null, kind: 'qualification', startDate: null, endDate: null, institution: null, programme: '', hours: null, document: null })}>
            Добавить курсы
          </Button>
        </>
      )}
    </Form.List>
  );
}
