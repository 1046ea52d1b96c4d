#!/bin/sh
# Builds the guest kernel of the VM tests (fscache on-demand and virtio-fs need options Debian's
# kernels lack) once per machine and prints the path of its bzImage. Source: Debian's
# linux-source-6.12; configuration: `make tinyconfig` + test/vm/guest-kernel.config + olddefconfig.
# The result is cached under ${NYDUS_CACHE_DIR:-~/.cache/nydus-service}/guest-kernel-<key>/, the key
# being the hash of the fragment and of the source package's version, so a changed fragment or a
# new source package builds again. Concurrent callers wait on a lock; the build log stays beside
# the image. Usage: scripts/guest-kernel.sh [--print-key]
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
fragment="$here/test/vm/guest-kernel.config"
src_tar=/usr/src/linux-source-6.12.tar.xz
src_version=$(dpkg-query -W -f='${Version}' linux-source-6.12 2>/dev/null || echo none)
key=$( (cat "$fragment"; echo "$src_version") | sha256sum | cut -c1-16)
[ "${1:-}" = "--print-key" ] && { echo "$key"; exit 0; }

cache_root=${NYDUS_CACHE_DIR:-${HOME:-/root}/.cache/nydus-service}
out="$cache_root/guest-kernel-$key"
mkdir -p "$cache_root"
if [ -s "$out/bzImage" ]; then echo "$out/bzImage"; exit 0; fi

exec 9>"$cache_root/guest-kernel.lock"
flock 9
if [ -s "$out/bzImage" ]; then echo "$out/bzImage"; exit 0; fi

if [ ! -f "$src_tar" ]; then
  echo "guest-kernel: $src_tar is missing: run 'sh scripts/setup-debian.sh vm' as root" >&2
  exit 1
fi
work="$cache_root/guest-kernel-build.$$"
rm -rf "$work"
mkdir -p "$work" "$out"
log="$out/build.log"
echo "guest-kernel: building from $src_tar (about 5 minutes on 2 cores; log $log)" >&2
trap 'rm -rf "$work"' EXIT
# Every step checked by hand: `set -e` does not apply in a function called on the left of `||`.
build() {
  tar -C "$work" -xf "$src_tar" || return 1
  cd "$work"/linux-source-6.12 || return 1
  make -s tinyconfig || return 1
  scripts/kconfig/merge_config.sh -m .config "$fragment" || return 1
  make -s olddefconfig || return 1
  # The options the VM tests cannot do without must have survived olddefconfig (a dropped one
  # means a missing dependency, and a guest without it fails far less readably); the rest of
  # the fragment only warns (some options, e.g. RANDOM_TRUST_CPU, no longer exist in 6.12).
  for opt in CACHEFILES_ONDEMAND EROFS_FS_ONDEMAND EROFS_FS VIRTIO_FS FUSE_FS NET_9P_VIRTIO 9P_FS EXT4_FS VIRTIO_BLK VIRTIO_NET SERIAL_8250_CONSOLE BLK_DEV_INITRD DEVTMPFS TMPFS; do
    grep -qx "CONFIG_$opt=y" .config || { echo "guest-kernel: CONFIG_$opt=y did not survive olddefconfig"; return 1; }
  done
  while IFS= read -r line; do
    case "$line" in CONFIG_*=n) ;; CONFIG_*) grep -qx "$line" .config || echo "guest-kernel: note: $line is not in the final configuration" ;; esac
  done < "$fragment"
  make -s -j"$(nproc)" bzImage || return 1
  cp arch/x86/boot/bzImage "$out/bzImage.tmp" || return 1
  cp .config "$out/config" || return 1
  mv "$out/bzImage.tmp" "$out/bzImage"
}
if ! (build) >"$log" 2>&1; then
  echo "guest-kernel: build failed; the last lines of $log:" >&2
  tail -n 30 "$log" >&2
  exit 1
fi
echo "$out/bzImage"
