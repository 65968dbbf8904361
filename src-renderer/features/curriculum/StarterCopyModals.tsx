import { useState } from 'react';
import { Alert, App, Checkbox, Modal, Select, Space, Typography } from 'antd';
import type { AcademicYear } from '../../../src-shared/contract/years';
import { useCopyPlansMutation, useLoadStarterPlansMutation } from './curriculumApi';
import { errorText } from '../../components/serverErrors';

const GRADES = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];

/** «Стартовые планы по ФОП»: creates grade plans from the shipped data; existing plans are kept unless asked. */
export function StarterModal({ yearId, withPlan, onClose }: { yearId: string; withPlan: number[]; onClose: () => void }) {
  const { message } = App.useApp();
  const [grades, setGrades] = useState(GRADES.filter((g) => !withPlan.includes(g)));
  const [replace, setReplace] = useState(false);
  const [run, { isLoading }] = useLoadStarterPlansMutation();
  return (
    <Modal
      open
      title="Стартовые учебные планы по ФОП"
      okText="Загрузить"
      cancelText="Отмена"
      confirmLoading={isLoading}
      okButtonProps={{ disabled: grades.length === 0 }}
      onCancel={onClose}
      onOk={async () => {
        const r = await run({ yearId, grades, replace });
        if ('error' in r && r.error) return void message.error(errorText(r));
        const d = r.data;
        message.success(`Планы созданы: ${d?.created.join(', ') || '—'}; заменены: ${d?.replaced.join(', ') || '—'}; оставлены как были: ${d?.skipped.join(', ') || '—'}`);
        onClose();
      }}
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          1–4 классы — ФОП НОО (вариант 1, 5-дневная неделя), 5–9 — ФОП ООО (5-дневная неделя), 10–11 — ФОП СОО (универсальный профиль). Недостающие предметы добавятся в справочник. Цифры, в которых стоит свериться с действующей редакцией ФОП, отмечены в файле assets/curriculum-starter.json.
        </Typography.Paragraph>
        <Checkbox.Group value={grades} onChange={(v) => setGrades(v as number[])} options={GRADES.map((g) => ({ value: g, label: `${g} кл.${withPlan.includes(g) ? ' (есть план)' : ''}` }))} />
        <Checkbox checked={replace} onChange={(e) => setReplace(e.target.checked)}>
          Заменить уже созданные планы выбранных параллелей
        </Checkbox>
      </Space>
    </Modal>
  );
}

/** «Скопировать из прошлого года»: grade plans by grade; class plans and load follow the classes to the new year. */
export function CopyModal({ years, toYear, onClose }: { years: AcademicYear[]; toYear: AcademicYear; onClose: () => void }) {
  const { message } = App.useApp();
  const others = years.filter((y) => y.id !== toYear.id);
  const [fromYearId, setFrom] = useState(others.find((y) => y.startDate < toYear.startDate)?.id ?? others[0]?.id ?? null);
  const [includeLoad, setLoad] = useState(true);
  const [replace, setReplace] = useState(false);
  const [run, { isLoading, data }] = useCopyPlansMutation();
  return (
    <Modal
      open
      title={`Скопировать учебный план в ${toYear.name}`}
      okText={data ? 'Закрыть' : 'Скопировать'}
      cancelText="Отмена"
      confirmLoading={isLoading}
      okButtonProps={{ disabled: !fromYearId }}
      onCancel={onClose}
      width={640}
      onOk={async () => {
        if (data) return onClose();
        if (!fromYearId) return;
        const r = await run({ fromYearId, toYearId: toYear.id, includeLoad, replace });
        if ('error' in r && r.error) message.error(errorText(r));
      }}
    >
      {!data ? (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Space>
            <span>Из учебного года:</span>
            <Select aria-label="Из учебного года" style={{ width: 180 }} value={fromYearId ?? undefined} onChange={setFrom} options={others.map((y) => ({ value: y.id, label: y.name }))} />
          </Space>
          <Checkbox checked={includeLoad} onChange={(e) => setLoad(e.target.checked)}>
            Вместе с нагрузкой: учителя переходят со своими классами (5А → 6А)
          </Checkbox>
          <Checkbox checked={replace} onChange={(e) => setReplace(e.target.checked)}>
            Заменить то, что уже есть в {toYear.name}
          </Checkbox>
          <Typography.Text type="secondary">Классы нового года связаны с прошлогодними при переходе на новый учебный год; новые 1-е классы получают только план параллели.</Typography.Text>
        </Space>
      ) : (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Alert type="success" showIcon title={`Скопировано: планы ${data.gradePlans.length ? data.gradePlans.join(', ') + ' кл.' : '—'}; свои планы классов: ${data.classPlans.map((c) => `${c.from} → ${c.to}`).join(', ') || '—'}; назначений учителей: ${data.assignments}`} />
          {data.skipped.length > 0 && (
            <>
              <Typography.Text strong>Не перенесено ({data.skipped.length}):</Typography.Text>
              <ul style={{ maxHeight: 260, overflowY: 'auto', margin: 0 }}>
                {data.skipped.map((s) => (
                  <li key={s}>{s}</li>
                ))}
              </ul>
            </>
          )}
        </Space>
      )}
    </Modal>
  );
}
