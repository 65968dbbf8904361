import { useContext, useEffect, useRef, useState } from 'react';
import { Input } from 'antd';
import { FormItemInputContext } from 'antd/es/form/context';
import { parseRuDate } from '../../src-shared/domain/ruDate';
import { formatDateRu } from './format';

interface Props {
  value?: string | null;
  onChange?: (value: string | null) => void;
  id?: string;
  placeholder?: string;
}

/**
 * A date typed as дд.мм.гггг, stored as `YYYY-MM-DD`. Read strictly on Enter or leaving the field:
 * an impossible date (31.02.2020) stays as typed, red, with «такой даты нет: …» under it. It is never
 * cleared or swapped for another day. Inside a form the typed text becomes the field's value, so the
 * form cannot be saved with a date the person did not type (the server refuses a non-date); outside a
 * form (a report's «на дату») the screen keeps its last good date, and the red field says why.
 */
export function DateField({ value, onChange, id, placeholder = 'дд.мм.гггг' }: Props) {
  const inForm = useContext(FormItemInputContext).isFormItemInput === true;
  const shown = (v: string | null | undefined) => (v ? (parseRuDate(v).ok ? formatDateRu(v) : v) : '');
  const [text, setText] = useState(() => shown(value));
  const [error, setError] = useState<string | null>(() => {
    const read = value ? parseRuDate(value) : null;
    return read && !read.ok ? read.error : null;
  });
  const emitted = useRef<string | null | undefined>(value);

  // A value set from outside (a loaded card, a reset form) replaces the text; our own echo does not.
  useEffect(() => {
    if (value === emitted.current) return;
    emitted.current = value;
    setText(shown(value));
    setError(null);
  }, [value]);

  const commit = () => {
    const read = parseRuDate(text);
    if (read.ok) {
      setError(null);
      if (read.iso !== null) setText(formatDateRu(read.iso));
      if (read.iso !== (value ?? null)) {
        emitted.current = read.iso;
        onChange?.(read.iso);
      }
      return;
    }
    setError(read.error);
    if (inForm && text !== value) {
      emitted.current = text;
      onChange?.(text);
    }
  };

  return (
    <div style={{ width: '100%' }}>
      <Input
        id={id}
        value={text}
        placeholder={placeholder}
        status={error ? 'error' : undefined}
        aria-invalid={error ? true : undefined}
        onChange={(e) => setText(e.target.value)}
        onBlur={commit}
        onPressEnter={commit}
        style={{ width: '100%' }}
      />
      {error && (
        <div role="alert" className="date-field-error" style={{ color: 'var(--ant-color-error, #ff4d4f)', fontSize: 12 }}>
          {error}
        </div>
      )}
    </div>
  );
}
