import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Where the files shipped in `assets/` (fonts, document templates) are, in every shape the core runs
 * in. A packaged app carries them beside its archive, as electron-builder's `extraResources`
 * (`<resources>/assets`, electron-builder.yml), not inside app.asar: a school can look at the
 * templates there, and a file inside the archive cannot be handed to tools that want a real path.
 * From source (tsx, tests, `serve`) and from the bundle in `dist-main/electron` they are the
 * repository's `assets/` folder.
 */
export interface AssetPlaces {
  /** `SCHOOL_OFFICE_ASSETS`: the desktop shell sets it for its core process (and so for its workers). */
  override?: string;
  /** `process.resourcesPath` under Electron; undefined under plain Node. */
  resourcesPath?: string;
  /** The folder of the running code file (source or bundle); null when it cannot be known. */
  moduleDir: string | null;
  cwd: string;
}

/** The packaged app's assets folder: `extraResources` copies `assets/` to `<resources>/assets`. */
export function packagedAssetsDir(resourcesPath: string): string {
  return path.join(resourcesPath, 'assets');
}

function inside(child: string, parent: string): boolean {
  const rel = path.relative(parent, child);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}

/**
 * The folders to look in, first match wins. Packaged (the code runs from under the resources folder,
 * i.e. from app.asar): only the resources' assets — never the working folder, which there is wherever
 * the user started the program. Otherwise the repository's folder, found from the code's own place
 * (`src-main/core/foundation` is three levels down, `dist-main/electron` two), then the working folder.
 */
export function assetDirs(places: AssetPlaces): string[] {
  const out: string[] = [];
  if (places.override) out.push(places.override);
  const { resourcesPath, moduleDir } = places;
  if (resourcesPath && moduleDir && inside(moduleDir, resourcesPath)) {
    out.push(packagedAssetsDir(resourcesPath));
    return out;
  }
  if (moduleDir) out.push(path.resolve(moduleDir, '..', '..', '..', 'assets'), path.resolve(moduleDir, '..', '..', 'assets'));
  out.push(path.resolve(places.cwd, 'assets'));
  return [...new Set(out)];
}

function moduleDir(): string | null {
  try {
    return path.dirname(fileURLToPath(import.meta.url));
  } catch {
    // CommonJS bundle: no import.meta.
    return typeof __dirname !== 'undefined' ? __dirname : null;
  }
}

function currentPlaces(): AssetPlaces {
  return {
    override: process.env.SCHOOL_OFFICE_ASSETS || undefined,
    resourcesPath: (process as { resourcesPath?: string }).resourcesPath,
    moduleDir: moduleDir(),
    cwd: process.cwd(),
  };
}

export function assetPath(...parts: string[]): string {
  const dirs = assetDirs(currentPlaces());
  for (const dir of dirs) {
    const file = path.join(dir, ...parts);
    if (fs.existsSync(file)) return file;
  }
  throw new Error(`asset not found: ${parts.join('/')} (looked in ${dirs.join(', ')})`);
}

export function readAsset(...parts: string[]): Buffer {
  return fs.readFileSync(assetPath(...parts));
}
