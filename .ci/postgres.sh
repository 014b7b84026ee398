#!/usr/bin/env bash
# A PostgreSQL server on 127.0.0.1:5432 with the database `test`, for the store's PostgreSQL leg
# (.ci/run sets TEST_POSTGRES_URL to it). Where one already answers, as on the project's machines,
# this only makes sure `test` exists. On a machine without one it installs Debian's postgresql,
# lets local TCP connections in without a password (trust, as the project's machines do: the server
# holds only throwaway test databases), starts the cluster and creates `test`. Exits non-zero when
# no server answers in the end, so CI fails rather than skipping the leg.
# test/ci/postgres-setup.test.ts runs it against stand-in commands.
set -euo pipefail

host=127.0.0.1
port=5432

ready() { command -v pg_isready >/dev/null && pg_isready -q -h "$host" -p "$port"; }
sql() { psql -h "$host" -p "$port" -U postgres -d postgres -tAc "$1"; }

if ! ready; then
  installed_now=0
  if ! command -v pg_lsclusters >/dev/null || [[ -z "$(pg_lsclusters -h)" ]]; then
    echo "postgres: no server and no cluster here; installing Debian's postgresql"
    apt-get update
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends postgresql
    installed_now=1
  fi
  # The first cluster (Debian's package makes one, `main`); columns: version, name, port, status.
  read -r version cluster _ status _ < <(pg_lsclusters -h | head -n 1)
  if ((installed_now)); then
    # pg_hba.conf applies its first matching line: this one, on top, admits the tests as any role.
    hba="$(pg_conftool -s "$version" "$cluster" show hba_file)"
    grep -qx 'host all all 127.0.0.1/32 trust' "$hba" || sed -i '1i host all all 127.0.0.1/32 trust' "$hba"
  fi
  # The package's own start may or may not have happened (containers often refuse it); either way
  # the cluster runs afterwards with the configuration above.
  if [[ "$status" == online* ]]; then
    pg_ctlcluster --skip-systemctl-redirect "$version" "$cluster" reload
  else
    echo "postgres: starting cluster $version/$cluster"
    pg_ctlcluster --skip-systemctl-redirect "$version" "$cluster" start
  fi
  for _ in $(seq 30); do
    ready && break
    sleep 1
  done
  if ! ready; then
    echo "postgres: no server answers on $host:$port after starting cluster $version/$cluster" >&2
    exit 1
  fi
fi

if [[ "$(sql "SELECT 1 FROM pg_database WHERE datname = 'test'")" != "1" ]]; then
  sql "CREATE DATABASE test" >/dev/null
  echo "postgres: created the database test"
fi
echo "postgres: ready on $host:$port"
