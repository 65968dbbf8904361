import type { ReactNode } from 'react';
import { Alert, Form, Modal, type FormInstance } from 'antd';

/**
 * The frame of a record's edit dialog: «Сохранить»/«Отмена», the server's refusal above the fields
 * (kept until the next try, the fields keep what was typed) and a vertical form named for tests and
 * screen readers as «Форма: …».
 */
export function FormModal<V>(props: {
  title: ReactNode;
  /** Names the form: `aria-label` «Форма: {label}». */
  label: string;
  name: string;
  form: FormInstance<V>;
  error: string | null;
  loading: boolean;
  width?: number;
  onSubmit: () => Promise<void>;
  onClose: () => void;
  children: ReactNode;
}) {
  return (
    <Modal open width={props.width} title={props.title} okText="Сохранить" cancelText="Отмена" confirmLoading={props.loading} onOk={() => void props.onSubmit()} onCancel={props.onClose}>
      {props.error && <Alert type="error" showIcon message={props.error} style={{ marginBottom: 12 }} data-testid="form-error" />}
      <Form form={props.form} name={props.name} layout="vertical" aria-label={`Форма: ${props.label}`}>
        {props.children}
      </Form>
    </Modal>
  );
}
