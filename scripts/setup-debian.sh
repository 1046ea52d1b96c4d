#!/bin/sh
# Installs the Debian packages this project needs, by group; the one list of them. Called by
# `npm ci` (group build, before cmake-js), `npm test` (group test), `npm run setup` (all) and
# .ci/run (all). Idempotent: installs only what is missing. Not root, or not Debian: prints the
# packages and the command to install them instead. NYDUS_SKIP_SETUP=1 skips it entirely.
# Usage: scripts/setup-debian.sh [build|test|fuzz|bench|vm|all|--list GROUP]...
set -eu

pkgs_build="cmake g++ make pkg-config liblz4-dev libzstd-dev zlib1g-dev libssl-dev librust-blake3-dev"
# fuse3: fusermount3 for non-root mounts; attr: setfattr/getfattr; util-linux: mount, losetup;
# docker-registry, nginx, apache2-utils (htpasswd), openssl: the real servers of the storage tests;
# git: the generated-files drift check; procps: pgrep/ps in tests.
pkgs_test="fuse3 attr util-linux openssl git procps docker-registry nginx apache2-utils"
pkgs_fuzz="clang-14 libclang-rt-14-dev"
pkgs_bench="squashfuse squashfs-tools fio"
# The VM tests (fscache, virtio-fs): QEMU, a busybox initramfs, and the guest kernel's source and
# build tools (scripts/guest-kernel.sh).
pkgs_vm="qemu-system-x86 qemu-utils busybox-static cpio linux-source-6.12 xz-utils flex bison libelf-dev bc gcc make"

list_group() {
  case "$1" in
    build) echo "$pkgs_build" ;;
    test) echo "$pkgs_build $pkgs_test" ;;
    fuzz) echo "$pkgs_build $pkgs_fuzz" ;;
    bench) echo "$pkgs_build $pkgs_test $pkgs_bench" ;;
    vm) echo "$pkgs_build $pkgs_test $pkgs_vm" ;;
    all) echo "$pkgs_build $pkgs_test $pkgs_fuzz $pkgs_vm" ;;
    *) echo "setup: unknown group '$1' (build, test, fuzz, bench, vm, all)" >&2; exit 2 ;;
  esac
}

if [ "${1:-}" = "--list" ]; then
  list_group "${2:-all}" | tr ' ' '\n' | sort -u | tr '\n' ' '
  echo
  exit 0
fi

[ "${NYDUS_SKIP_SETUP:-0}" = 1 ] && exit 0

wanted=""
for g in "${@:-all}"; do wanted="$wanted $(list_group "$g")"; done
wanted=$(echo "$wanted" | tr ' ' '\n' | sed '/^$/d' | sort -u | tr '\n' ' ')

if ! command -v dpkg-query >/dev/null 2>&1 || ! command -v apt-get >/dev/null 2>&1; then
  echo "setup: not a Debian system; this project needs the equivalents of these Debian packages: $wanted" >&2
  echo "setup: install them with your package manager (set NYDUS_SKIP_SETUP=1 to silence this)" >&2
  exit 0
fi

missing=""
for p in $wanted; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0

if [ "$(id -u)" != 0 ]; then
  echo "setup: missing Debian packages:$missing" >&2
  echo "setup: install them as root: apt-get update && apt-get install -y --no-install-recommends$missing" >&2
  exit 1
fi

echo "setup: installing Debian packages:$missing" >&2
export DEBIAN_FRONTEND=noninteractive
attempt=1
while :; do
  # shellcheck disable=SC2086
  if apt-get update -qq >&2 && apt-get install -y -qq --no-install-recommends $missing >&2; then break; fi
  if [ "$attempt" -ge 3 ]; then
    echo "setup: apt-get failed to install:$missing" >&2
    exit 1
  fi
  attempt=$((attempt + 1))
  sleep 5
done
echo "setup: done" >&2
