import type { KeyboardEvent } from 'react';

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
