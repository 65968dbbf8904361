import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Finds a file shipped in `assets/` in every shape the core runs in: from source (tsx, tests), from
 * the Electron bundle (dist-main/electron/main.cjs, where `import.meta.url` does not exist), and
 * from a packaged app started in another working folder. `SCHOOL_OFFICE_ASSETS` overrides.
 */
function candidates(): string[] {
  const out: string[] = [];
  if (process.env.SCHOOL_OFFICE_ASSETS) out.push(process.env.SCHOOL_OFFICE_ASSETS);
  try {
    out.push(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'assets'));
  } catch {
    // CommonJS bundle: no import.meta; __dirname below covers it.
  }
  if (typeof __dirname !== 'undefined') out.push(path.resolve(__dirname, '..', '..', 'assets'));
  out.push(path.resolve(process.cwd(), 'assets'));
  return out;
}

export function assetPath(...parts: string[]): string {
  for (const dir of candidates()) {
    const file = path.join(dir, ...parts);
    if (fs.existsSync(file)) return file;
  }
  throw new Error(`asset not found: ${parts.join('/')}`);
}

export function readAsset(...parts: string[]): Buffer {
  return fs.readFileSync(assetPath(...parts));
}
