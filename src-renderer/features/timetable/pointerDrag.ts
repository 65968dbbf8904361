/**
 * Dragging a lesson with the mouse (or a finger) by pointer events: press on a lesson, move a few
 * pixels and the drag begins; the cell under the pointer (`data-slot="slot:day:period"`) or the
 * «нераспределённые» area (`data-drop="off"`) is the target; releasing drops, Esc cancels. Pointer
 * events behave the same in every browser and in Electron, where HTML5 drag and drop differ.
 */

export interface DragHandlers {
  begin: () => void;
  hover: (cell: { day: number; period: number } | null) => void;
  drop: (cell: { day: number; period: number }) => void;
  dropOffGrid: () => void;
  cancel: () => void;
}

type Target = { kind: 'cell'; day: number; period: number } | { kind: 'off' } | null;

function targetAt(x: number, y: number): Target {
  const hit = document.elementFromPoint(x, y)?.closest('[data-slot],[data-drop="off"]');
  if (!hit) return null;
  if (hit.getAttribute('data-drop') === 'off') return { kind: 'off' };
  const [, d, p] = (hit.getAttribute('data-slot') ?? '').split(':');
  return Number.isInteger(Number(d)) && Number.isInteger(Number(p)) ? { kind: 'cell', day: Number(d), period: Number(p) } : null;
}

/** Starts watching a press on a lesson; returns at once. The click after a real drag is swallowed. */
export function startPointerDrag(e: { button: number; clientX: number; clientY: number }, h: DragHandlers): void {
  if (e.button !== 0) return;
  const x0 = e.clientX;
  const y0 = e.clientY;
  let dragging = false;
  let last: Target = null;
  const move = (ev: PointerEvent) => {
    if (!dragging && Math.hypot(ev.clientX - x0, ev.clientY - y0) < 6) return;
    if (!dragging) {
      dragging = true;
      h.begin();
    }
    ev.preventDefault();
    last = targetAt(ev.clientX, ev.clientY);
    h.hover(last?.kind === 'cell' ? { day: last.day, period: last.period } : null);
  };
  const stop = () => {
    window.removeEventListener('pointermove', move, true);
    window.removeEventListener('pointerup', up, true);
    window.removeEventListener('keydown', key, true);
  };
  const swallowClick = (ev: MouseEvent) => {
    ev.stopPropagation();
    ev.preventDefault();
  };
  const up = () => {
    stop();
    if (!dragging) return;
    window.addEventListener('click', swallowClick, { capture: true, once: true });
    // A click does not always follow (released elsewhere): drop the swallower on the next turn.
    setTimeout(() => window.removeEventListener('click', swallowClick, true), 0);
    if (last?.kind === 'cell') h.drop({ day: last.day, period: last.period });
    else if (last?.kind === 'off') h.dropOffGrid();
    else h.cancel();
  };
  const key = (ev: KeyboardEvent) => {
    if (ev.key !== 'Escape') return;
    stop();
    if (dragging) h.cancel();
  };
  window.addEventListener('pointermove', move, true);
  window.addEventListener('pointerup', up, true);
  window.addEventListener('keydown', key, true);
}
