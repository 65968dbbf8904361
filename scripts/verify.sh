#!/usr/bin/env bash
# The one test command (README: `npm run verify`). On a fresh Debian machine it installs what the
# tests need, installs npm packages, starts a throwaway PostgreSQL on 127.0.0.1, and runs
# typecheck + lint + unit + integration (SQLite and PostgreSQL) + e2e in Debian Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
export ELECTRON_SKIP_BINARY_DOWNLOAD=1

step() { printf '\n=== %s ===\n' "$*"; }

step "Debian packages"
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
command -v fet-cl >/dev/null 2>&1 || need+=(fet)
[ -d /usr/share/doc/fet-data/examples ] || need+=(fet-data)
command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
command -v soffice >/dev/null 2>&1 || need+=(libreoffice-calc)
# Writer reads back the DOCX files (orders, personal files); without it those tests would skip.
[ -e /usr/lib/libreoffice/program/libswlo.so ] || need+=(libreoffice-writer-nogui)
# The screenshot suite (tests/e2e/screens) compares pictures drawn with DejaVu Sans: the only font installed.
[ -d /usr/share/fonts/truetype/dejavu ] || need+=(fonts-dejavu-core)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = "0" ]; then
    echo "installing: ${need[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
  else
    echo "missing Debian packages: ${need[*]} (run as root to install them)"
    if [ "${CI:-}" = "true" ]; then exit 1; fi
  fi
else
  echo "all present"
fi

if [ "${SKIP_NPM_CI:-}" != "1" ]; then
  step "npm ci"
  npm ci --no-audit --no-fund
fi

step "PostgreSQL (throwaway cluster on 127.0.0.1)"
PG_STATE="$(mktemp -d)"
chmod 755 "$PG_STATE"  # initdb runs as the postgres user and must reach its folder
TEST_DATABASE_URL="$(node -e "
  import('./scripts/pg-cluster.mjs').then(({ startCluster }) => {
    const c = startCluster({ dir: '$PG_STATE/pg' });
    require('fs').writeFileSync('$PG_STATE/state.json', JSON.stringify(c));
    process.stdout.write(c.url);
  }).catch((e) => { console.error(e.message); process.exit(1); });
")"
export TEST_DATABASE_URL
stop_pg() {
  node -e "
    import('./scripts/pg-cluster.mjs').then(({ stopCluster }) => stopCluster(JSON.parse(require('fs').readFileSync('$PG_STATE/state.json', 'utf8'))));
  " || true
  rm -rf "$PG_STATE"
}
trap stop_pg EXIT
echo "PostgreSQL at $TEST_DATABASE_URL"

step "typecheck"
npm run typecheck

step "lint"
npm run lint

step "tests: unit, integration (SQLite + PostgreSQL), e2e (Chromium)"
npx vitest run --project unit --project integration --project e2e
