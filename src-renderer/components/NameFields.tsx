import { Col, Form, Input } from 'antd';

/** Фамилия, Имя, Отчество in three columns of a form row: the short «new person» forms use them. */
export function NameFields({ span = 8 }: { span?: number }) {
  return (
    <>
      <Col span={span}>
        <Form.Item name="lastName" label="Фамилия" required>
          <Input />
        </Form.Item>
      </Col>
      <Col span={span}>
        <Form.Item name="firstName" label="Имя" required>
          <Input />
        </Form.Item>
      </Col>
      <Col span={span}>
        <Form.Item name="middleName" label="Отчество">
          <Input />
        </Form.Item>
      </Col>
    </>
  );
}
