#!/usr/bin/env bash
# Monado's simulated headset, for the XR test: Debian trixie's monado-service (bookworm has no
# Monado) in a trixie chroot made with debootstrap, built once into a cache outside the clone.
#
#   tools/xr/monado.sh build            builds the chroot if it is not there; prints its path
#   tools/xr/monado.sh run DIR... -- CMD runs CMD in the chroot with Monado started beside it:
#                                       each DIR (the clone, the target folder) is bind-mounted at
#                                       the same path, with /tmp (the X display) and /dev, /proc,
#                                       /sys; Monado is stopped when CMD ends, and its log is
#                                       written to $MONADO_LOG if set.
#
# Needs root (debootstrap, chroot, mount). Known traps, from the stack notes: monado-service
# exits at once unless its stdin is a pipe, and exits when its client disconnects (so it is
# started once per run); the loader is found as libopenxr_loader.so, which only the -dev package
# provides.
set -euo pipefail

CACHE="${PRAXIS_CACHE:-$HOME/.cache/praxis}"
ROOT="$CACHE/monado-trixie"
MIRROR="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"
# What the chroot holds: Monado and its OpenXR runtime, the loader, Mesa's software Vulkan, and
# the libraries Praxis (built on bookworm) opens.
PACKAGES=monado-service,libopenxr1-monado,libopenxr-loader1,libopenxr-dev,mesa-vulkan-drivers,libvulkan1,libx11-6,libx11-xcb1,libxcursor1,libxrandr2,libxi6,libxkbcommon0,libxkbcommon-x11-0,libudev1,libasound2t64,libwayland-client0,libwayland-cursor0,libwayland-egl1,procps

# What `run` has bind-mounted, unmounted on exit (last first).
MOUNTED=()
cleanup() {
  for ((i = ${#MOUNTED[@]} - 1; i >= 0; i--)); do
    umount -l "${MOUNTED[$i]}" 2>/dev/null || true
  done
}

build() {
  if [ -f "$ROOT/.praxis-ready" ]; then
    echo "$ROOT"
    return
  fi
  if [ "$(id -u)" -ne 0 ]; then
    echo "monado: building the chroot needs root (debootstrap)" >&2
    exit 2
  fi
  command -v debootstrap >/dev/null || {
    echo "monado: debootstrap is missing: run tools/setup.sh" >&2
    exit 2
  }
  echo "monado: building a Debian trixie chroot with Monado in $ROOT (once; about 1 GB)" >&2
  rm -rf "$ROOT.partial"
  mkdir -p "$CACHE"
  debootstrap --variant=minbase --include="$PACKAGES" trixie "$ROOT.partial" "$MIRROR" >&2
  rm -rf "$ROOT"
  mv "$ROOT.partial" "$ROOT"
  touch "$ROOT/.praxis-ready"
  echo "$ROOT"
}

run() {
  local dirs=()
  while [ $# -gt 0 ] && [ "$1" != "--" ]; do
    dirs+=("$1")
    shift
  done
  [ "${1:-}" = "--" ] || {
    echo "usage: tools/xr/monado.sh run DIR... -- CMD..." >&2
    exit 2
  }
  shift
  build >/dev/null
  trap cleanup EXIT
  bind() {
    mkdir -p "$ROOT$2"
    mount --bind "$1" "$ROOT$2"
    MOUNTED+=("$ROOT$2")
  }
  bind /proc /proc
  bind /sys /sys
  bind /dev /dev
  bind /tmp /tmp
  for d in "${dirs[@]}"; do
    bind "$d" "$d"
  done
  mkdir -p "$ROOT/run/user/0"
  chmod 700 "$ROOT/run/user/0"
  rm -f "$ROOT/run/user/0/monado_comp_ipc"
  local log="${MONADO_LOG:-/dev/null}"
  # Monado: the simulated HMD, the null compositor (no display of its own), on lavapipe. Its
  # stdin is a pipe that this script holds open until the command is done.
  local fifo
  fifo=$(mktemp -u)
  mkfifo "$fifo"
  chroot "$ROOT" /usr/bin/env -i PATH=/usr/bin:/bin HOME=/root \
    XDG_RUNTIME_DIR=/run/user/0 XRT_COMPOSITOR_NULL=1 SIMULATED_ENABLE=1 \
    XRT_LOG=info monado-service <"$fifo" >"$log" 2>&1 &
  local monado=$!
  exec 9>"$fifo"
  rm -f "$fifo"
  for _ in $(seq 1 100); do
    [ -S "$ROOT/run/user/0/monado_comp_ipc" ] && break
    sleep 0.1
  done
  if [ ! -S "$ROOT/run/user/0/monado_comp_ipc" ]; then
    echo "monado: monado-service did not start (its log: $log)" >&2
    exec 9>&-
    kill "$monado" 2>/dev/null || true
    exit 3
  fi
  local status=0
  # The command gets a clean environment, plus Praxis's, Bevy's and the graphics' settings.
  local pass=()
  while IFS= read -r kv; do
    pass+=("$kv")
  done < <(env | grep -E '^(PRAXIS_|BEVY_|RUST_LOG=|RUST_BACKTRACE=|WGPU_|VK_)' || true)
  chroot "$ROOT" /usr/bin/env -i PATH=/usr/bin:/bin HOME="${HOME:-/root}" \
    DISPLAY="${DISPLAY:-}" XAUTHORITY="${XAUTHORITY:-}" \
    XDG_RUNTIME_DIR=/run/user/0 XR_RUNTIME_JSON=/usr/share/openxr/1/openxr_monado.json \
    "${pass[@]}" /bin/sh -c 'cd "${PRAXIS_WORKDIR:-/}" && exec "$@"' sh "$@" || status=$?
  exec 9>&-
  kill "$monado" 2>/dev/null || true
  wait "$monado" 2>/dev/null || true
  return $status
}

case "${1:-}" in
  build) build ;;
  run) shift; run "$@" ;;
  *)
    echo "usage: tools/xr/monado.sh build | run DIR... -- CMD..." >&2
    exit 2
    ;;
esac
