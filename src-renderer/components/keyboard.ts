import { useEffect, type KeyboardEvent } from 'react';

const FIELD_SELECTOR = 'input:not([type=hidden]):not([disabled]):not([readonly]), textarea:not([disabled]), [role=combobox]:not([disabled])';

/**
 * Office data entry: Enter moves to the next field instead of submitting the form (a secretary
 * types a card top to bottom); Ctrl+S or the button saves. Widgets that use Enter themselves
 * (a date picker confirming typed text) see the key first, this runs as it bubbles.
 */
export function enterMovesToNextField(e: KeyboardEvent<HTMLElement>): void {
  if (e.key !== 'Enter' || e.ctrlKey || e.metaKey || e.altKey) return;
  const target = e.target as HTMLElement;
  if (target.tagName === 'TEXTAREA' || target.tagName === 'BUTTON') return;
  if (target.getAttribute('aria-expanded') === 'true') return;
  e.preventDefault();
  const fields = Array.from(e.currentTarget.querySelectorAll<HTMLElement>(FIELD_SELECTOR));
  const next = fields[fields.indexOf(target) + 1];
  next?.focus();
}

/** Ctrl+S (⌘S) anywhere on the page saves: the browser's «save page» never opens over a form. */
export function useSaveShortcut(save: () => void): void {
  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's') {
        e.preventDefault();
        save();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [save]);
}
