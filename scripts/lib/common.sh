# Shared by the scripts of GridAtlas: installs what is missing and runs the project's private
# PostGIS cluster (data under var/, its own port and socket folder, nothing else on the machine touched).
# Sourced, not run.

GA_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
# Where the cluster, its socket and the logs live: var/ of the clone. As root the cluster runs as the postgres
# user, which must be able to reach var/; a clone inside a private folder (mktemp -d makes 0700 folders) is out of
# its reach, so such a clone keeps them in /var/tmp/gridatlas-<hash of the clone's path> instead.
ga_locate_var() {
  GA_VAR="$GA_ROOT/var"
  if [ "$(id -u)" -eq 0 ] && id postgres >/dev/null 2>&1 && ! runuser -u postgres -- test -x "$GA_ROOT" 2>/dev/null; then
    GA_VAR="/var/tmp/gridatlas-$(printf %s "$GA_ROOT" | sha1sum | cut -c1-12)"
  fi
  GA_PGDATA="$GA_VAR/postgres"
  GA_PGSOCK="$GA_VAR/run"
  GA_PGLOG="$GA_VAR/log/postgres.log"
}
ga_locate_var
GA_PGPORT="${GRIDATLAS_PG_PORT:-54329}"
GA_DB_USER="${GRIDATLAS_DB_USER:-gridatlas}"
GA_DB_PASSWORD="${GRIDATLAS_DB_PASSWORD:-gridatlas}"
GA_PG_MAJOR="${GRIDATLAS_PG_MAJOR:-15}"

say() { printf '\033[1;34m[gridatlas]\033[0m %s\n' "$*"; }
die() { printf '\033[1;31m[gridatlas] %s\033[0m\n' "$*" >&2; exit 1; }

# Run a command as root (apt-get): directly when we are root, else through sudo.
as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@";
  else die "need root to run: $* (install sudo or run as root)"; fi
}

# Run a PostgreSQL server tool: initdb refuses root, so as root it runs as the postgres user.
as_pg() {
  # from / (every path given is absolute): the postgres user may not be able to enter the current folder
  if [ "$(id -u)" -eq 0 ]; then (cd / && runuser -u postgres -- "$@"); else "$@"; fi
}

apt_install() {
  say "installing Debian packages: $*"
  export DEBIAN_FRONTEND=noninteractive
  if [ -z "${GA_APT_UPDATED:-}" ]; then as_root apt-get update -qq >/dev/null; GA_APT_UPDATED=1; fi
  as_root apt-get install -y -qq "$@" >/dev/null || die "apt-get install $* failed"
}

pg_bin() {
  local dir
  for dir in /usr/lib/postgresql/*/bin; do [ -x "$dir/pg_ctl" ] && GA_PG_BIN="$dir"; done
  [ -n "${GA_PG_BIN:-}" ]
}

ensure_postgis_installed() {
  if ! pg_bin || ! ls /usr/share/postgresql/*/extension/postgis.control >/dev/null 2>&1; then
    apt_install "postgresql-$GA_PG_MAJOR" "postgresql-$GA_PG_MAJOR-postgis-3" postgresql-contrib
    pg_bin || die "PostgreSQL server binaries not found after install"
  fi
}

ensure_chromium_installed() {
  if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null || ! fc-list 2>/dev/null | grep -q "Noto Sans CJK"; then
    apt_install chromium chromium-driver fonts-noto-cjk
  fi
}

ensure_java() {
  command -v java >/dev/null || die "a JDK 17 or newer is needed (apt-get install openjdk-17-jdk-headless)"
}

pg_running() { [ -f "$GA_PGDATA/postmaster.pid" ] && as_pg "$GA_PG_BIN/pg_ctl" -D "$GA_PGDATA" status >/dev/null 2>&1; }

psql_super() { as_pg psql -X -q -v ON_ERROR_STOP=1 -h "$GA_PGSOCK" -p "$GA_PGPORT" -U postgres "$@"; }

# Start the private cluster (creating it on first use). Extra server options in $1 (e.g. "-c fsync=off").
db_start() {
  local opts="${1:-}"
  ensure_postgis_installed
  ga_locate_var # the postgres user may only exist now
  mkdir -p "$GA_VAR/log" "$GA_PGSOCK"
  if [ ! -f "$GA_PGDATA/PG_VERSION" ]; then
    say "creating the private PostGIS cluster in $GA_PGDATA (port $GA_PGPORT)"
    mkdir -p "$GA_PGDATA"
    if [ "$(id -u)" -eq 0 ]; then chown -R postgres:postgres "$GA_VAR/postgres" "$GA_PGSOCK" "$GA_VAR/log"; fi
    as_pg "$GA_PG_BIN/initdb" -D "$GA_PGDATA" -U postgres --auth-local=trust --auth-host=scram-sha-256 \
      -E UTF8 --locale=C.UTF-8 >/dev/null || die "initdb failed"
  fi
  if [ "$(id -u)" -eq 0 ]; then chown postgres:postgres "$GA_PGSOCK" "$GA_VAR/log"; touch "$GA_PGLOG"; chown postgres "$GA_PGLOG"; fi
  if ! pg_running; then
    say "starting PostGIS on 127.0.0.1:$GA_PGPORT ${opts:+($opts)}"
    as_pg "$GA_PG_BIN/pg_ctl" -D "$GA_PGDATA" -l "$GA_PGLOG" -w -t 60 \
      -o "-p $GA_PGPORT -k $GA_PGSOCK -c listen_addresses=127.0.0.1 -c max_connections=100 -c shared_buffers=512MB -c work_mem=32MB -c maintenance_work_mem=256MB $opts" \
      start >/dev/null || die "PostgreSQL did not start; see $GA_PGLOG"
    GA_STARTED_DB=1
  fi
  psql_super -d postgres -c "DO \$\$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$GA_DB_USER') THEN CREATE ROLE $GA_DB_USER LOGIN PASSWORD '$GA_DB_PASSWORD'; END IF; END \$\$;"
}

# Create a database owned by the project's role, with the extensions the migrations need (they need a superuser).
db_create() {
  local db="$1"
  if ! psql_super -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$db'" | grep -q 1; then
    psql_super -d postgres -c "CREATE DATABASE $db OWNER $GA_DB_USER"
  fi
  psql_super -d "$db" -c "CREATE EXTENSION IF NOT EXISTS postgis; CREATE EXTENSION IF NOT EXISTS pg_trgm;"
}

db_drop() { psql_super -d postgres -c "DROP DATABASE IF EXISTS $1 WITH (FORCE)"; }

db_stop() {
  pg_bin || return 0
  if pg_running; then
    say "stopping PostGIS ($GA_PGDATA)"
    as_pg "$GA_PG_BIN/pg_ctl" -D "$GA_PGDATA" -m fast -w stop >/dev/null
  else
    say "PostGIS is not running"
  fi
}

# The standard Spring variables: set unless the user already did.
export_datasource() {
  local db="$1"
  export SPRING_DATASOURCE_URL="${SPRING_DATASOURCE_URL:-jdbc:postgresql://127.0.0.1:$GA_PGPORT/$db}"
  export SPRING_DATASOURCE_USERNAME="${SPRING_DATASOURCE_USERNAME:-$GA_DB_USER}"
  export SPRING_DATASOURCE_PASSWORD="${SPRING_DATASOURCE_PASSWORD:-$GA_DB_PASSWORD}"
}

mvnw() { (cd "$GA_ROOT" && ./mvnw -B -ntp "$@"); }
