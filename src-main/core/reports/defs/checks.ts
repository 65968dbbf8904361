import type { ReportCheck } from '../../../../src-shared/contract/reportResult';

/** Control relations as the form prints them: the rule, its verdict and both sides in numbers. */
export function equalityCheck(label: string, left: number, right: number, where?: string): ReportCheck {
  return { label, passed: left === right, detail: `${where ? `${where}: ` : ''}${left} ${left === right ? '=' : '≠'} ${right}` };
}

export function atMostCheck(label: string, part: number, whole: number, where?: string): ReportCheck {
  return { label, passed: part <= whole, detail: `${where ? `${where}: ` : ''}${part} ${part <= whole ? '≤' : '>'} ${whole}` };
}

/**
 * Many cells under one rule («по каждой строке: гр. 3 = сумма гр. 4–17»): one line, passed when all
 * pass, naming the first failures.
 */
export function allOf(label: string, checks: readonly ReportCheck[]): ReportCheck {
  const failed = checks.filter((c) => !c.passed);
  if (failed.length === 0) return { label, passed: true, detail: `выполнено во всех ${checks.length} случаях` };
  return { label, passed: false, detail: `нарушено: ${failed.slice(0, 5).map((c) => c.detail).join('; ')}${failed.length > 5 ? ` и ещё ${failed.length - 5}` : ''}` };
}
