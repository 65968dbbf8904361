import { Button, Card, Col, Form, Input, Row, Select, Space } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { DOCUMENT_TYPES, type DocumentType } from '../../../src-shared/domain/documents';
import { DateField } from '../../components/DateField';

/**
 * The «Документы» tab: any number of documents (birth certificate, passport, ОМС policy, foreign
 * documents). Series and numbers are normalised by the shared schema when saved: «iv-мю» becomes
 * «IV-МЮ», «01 23» becomes «0123».
 */
const PLACEHOLDER: Partial<Record<DocumentType, { series: string; number: string }>> = {
  birthCertificate: { series: 'IV-МЮ', number: '123456' },
  passport: { series: '01 23', number: '456789' },
  medicalPolicy: { series: '', number: '16 цифр' },
};

export function DocumentsEditor({ types, defaultType }: { types?: DocumentType[]; defaultType: DocumentType }) {
  const allowed = types ?? (Object.keys(DOCUMENT_TYPES) as DocumentType[]);
  return (
    <Form.List name="documents">
      {(fields, { add, remove }) => (
        <Space orientation="vertical" style={{ width: '100%' }}>
          {fields.map((field, index) => (
            <Card key={field.key} size="small" title={`Документ ${index + 1}`} extra={<Button danger type="text" icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label={`Удалить документ ${index + 1}`} />}>
              <Form.Item noStyle shouldUpdate>
                {({ getFieldValue }) => {
                  const type = getFieldValue(['documents', field.name, 'type']) as DocumentType;
                  const ph = PLACEHOLDER[type];
                  return (
                    <Row gutter={12}>
                      <Col xs={24} md={8}>
                        <Form.Item name={[field.name, 'type']} label="Вид документа">
                          <Select options={allowed.map((t) => ({ value: t, label: DOCUMENT_TYPES[t] }))} />
                        </Form.Item>
                      </Col>
                      <Col xs={12} md={4}>
                        <Form.Item name={[field.name, 'series']} label="Серия">
                          <Input placeholder={ph?.series} />
                        </Form.Item>
                      </Col>
                      <Col xs={12} md={5}>
                        <Form.Item name={[field.name, 'number']} label="Номер">
                          <Input placeholder={ph?.number} />
                        </Form.Item>
                      </Col>
                      <Col xs={12} md={7}>
                        <Form.Item name={[field.name, 'issueDate']} label="Дата выдачи">
                          <DateField />
                        </Form.Item>
                      </Col>
                      <Col xs={24} md={type === 'passport' ? 17 : 24}>
                        <Form.Item name={[field.name, 'issuer']} label="Кем выдан">
                          <Input />
                        </Form.Item>
                      </Col>
                      {type === 'passport' && (
                        <Col xs={12} md={7}>
                          <Form.Item name={[field.name, 'issuerCode']} label="Код подразделения">
                            <Input placeholder="220-001" />
                          </Form.Item>
                        </Col>
                      )}
                    </Row>
                  );
                }}
              </Form.Item>
            </Card>
          ))}
          <Button icon={<PlusOutlined />} onClick={() => add({ id: null, type: defaultType, series: null, number: null, issueDate: null, issuer: null, issuerCode: null })}>
            Добавить документ
          </Button>
        </Space>
      )}
    </Form.List>
  );
}
