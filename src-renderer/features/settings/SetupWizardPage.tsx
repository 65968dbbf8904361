import type { ReactNode } from 'react';
import { Alert, App, Button, Card, Skeleton, Space, Steps, Tag, Typography } from 'antd';
import { CheckOutlined, CloudDownloadOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router';
import { SETUP_STEPS, type SetupStep, type SetupView } from '../../../src-shared/contract/settings';
import { errorText } from '../../components/serverErrors';
import { UsersPage } from '../access/UsersPage';
import { ClassesPage } from '../classes/ClassesPage';
import { SchoolCardPage } from '../school/SchoolCardPage';
import { YearPage } from '../year/YearPage';
import { useSaveSetupStateMutation, useSetupStateQuery } from './settingsApi';
import { SetupDemoCard } from './SetupDemoCard';
import { SetupDatabaseCard } from './SetupDatabaseCard';

const INTRO: Record<SetupStep, string> = {
  school: 'Полное и краткое наименование, реквизиты и директор: они попадают в приказы, отчёты и письма.',
  year: 'Учебный год с датами начала и конца; четверти, каникулы и звонки можно добавить сейчас или позже.',
  classes: 'Классы текущего года. Если школа уже работает в «Сетевом городе», классы, учеников и сотрудников можно загрузить из файлов портала.',
  users: 'Учётные записи секретаря, специалиста по кадрам, завуча и учителей: у каждого свой логин и временный пароль.',
};

function StepContent({ step }: { step: SetupStep }): ReactNode {
  if (step === 'school') return <SchoolCardPage />;
  if (step === 'year') return <YearPage />;
  if (step === 'users') return <UsersPage />;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card size="small" title="Загрузить из портала">
        <Typography.Paragraph style={{ marginBottom: 8 }}>
          Выгрузите из «Сетевого города» списки учеников, родителей и сотрудников (Excel или XML) и загрузите их на странице обмена: программа
          покажет, что будет создано, и ничего не запишет без вашего подтверждения.
        </Typography.Paragraph>
        <Link to="/portal">
          <Button icon={<CloudDownloadOutlined />}>Загрузить из портала</Button>
        </Link>
      </Card>
      <ClassesPage />
    </Space>
  );
}

/**
 * The first-run wizard (issue 23, part 4): school card, year, classes (or the portal's files), users.
 * Each step is the program's own screen, so what is typed here is what the menu shows later; a step
 * can be skipped and the wizard resumes where the administrator stopped, on this or another computer.
 */
export function SetupWizardPage() {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { data, isLoading } = useSetupStateQuery();
  const [save, { isLoading: saving }] = useSaveSetupStateMutation();
  if (isLoading || !data) return <Skeleton active />;
  const index = SETUP_STEPS.indexOf(data.current);
  const step = data.steps[index];
  const last = index === SETUP_STEPS.length - 1;

  const go = async (next: Partial<Pick<SetupView, 'current' | 'skipped' | 'finished'>>, after?: () => void) => {
    const r = await save({ current: next.current ?? data.current, skipped: next.skipped ?? data.skipped, finished: next.finished ?? data.finished });
    const err = errorText(r);
    if (err) message.error(err);
    else after?.();
  };
  const nextStep = SETUP_STEPS[Math.min(index + 1, SETUP_STEPS.length - 1)];
  const unskip = data.skipped.filter((s) => s !== data.current);
  const finish = () => go({ finished: true, skipped: step.done ? unskip : [...unskip, data.current] }, () => navigate('/'));

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
        <Typography.Title level={2} style={{ margin: 0 }}>
          Первоначальная настройка
        </Typography.Title>
        <Button onClick={() => navigate('/')}>Продолжить позже</Button>
      </Space>
      {data.finished && <Alert type="success" showIcon title="Настройка завершена. Любой шаг можно открыть снова, нажав на него." />}
      <Steps
        current={index}
        onChange={(i) => void go({ current: SETUP_STEPS[i] })}
        aria-label="Шаги настройки"
        items={data.steps.map((s) => ({
          title: s.title,
          status: s.key === data.current ? 'process' : s.done ? 'finish' : 'wait',
          description: (
            <span>
              {s.detail}
              {data.skipped.includes(s.key) && !s.done && (
                <Tag style={{ marginLeft: 6 }} color="orange">
                  пропущен
                </Tag>
              )}
            </span>
          ),
        }))}
      />
      {index === 0 && <SetupDatabaseCard />}
      {index === 0 && data.demoAllowed && <SetupDemoCard />}
      <Alert type="info" showIcon title={`Шаг ${index + 1} из ${SETUP_STEPS.length}: ${step.title}`} description={INTRO[data.current]} />
      <Space wrap>
        {index > 0 && (
          <Button disabled={saving} onClick={() => void go({ current: SETUP_STEPS[index - 1] })}>
            Назад
          </Button>
        )}
        {!step.done && (
          <Button disabled={saving} onClick={() => void (last ? finish() : go({ current: nextStep, skipped: [...data.skipped, data.current] }))}>
            Пропустить шаг
          </Button>
        )}
        {step.done && !last && (
          <Button type="primary" disabled={saving} onClick={() => void go({ current: nextStep, skipped: unskip })}>
            Далее
          </Button>
        )}
        {last && step.done && (
          <Button type="primary" icon={<CheckOutlined />} disabled={saving} onClick={() => void finish()}>
            Завершить настройку
          </Button>
        )}
      </Space>
      <StepContent step={data.current} />
    </Space>
  );
}
