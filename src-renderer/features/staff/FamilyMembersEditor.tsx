import { AutoComplete, Button, Col, Form, Input, Row } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { STAFF_FAMILY_RELATIONS } from '../../../src-shared/domain/peopleDictionaries';
import { DateField } from '../../components/DateField';

/**
 * «Состав семьи» of a staff card (форма Т-2): one line per relative — relation, ФИО, birth date —
 * each line a labelled group, so HR can type a family of five without opening dialogs.
 */
const relationOptions = STAFF_FAMILY_RELATIONS.map((value) => ({ value }));

export function FamilyMembersEditor() {
  const sex = Form.useWatch('sex') as string | undefined;
  return (
    <Form.List name="familyMembers">
      {(fields, { add, remove }) => (
        <>
          {fields.map((field, i) => (
            <div role="group" aria-label={`Член семьи ${i + 1}`} key={field.key}>
              <Row gutter={8} align="bottom">
                <Col xs={24} md={4}>
                  <Form.Item name={[field.name, 'relation']} label="Степень родства">
                    <AutoComplete options={relationOptions} filterOption={(input, o) => String(o?.value ?? '').startsWith(input.toLowerCase())} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={5}>
                  <Form.Item name={[field.name, 'lastName']} label="Фамилия">
                    <Input />
                  </Form.Item>
                </Col>
                <Col xs={24} md={4}>
                  <Form.Item name={[field.name, 'firstName']} label="Имя">
                    <Input />
                  </Form.Item>
                </Col>
                <Col xs={24} md={5}>
                  <Form.Item name={[field.name, 'middleName']} label="Отчество">
                    <Input />
                  </Form.Item>
                </Col>
                <Col xs={20} md={5}>
                  <Form.Item name={[field.name, 'birthDate']} label="Дата рождения">
                    <DateField />
                  </Form.Item>
                </Col>
                <Col xs={4} md={1}>
                  <Form.Item>
                    <Button danger type="text" icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label={`Удалить члена семьи ${i + 1}`} />
                  </Form.Item>
                </Col>
              </Row>
            </div>
          ))}
          <Button icon={<PlusOutlined />} onClick={() => add({ id: null, relation: fields.length > 0 ? 'сын' : sex === 'М' ? 'жена' : 'муж', lastName: '', firstName: '', middleName: null, birthDate: null })}>
            Добавить члена семьи
          </Button>
        </>
      )}
    </Form.List>
  );
}
