/** Minimal XML writing helpers for .fet files (FET writes tab-indented UTF-8). */

export function esc(s: string | number): string {
  return String(s)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

export function el(name: string, value: string | number | boolean): string {
  return `<${name}>${esc(String(value))}</${name}>`;
}

/** An element whose children are already-serialised strings. */
export function block(name: string, children: string[], indent = 0): string {
  const pad = '\t'.repeat(indent);
  const inner = children.map((c) => `${pad}\t${c}`).join('\n');
  return `${pad}<${name}>\n${inner}\n${pad}</${name}>`;
}
