#!/usr/bin/env bash
# Makes sure MariaDB answers for the database tests, which run on SQLite and on MariaDB (the suite
# creates and drops its own throwaway databases there). Idempotent: does nothing when MariaDB
# answers, or when PREAU_TEST_DATABASES leaves MariaDB out (e.g. PREAU_TEST_DATABASES=sqlite).
# When it does not answer on this machine and we are root, starts the installed mariadbd in the
# background and waits for it, up to 60 s; otherwise says what to do and fails.
#
# Overrides: PREAU_TEST_MYSQL_URL (default mysql://root@127.0.0.1:3306) says where MariaDB is;
# MARIADBD=/path/to/mariadbd the server to start (default /usr/sbin/mariadbd).
set -uo pipefail

case ",${PREAU_TEST_DATABASES:-sqlite,mariadb}," in
  *,mariadb,*) ;;
  *) exit 0 ;;
esac

url="${PREAU_TEST_MYSQL_URL:-mysql://root@127.0.0.1:3306}"
hostport="${url#*://}"
hostport="${hostport##*@}"
hostport="${hostport%%/*}"
host="${hostport%%:*}"
port=3306
[ "$hostport" != "$host" ] && port="${hostport##*:}"
mariadbd="${MARIADBD:-/usr/sbin/mariadbd}"

answers() {
  if command -v mysqladmin >/dev/null 2>&1; then
    # ping succeeds as soon as the server runs, whatever the user's rights.
    mysqladmin --protocol=tcp -h "$host" -P "$port" -u root --connect-timeout=2 ping >/dev/null 2>&1
  else
    timeout 3 bash -c "exec 3<>/dev/tcp/$host/$port" 2>/dev/null
  fi
}

answers && exit 0

case "$host" in
  127.0.0.1 | localhost | ::1) local_server=yes ;;
  *) local_server=no ;;
esac

if [ "$local_server" = yes ] && [ "$(id -u)" -eq 0 ] && [ -x "$mariadbd" ] &&
  command -v start-stop-daemon >/dev/null 2>&1; then
  echo "MariaDB ne répond pas sur $host:$port : démarrage de $mariadbd…"
  # Debian creates the socket folder at boot; a container has not booted.
  if [ ! -d /run/mysqld ] && id mysql >/dev/null 2>&1; then
    install -d -o mysql -g mysql /run/mysqld
  fi
  start-stop-daemon --start --oknodo --background --exec "$mariadbd"
  for _ in $(seq 1 60); do
    answers && exit 0
    sleep 1
  done
  echo "MariaDB ne répond toujours pas sur $host:$port après 60 s : voyez son journal (journalctl, /var/log/mysql)." >&2
  exit 1
fi

cat >&2 <<MESSAGE
MariaDB ne répond pas sur $host:$port, où les tests créent leurs bases jetables.
Démarrez-le (« sudo systemctl start mariadb », ou installez le paquet mariadb-server), réglez
PREAU_TEST_MYSQL_URL vers un autre serveur, ou lancez les tests sur SQLite seul :
  PREAU_TEST_DATABASES=sqlite npm test
MESSAGE
exit 1
