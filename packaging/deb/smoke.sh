#!/bin/sh
# The package on this machine, for real (`make deb-smoke`, root): install it as IT would
# (apt-get install ./the.deb), check the files, start the console as installed (--smoke, under
# a throwaway HOME, offscreen), check the launcher reads the site config, reinstall over an
# edited site config (kept), remove (/opt, /usr/bin gone, the site config kept), purge (gone).
# Whatever happens, the package is purged on exit: the machine is left as it was.
#   packaging/deb/smoke.sh dist/linkage-console_<version>_<arch>.deb
set -eu
deb=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
site=/etc/linkage-console/console.toml
fail() { echo "deb-smoke: FAILED: $*" >&2; exit 1; }
[ "$(id -u)" = 0 ] || fail "needs root (it installs the package)"
[ -f "$deb" ] || fail "no package $deb (run make deb)"

tmp=$(mktemp -d)
cleanup() {
  dpkg -P linkage-console >/dev/null 2>&1 || true
  rm -rf "$tmp"
}
trap cleanup EXIT

start=$(date +%s)
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$deb" >/dev/null \
  || fail "apt-get install $deb"
echo "deb-smoke: installed in $(($(date +%s) - start)) s"
for f in /opt/linkage-console/linkage-console /usr/bin/linkage-console; do
  [ -x "$f" ] || fail "$f missing or not executable"
done
for f in "$site" /usr/share/applications/linkage-console.desktop \
  /usr/share/icons/hicolor/scalable/apps/linkage-console.svg; do
  [ -f "$f" ] || fail "$f missing"
done
if command -v desktop-file-validate >/dev/null; then
  desktop-file-validate /usr/share/applications/linkage-console.desktop || fail "desktop entry"
else
  echo "deb-smoke: desktop-file-validate not installed; desktop entry not validated"
fi

# As a seat would: from another folder, a fresh HOME (data, logs, audit key go there).
cd /
env -i PATH=/usr/bin:/bin HOME="$tmp/home" LANG=C.UTF-8 linkage-console config check \
  > "$tmp/check.txt" 2>&1 || { cat "$tmp/check.txt"; fail "config check with the site config"; }
grep -q "config file: $site" "$tmp/check.txt" || { cat "$tmp/check.txt"; fail "launcher: site config not read"; }
start=$(date +%s)
env -i PATH=/usr/bin:/bin HOME="$tmp/home" LANG=C.UTF-8 QT_QPA_PLATFORM=offscreen \
  linkage-console --db "sqlite:///$tmp/smoke.sqlite3" --smoke || fail "linkage-console --smoke"
echo "deb-smoke: started (--smoke) in $(($(date +%s) - start)) s"

# An upgrade (here: the same package again) keeps the site's edits to its config.
echo "# deb-smoke: edited by the site" >> "$site"
dpkg -i "$deb" >/dev/null || fail "reinstall"
grep -q "edited by the site" "$site" || fail "reinstall replaced the edited site config"

dpkg -r linkage-console >/dev/null || fail "dpkg -r"
for f in /opt/linkage-console /usr/bin/linkage-console /usr/share/applications/linkage-console.desktop; do
  [ ! -e "$f" ] || fail "$f left after dpkg -r"
done
[ -f "$site" ] || fail "dpkg -r deleted the site config (a conffile stays until purge)"
dpkg -P linkage-console >/dev/null || fail "dpkg -P"
[ ! -e /etc/linkage-console ] || fail "/etc/linkage-console left after dpkg -P"
echo "deb-smoke: OK (installed, started, reinstalled keeping the site config, removed, purged)"
