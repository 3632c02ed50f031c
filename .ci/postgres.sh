# Sourced by .ci/run: start a throw-away PostgreSQL server on a Unix socket and export
# STRIFE_TEST_PG for the tests, and CI_REQUIRE_PG=1 so that PostgreSQL tests fail rather
# than skip. Without PostgreSQL binaries it does nothing, and those tests skip with a reason.
pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
if [ -n "$pg_bin" ]; then
  pg_dir=$(mktemp -d /tmp/strife-pg.XXXXXX)
  chown nobody "$pg_dir" 2>/dev/null || true
  as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u nobody -- "$@"; else "$@"; fi; }
  as_pg "$pg_bin/initdb" -D "$pg_dir/data" -U strife -A trust >/dev/null
  as_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -o "-k $pg_dir -p 55432 -c listen_addresses=''" -l "$pg_dir/log" -w start >/dev/null
  as_pg "$pg_bin/createdb" -h "$pg_dir" -p 55432 -U strife strife_test
  export STRIFE_TEST_PG="postgresql+psycopg://strife@/strife_test?host=$pg_dir&port=55432"
  # from here on a PostgreSQL test that cannot reach it fails instead of skipping
  export CI_REQUIRE_PG=1
  trap 'as_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate stop >/dev/null 2>&1 || true' EXIT
fi
