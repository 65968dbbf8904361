import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Independent readers of generated files (DESIGN.md §10): LibreOffice and pdftotext, where installed. */

export function hasTool(cmd: string, arg = '--version'): boolean {
  try {
    execFileSync(cmd, [arg], { stdio: 'ignore', timeout: 60_000 });
    return true;
  } catch {
    return false;
  }
}

export function tempFile(name: string, content: Buffer): { dir: string; file: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'so-mv-'));
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return { dir, file };
}

/** Converts with a private LibreOffice profile; returns the converted file's path (throws if LibreOffice failed). */
export function sofficeConvert(file: string, target: string): string {
  const dir = path.dirname(file);
  execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', target, '--outdir', dir, file], { stdio: 'pipe', timeout: 180_000 });
  const ext = target.split(':')[0];
  const out = path.join(dir, `${path.basename(file, path.extname(file))}.${ext}`);
  if (!fs.existsSync(out)) throw new Error(`LibreOffice produced no ${ext} for ${file}`);
  return out;
}

export function pdfText(file: string): string {
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

export function squash(text: string): string {
  return text.replace(/\s+/g, ' ');
}

/** LibreOffice can open DOCX only with Writer installed (the calc-only package cannot). */
export function hasWriter(sample: Buffer): boolean {
  if (!hasTool('soffice')) return false;
  try {
    const { file } = tempFile('probe.docx', sample);
    sofficeConvert(file, 'txt:Text');
    return true;
  } catch {
    return false;
  }
}
