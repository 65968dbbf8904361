import { Alert, Button, Space, Typography } from 'antd';
import type { DuplicateCandidate } from '../../../src-shared/contract/peopleViews';
import { formatDateRu } from '../../components/format';

/**
 * The warning before a second card of one person is created: each candidate with «Открыть» and,
 * where the form is adding a family member, «Привязать эту карточку»; or «Это другой человек». The
 * same alert warns early, while the new card is still being typed.
 */
export function DuplicateAlert(props: {
  message: string;
  candidates: DuplicateCandidate[];
  onOpen: (id: string) => void;
  onLink?: (id: string) => void;
  /** Absent for the early warning while typing: there is nothing to confirm yet. */
  onCreateAnyway?: () => void;
  testId?: string;
}) {
  return (
    <Alert
      type="warning"
      showIcon
      data-testid={props.testId ?? 'duplicate-warning'}
      title={props.message}
      description={
        <Space orientation="vertical" style={{ width: '100%' }}>
          {props.candidates.map((c) => (
            <Space key={c.id} wrap>
              <Typography.Text strong>{c.name}</Typography.Text>
              {c.birthDate && <span>{formatDateRu(c.birthDate)} г. р.</span>}
              {c.snils && <span>СНИЛС {c.snils}</span>}
              {c.detail && <Typography.Text type="secondary">{c.detail}</Typography.Text>}
              <Button size="small" onClick={() => props.onOpen(c.id)}>
                Открыть
              </Button>
              {props.onLink && (
                <Button size="small" type="primary" onClick={() => props.onLink?.(c.id)}>
                  Привязать эту карточку
                </Button>
              )}
            </Space>
          ))}
          {props.onCreateAnyway && (
            <Button size="small" onClick={props.onCreateAnyway}>
              Это другой человек — создать новую карточку
            </Button>
          )}
        </Space>
      }
    />
  );
}
