import { useEffect, useState, type ReactNode } from 'react';
import { Alert, Button, Card, Col, Empty, Form, Input, Result, Row, Space, Steps, Typography } from 'antd';
import type { RolloverPlanInput, RolloverPreview } from '../../../../src-shared/contract/movementRollover';
import { DateField } from '../../../components/DateField';
import { useSchoolCardQuery } from '../../school/schoolApi';
import { useSelectedYear } from '../../../components/useSelectedYear';
import { useRolloverApplyMutation, useRolloverPreviewMutation } from '../movementApi';
import { ClassesStep } from './ClassesStep';
import { ExceptionsStep } from './ExceptionsStep';
import { PreviewStep } from './PreviewStep';
import { defaultNewClasses, defaultPlan } from './rolloverDefaults';
import { YearSelect } from '../../../components/YearSelect';
import { errorText } from '../../../components/serverErrors';

/**
 * «Переход на новый учебный год» (work order §2 «Администратор» 2): next year's classes, the annual
 * promotion order with per-pupil exceptions, graduation orders, new first grades — previewed, then
 * applied in one transaction.
 */
/** One labelled field of the first step's four-column grid. */
function Cell({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Col span={6}>
      <Form.Item label={label}>{children}</Form.Item>
    </Col>
  );
}

export function RolloverPage() {
  const { years, year, setYearId } = useSelectedYear();
  const { data: school } = useSchoolCardQuery();
  const [step, setStep] = useState(0);
  const [plan, setPlan] = useState<RolloverPlanInput | null>(null);
  const [preview, setPreview] = useState<RolloverPreview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [runPreview, { isLoading: previewing }] = useRolloverPreviewMutation();
  const [apply, { isLoading: applying, data: done }] = useRolloverApplyMutation();

  useEffect(() => {
    if (year && (!plan || plan.fromYearId !== year.id)) {
      setPlan(defaultPlan(year, school?.card?.directorName ?? null));
      setPreview(null);
      setStep(0);
    }
  }, [year, plan, school]);

  const refresh = async (next: RolloverPlanInput) => {
    setPlan(next);
    setError(null);
    const r = await runPreview(next);
    if (r.data) {
      setPreview(r.data);
      return r.data;
    }
    setError(errorText(r));
    return null;
  };

  if (!year || !plan) return <Empty description="Нет учебного года" />;
  if (done) {
    return (
      <Result
        status="success"
        title={`Переход на ${done.yearName} учебный год проведён`}
        subTitle={`Создано классов: ${done.createdClasses.length}. Приказы: ${done.orders.map((o) => `№ ${o.numberText} (${o.items})`).join(', ')}. Сделайте новый год текущим в разделе «Учебный год и календарь».`}
      />
    );
  }
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        Переход на новый учебный год
      </Typography.Title>
      <Steps current={step} items={[{ title: 'Годы и даты' }, { title: 'Классы' }, { title: 'Исключения' }, { title: 'Проверка и проведение' }]} />
      {error && <Alert type="error" showIcon message={error} closable onClose={() => setError(null)} />}
      {step === 0 && (
        <Card>
          <Space orientation="vertical" style={{ width: '100%' }}>
            <YearSelect years={years} value={year.id} onChange={setYearId} />
            <Form layout="vertical">
              <Row gutter={16}>
                <Cell label="Новый учебный год">
                  <Input aria-label="Новый учебный год" value={plan.targetYear.name} onChange={(e) => setPlan({ ...plan, targetYear: { ...plan.targetYear, name: e.target.value } })} />
                </Cell>
                <Cell label="Начало нового года">
                  <DateField id="targetStart" value={plan.targetYear.startDate} onChange={(v) => v && setPlan({ ...plan, targetYear: { ...plan.targetYear, startDate: v } })} />
                </Cell>
                <Cell label="Окончание нового года">
                  <DateField id="targetEnd" value={plan.targetYear.endDate} onChange={(v) => v && setPlan({ ...plan, targetYear: { ...plan.targetYear, endDate: v } })} />
                </Cell>
              </Row>
              <Row gutter={16}>
                <Cell label="Дата приказа о переводе">
                  <DateField id="promotionOrderDate" value={plan.promotionOrderDate} onChange={(v) => v && setPlan({ ...plan, promotionOrderDate: v })} />
                </Cell>
                <Cell label="Дата приказа о выпуске">
                  <DateField id="graduationOrderDate" value={plan.graduationOrderDate} onChange={(v) => v && setPlan({ ...plan, graduationOrderDate: v })} />
                </Cell>
                <Cell label="Выпускники отчисляются с">
                  <DateField id="graduationDate" value={plan.graduationDate} onChange={(v) => v && setPlan({ ...plan, graduationDate: v })} />
                </Cell>
                <Cell label="Подписывает">
                  <Input aria-label="Подписывает" value={plan.signatoryName ?? ''} onChange={(e) => setPlan({ ...plan, signatoryName: e.target.value })} />
                </Cell>
              </Row>
            </Form>
            <Typography.Text type="secondary">Перевод в следующий класс действует с первого дня нового учебного года; до этого обучающиеся числятся в своих классах.</Typography.Text>
            <Button
              type="primary"
              loading={previewing}
              onClick={async () => {
                const p = await refresh(plan);
                if (p) {
                  if ((plan.newClasses ?? []).length === 0) await refresh({ ...plan, newClasses: defaultNewClasses(p) });
                  setStep(1);
                }
              }}
            >
              Далее
            </Button>
          </Space>
        </Card>
      )}
      {step === 1 && preview && <ClassesStep plan={plan} preview={preview} busy={previewing} onChange={refresh} onBack={() => setStep(0)} onNext={() => setStep(2)} />}
      {step === 2 && preview && <ExceptionsStep plan={plan} preview={preview} busy={previewing} onChange={refresh} onBack={() => setStep(1)} onNext={() => setStep(3)} />}
      {step === 3 && preview && (
        <PreviewStep
          preview={preview}
          busy={applying}
          onBack={() => setStep(2)}
          onApply={async () => {
            setError(null);
            const r = await apply(plan);
            if (!r.data) setError(errorText(r));
          }}
        />
      )}
    </Space>
  );
}
