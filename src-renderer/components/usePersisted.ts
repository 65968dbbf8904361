import { useEffect, useState } from 'react';

/**
 * State that survives leaving the page and restarting the app (office habit: "filters that stay").
 * Stored per key in localStorage; a broken or foreign value falls back to the default.
 */
export function usePersisted<T>(key: string, initial: T): [T, (value: T) => void] {
  const [value, setValue] = useState<T>(() => {
    try {
      const raw = window.localStorage.getItem(`school-office:${key}`);
      return raw === null ? initial : ({ ...(typeof initial === 'object' && !Array.isArray(initial) ? initial : {}), ...JSON.parse(raw) } as T);
    } catch {
      return initial;
    }
  });
  useEffect(() => {
    try {
      window.localStorage.setItem(`school-office:${key}`, JSON.stringify(value));
    } catch {
      // A full or disabled storage only loses the remembered filter.
    }
  }, [key, value]);
  return [value, setValue];
}

/** A value that follows `value` after the user stops typing for `ms`. */
export function useDebounced<T>(value: T, ms = 150): T {
  const [out, setOut] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setOut(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return out;
}
