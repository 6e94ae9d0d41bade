#!/usr/bin/env bash
# Makes sure Debian's chromium is installed: the end-to-end tests and the benchmark drive it
# through playwright-core (executablePath /usr/bin/chromium), and npm never downloads a browser.
# Idempotent: does nothing when chromium is there. Installs it with apt-get when run as root on
# Debian or Ubuntu; otherwise says what to install and fails.
#
# Overrides, for testing this script without touching the machine:
#   CHROMIUM=/path/to/chromium   the browser expected (default /usr/bin/chromium)
#   PREAU_APT_GET=/path/to/stub  the apt-get to run (default apt-get)
set -euo pipefail

chromium="${CHROMIUM:-/usr/bin/chromium}"
apt_get="${PREAU_APT_GET:-apt-get}"

[ -x "$chromium" ] && exit 0

if [ "$(id -u)" -eq 0 ] && command -v "$apt_get" >/dev/null 2>&1; then
  echo "Chromium absent ($chromium) : installation du paquet Debian « chromium » pour les tests de bout en bout…"
  export DEBIAN_FRONTEND=noninteractive
  if "$apt_get" update -qq >/dev/null &&
    "$apt_get" install -y -qq --no-install-recommends chromium >/dev/null; then
    [ -x "$chromium" ] && exit 0
  fi
  echo "L’installation de chromium a échoué : lancez « apt-get install chromium » et lisez son message." >&2
  exit 1
fi

cat >&2 <<MESSAGE
Chromium est introuvable ($chromium) : les tests de bout en bout et le banc de mesure en ont besoin.
Installez le Chromium de votre distribution, par exemple « sudo apt-get install chromium » sous
Debian (« chromium-browser » sous Ubuntu, puis un lien /usr/bin/chromium), ou lancez ce script en
root pour qu’il l’installe.
MESSAGE
exit 1
