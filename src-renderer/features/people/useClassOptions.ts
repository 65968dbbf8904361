import { useClassesQuery } from '../classes/classesApi';
import { useYearsQuery } from '../../components/yearsApi';

/** Classes of the current academic year as select options («5А»), in grade and letter order. */
export function useClassOptions(): { value: string; label: string }[] {
  const { data: years } = useYearsQuery();
  const current = years?.years.find((y) => y.isCurrent) ?? years?.years[0];
  const { data } = useClassesQuery({ yearId: current?.id ?? '' }, { skip: !current });
  return [...(data?.classes ?? [])]
    .sort((a, b) => a.grade - b.grade || a.letter.localeCompare(b.letter, 'ru'))
    .map((c) => ({ value: c.id, label: c.name }));
}
