import { Button, Space } from 'antd';

/** «Назад» / «Далее» under a step of the year-rollover wizard; «Далее» waits while the preview is rebuilt. */
export function StepButtons({ busy, onBack, onNext }: { busy: boolean; onBack: () => void; onNext: () => void }) {
  return (
    <Space>
      <Button onClick={onBack}>Назад</Button>
      <Button type="primary" loading={busy} onClick={onNext}>
        Далее
      </Button>
    </Space>
  );
}
