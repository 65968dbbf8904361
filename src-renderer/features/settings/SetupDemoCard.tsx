import { useState } from 'react';
import { Alert, App, Button, Card, Space, Typography } from 'antd';
import { ExperimentOutlined, StopOutlined } from '@ant-design/icons';
import { newId } from '../../../src-shared/domain/ids';
import { errorOf, errorText } from '../../components/serverErrors';
import { useCancelDemoMutation, useLoadDemoMutation } from './settingsApi';

/**
 * The wizard's first page in an empty database (issue 23, part 4): «Загрузить демонстрационную школу»
 * to try the program on a made-up school. The core runs it as a job (progress in the corner) and
 * «Отменить» rolls it all back.
 */
export function SetupDemoCard() {
  const { message, modal } = App.useApp();
  const [load, { isLoading }] = useLoadDemoMutation();
  const [cancel] = useCancelDemoMutation();
  const [jobId, setJobId] = useState<string | null>(null);

  const run = async () => {
    const id = newId();
    setJobId(id);
    const r = await load({ jobId: id });
    setJobId(null);
    if ('data' in r && r.data) message.success(`Демонстрационная школа загружена: ${r.data.pupils.toLocaleString('ru-RU')} обучающихся, ${r.data.classes} классов`);
    else if (errorOf(r)?.code === 'CANCELLED') message.info('Загрузка отменена, ничего не изменено');
    else message.error(errorText(r));
  };

  return (
    <Card size="small" title="Попробовать на демонстрационной школе">
      <Space orientation="vertical">
        <Typography.Text>
          База пока пустая. Можно загрузить выдуманную школу (классы, ученики, родители, сотрудники, приказы, учебный план), чтобы
          посмотреть программу в работе. Загружается только в пустую базу; настоящие данные потом лучше вести в новой базе.
        </Typography.Text>
        {isLoading && <Alert type="info" showIcon title="Идёт загрузка — ход показан в правом нижнем углу" />}
        <Space>
          <Button
            icon={<ExperimentOutlined />}
            loading={isLoading}
            onClick={() =>
              modal.confirm({
                title: 'Загрузить демонстрационную школу?',
                content: 'В базу будут записаны выдуманные ученики, родители и сотрудники.',
                okText: 'Загрузить',
                cancelText: 'Не загружать',
                onOk: () => void run(),
              })
            }
          >
            Загрузить демонстрационную школу
          </Button>
          {isLoading && jobId && (
            <Button icon={<StopOutlined />} onClick={() => void cancel({ jobId })}>
              Отменить
            </Button>
          )}
        </Space>
      </Space>
    </Card>
  );
}
