import { useEffect, useState, type RefObject } from 'react';

/** The content width of an element, kept current as the window or the menu resizes. */
export function useElementWidth(ref: RefObject<HTMLElement | null>): number {
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    setWidth(el.clientWidth);
    if (typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(() => setWidth(el.clientWidth));
    ro.observe(el);
    return () => ro.disconnect();
  }, [ref]);
  return width;
}

let canvas: HTMLCanvasElement | null = null;

/** Width in px of a text in a font, as the browser will draw it (for columns that must not clip). */
export function textWidth(text: string, font: string): number {
  if (typeof document === 'undefined') return text.length * 7;
  canvas ??= document.createElement('canvas');
  const ctx = canvas.getContext('2d');
  if (!ctx) return text.length * 7;
  ctx.font = font;
  return ctx.measureText(text).width;
}
