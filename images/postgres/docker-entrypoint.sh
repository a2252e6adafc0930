#!/usr/bin/env bash
# Entry point of gonogo/postgres, compatible with the official postgres image's
# docker-entrypoint.sh as far as Testcontainers' PostgreSQL module needs it:
#
#   POSTGRES_PASSWORD          superuser password (required unless
#                              POSTGRES_HOST_AUTH_METHOD=trust)
#   POSTGRES_USER              superuser name                       (default postgres)
#   POSTGRES_DB                database created at first start      (default $POSTGRES_USER)
#   POSTGRES_INITDB_ARGS       extra initdb arguments
#   POSTGRES_HOST_AUTH_METHOD  auth for non-local hosts             (default scram-sha-256)
#   /docker-entrypoint-initdb.d/*.sh, *.sql   run once, on first start, in name order
#
# On an empty $PGDATA: initdb, start a temporary server on the Unix socket only,
# create the database, run the init scripts, stop it; then exec the real server.
# Both servers log "database system is ready to accept connections", so a
# first start prints it twice (Testcontainers waits for two).
# Arguments starting with '-' are passed to postgres ("-c fsync=off").
# No `set -u`: *.sh init scripts are sourced, and the official image does not set it.
set -Eeo pipefail

log() { printf '%s docker-entrypoint: %s\n' "$(date -u '+%F %T UTC')" "$*"; }

if [[ "${1:-}" == -* ]]; then
  set -- postgres "$@"
fi

wants_help() {
  local arg
  for arg; do
    case "$arg" in
      '-?' | --help | --describe-config | -V | --version) return 0 ;;
    esac
  done
  return 1
}

init_database() {
  : "${POSTGRES_USER:=postgres}"
  : "${POSTGRES_DB:=$POSTGRES_USER}"
  : "${POSTGRES_HOST_AUTH_METHOD:=scram-sha-256}"
  export POSTGRES_USER POSTGRES_DB

  if [[ -z "${POSTGRES_PASSWORD:-}" && "$POSTGRES_HOST_AUTH_METHOD" != trust ]]; then
    cat >&2 <<'EOF'
docker-entrypoint: ERROR: the database is uninitialized and no superuser password is set.
  Expected: -e POSTGRES_PASSWORD=<password> (Testcontainers sets it), or
            -e POSTGRES_HOST_AUTH_METHOD=trust to allow connections without one.
EOF
    exit 1
  fi

  log "initialising $PGDATA (user '$POSTGRES_USER', database '$POSTGRES_DB')"
  local -a initdb_args=(--username="$POSTGRES_USER" --encoding=UTF8 --locale=C.UTF-8)
  # shellcheck disable=SC2206 # split on purpose, like the official image
  initdb_args+=(${POSTGRES_INITDB_ARGS:-})
  if [[ -n "${POSTGRES_PASSWORD:-}" ]]; then
    initdb --pwfile=<(printf '%s\n' "$POSTGRES_PASSWORD") "${initdb_args[@]}"
  else
    initdb "${initdb_args[@]}"
  fi

  # initdb trusts local and loopback connections; everyone else needs the password.
  printf '\nhost all all all %s\n' "$POSTGRES_HOST_AUTH_METHOD" >>"$PGDATA/pg_hba.conf"
  printf "\nlisten_addresses = '*'\n" >>"$PGDATA/postgresql.conf"

  # Temporary server: Unix socket only, so no client can connect before we are done.
  pg_ctl -D "$PGDATA" -o "-c listen_addresses='' -p ${PGPORT:-5432}" -w start

  local -a psql=(psql -v ON_ERROR_STOP=1 --no-psqlrc --username "$POSTGRES_USER" --no-password)
  if [[ "$POSTGRES_DB" != postgres ]]; then
    "${psql[@]}" --dbname postgres --set db="$POSTGRES_DB" <<<'CREATE DATABASE :"db";'
  fi

  local f
  for f in /docker-entrypoint-initdb.d/*; do
    case "$f" in
      *.sh)
        log "running $f"
        # shellcheck disable=SC1090 # user-supplied; sourced like the official image does
        if [[ -x "$f" ]]; then "$f"; else . "$f"; fi
        ;;
      *.sql)
        log "running $f"
        "${psql[@]}" --dbname "$POSTGRES_DB" -f "$f"
        ;;
      */\*) ;; # no init scripts
      *) log "ignoring $f (only *.sh and *.sql are run)" ;;
    esac
  done

  pg_ctl -D "$PGDATA" -m fast -w stop
  log "PostgreSQL init process complete; ready for start up."
}

if [[ "${1:-}" == postgres ]] && ! wants_help "$@"; then
  if [[ "$(id -u)" == 0 ]]; then
    # Started with --user root: prepare the directories, then drop to postgres.
    mkdir -p "$PGDATA" /var/run/postgresql
    chown postgres:postgres "$PGDATA" /var/run/postgresql
    chmod 700 "$PGDATA"
    exec setpriv --reuid=postgres --regid=postgres --init-groups "${BASH_SOURCE[0]}" "$@"
  fi
  if [[ ! -s "$PGDATA/PG_VERSION" ]]; then
    init_database
  else
    log "$PGDATA already contains a database; skipping initialisation"
  fi
fi

exec "$@"
