import { AutoComplete, Checkbox, Col, Form, Input, Select } from 'antd';
import type { ReactNode } from 'react';
import { DateField } from '../../components/DateField';
import { requiredRule } from '../../components/requiredRule';

/**
 * Small builders for the card forms: one line per field, the label taken from the contract's labels
 * so the form and the server's messages name a field the same way.
 */
export interface FieldKit {
  text(name: string, opts?: { span?: number; placeholder?: string; required?: boolean; area?: boolean }): ReactNode;
  /** `required` shows the asterisk of a field the server refuses empty (a new pupil's birth date). */
  date(name: string, opts?: { span?: number; required?: boolean }): ReactNode;
  select(name: string, options: readonly string[], opts?: { span?: number; free?: boolean }): ReactNode;
  tags(name: string, options: readonly string[], opts?: { span?: number }): ReactNode;
  flag(name: string, opts?: { span?: number }): ReactNode;
  /** Фамилия, имя, отчество and пол, the first row of every person's card; `sexes` in the card's order. */
  names(sexes: readonly ['М', 'Ж'] | readonly ['Ж', 'М']): ReactNode;
}

export function fieldKit(labels: Record<string, string>): FieldKit {
  const label = (name: string) => labels[name] ?? name;
  const kit: FieldKit = {
    text: (name, o = {}) => (
      <Col xs={24} md={o.span ?? 8} key={name}>
        <Form.Item name={name} label={label(name)} required={o.required} rules={o.required ? requiredRule(label(name)) : undefined}>
          {o.area ? <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} /> : <Input placeholder={o.placeholder} allowClear={!o.required} />}
        </Form.Item>
      </Col>
    ),
    date: (name, o = {}) => (
      <Col xs={24} md={o.span ?? 6} key={name}>
        <Form.Item name={name} label={label(name)} required={o.required}>
          <DateField />
        </Form.Item>
      </Col>
    ),
    select: (name, options, o = {}) => (
      <Col xs={24} md={o.span ?? 8} key={name}>
        <Form.Item name={name} label={label(name)}>
          {o.free ? (
            // A value outside the list is kept as typed (dictionaries of the portal vary by region).
            <AutoComplete allowClear options={options.map((v) => ({ value: v }))} filterOption={(input, o) => String(o?.value ?? '').toLowerCase().includes(input.toLowerCase())} />
          ) : (
            <Select allowClear options={options.map((v) => ({ value: v, label: v }))} />
          )}
        </Form.Item>
      </Col>
    ),
    tags: (name, options, o = {}) => (
      <Col xs={24} md={o.span ?? 12} key={name}>
        <Form.Item name={name} label={label(name)}>
          <Select mode="tags" allowClear options={options.map((v) => ({ value: v, label: v }))} tokenSeparators={['|', ';']} />
        </Form.Item>
      </Col>
    ),
    flag: (name, o = {}) => (
      <Col xs={24} md={o.span ?? 8} key={name}>
        <Form.Item name={name} valuePropName="checked" style={{ marginBottom: 8 }}>
          <Checkbox>{label(name)}</Checkbox>
        </Form.Item>
      </Col>
    ),
    names: (sexes) => (
      <>
        {kit.text('lastName', { required: true })}
        {kit.text('firstName', { required: true })}
        {kit.text('middleName')}
        <Col xs={12} md={4}>
          <Form.Item name="sex" label={label('sex')} required>
            <Select options={sexes.map((v) => ({ value: v, label: v }))} />
          </Form.Item>
        </Col>
      </>
    ),
  };
  return kit;
}
