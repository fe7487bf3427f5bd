#!/bin/sh
# Build the workstation .deb from the frozen bundle (`make deb`; docs/deb.md).
#   packaging/deb/build.sh [BUNDLE_DIR [OUT_DIR]]   defaults: dist/linkage-console, dist
# Stages /opt/linkage-console (the bundle), /usr/bin/linkage-console (the launcher), the desktop
# entry, the icon and the site config /etc/linkage-console/console.toml (a conffile), then runs
# `dpkg-deb --build`. Prints the .deb's path. Version: pyproject.toml's; architecture: this
# host's; libc6 at least this host's (the bundle carries libraries built against it: build on
# the oldest system you deploy to). DEB_MAINTAINER overrides the Maintainer field.
# Compression: gzip -6 by default (every dpkg reads it; ~11 CPU-seconds for ~128 MB); the
# smaller DEB_COMPRESS=xz costs ~3 CPU-minutes for ~93 MB (docs/deb.md). DEB_LEVEL: 0-9.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
bundle=${1:-$root/dist/linkage-console}
out=${2:-$root/dist}
maintainer=${DEB_MAINTAINER:-Linkage console IT <linkage-console@localhost>}
compress=${DEB_COMPRESS:-gzip}
level=${DEB_LEVEL:-6}

if [ ! -x "$bundle/linkage-console" ]; then
  echo "build.sh: no frozen bundle at $bundle (run make dist)" >&2
  exit 1
fi
version=$(sed -n 's/^version *= *"\(.*\)"/\1/p' "$root/pyproject.toml" | head -n 1)
arch=$(dpkg --print-architecture)
libc=$(dpkg-query -W -f='${Version}' libc6 | sed 's/-.*//')
[ -n "$version" ] && [ -n "$libc" ]

stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
umask 022
chmod 755 "$stage"  # the package's root entry: mktemp made it its owner's only
mkdir -p "$stage/DEBIAN" "$stage/opt" "$stage/usr/bin" "$stage/usr/share/applications" \
  "$stage/usr/share/icons/hicolor/scalable/apps" "$stage/etc/linkage-console"
cp -R "$bundle" "$stage/opt/linkage-console"
chmod -R u+rwX,go+rX,go-w "$stage/opt/linkage-console"
install -m 755 "$here/linkage-console" "$stage/usr/bin/linkage-console"
install -m 644 "$here/linkage-console.desktop" "$stage/usr/share/applications/"
install -m 644 "$root/resources/icons/linkage-console.svg" \
  "$stage/usr/share/icons/hicolor/scalable/apps/linkage-console.svg"
cat "$here/console.toml.head" "$root/resources/console.example.toml" \
  > "$stage/etc/linkage-console/console.toml"
chmod 644 "$stage/etc/linkage-console/console.toml"
echo /etc/linkage-console/console.toml > "$stage/DEBIAN/conffiles"

size=$(du -sk --exclude=DEBIAN "$stage" | cut -f1)
sed -e "s|@VERSION@|$version|" -e "s|@ARCH@|$arch|" -e "s|@LIBC@|$libc|" \
  -e "s|@SIZE@|$size|" -e "s|@MAINTAINER@|$maintainer|" "$here/control.in" > "$stage/DEBIAN/control"

mkdir -p "$out"
deb="$out/linkage-console_${version}_${arch}.deb"
dpkg-deb --root-owner-group -Z"$compress" -z"$level" --build "$stage" "$deb" >/dev/null
echo "$deb"
