#!/usr/bin/env bash
# Installs what Praxis needs on a fresh Debian machine (apt and pip parts) and checks the Rust
# toolchain. Safe to run again: it only installs what is missing.
set -euo pipefail

# Debian packages needed to build and test. The engine-free core and the command-line tools
# need only a C linker; the 3D runtime needs the X11, Wayland, ALSA and udev headers, Mesa's
# software Vulkan (lavapipe) and Xvfb for the rendering tests, mold and clang to link Bevy
# quickly, Node.js for the Khronos glTF and xAPI validators, and python3-venv for the LRS the
# tests start (tools/lrs/setup.sh); the OpenXR loader for `praxis run --xr`, and debootstrap for
# the chroot in which the XR test runs Monado's simulated headset (tools/xr/monado.sh).
APT_PACKAGES=(gcc pkg-config clang mold libopenxr-loader1 libopenxr-dev debootstrap
  libx11-dev libxcursor-dev libxrandr-dev libxi-dev libasound2-dev libudev-dev libwayland-dev
  libxkbcommon-dev mesa-vulkan-drivers libvulkan1 xvfb xauth nodejs python3-venv libxml2-utils
  desktop-file-utils)
# Python packages (none yet).
PIP_PACKAGES=()

missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing Debian packages: ${missing[*]}"
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -q
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q "${missing[@]}"
fi
# Debian's nodejs ships npm separately; other nodejs builds include it.
if ! command -v npm >/dev/null 2>&1; then
  echo "setup: installing npm"
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q npm
fi
# The Khronos glTF validator (npm package gltf-validator), pinned by its package-lock.json.
if [ ! -d "$(dirname "$0")/gltf-validator/node_modules/gltf-validator" ]; then
  echo "setup: installing the Khronos glTF validator (npm)"
  npm ci --prefix "$(dirname "$0")/gltf-validator" --no-audit --no-fund --loglevel=error
fi
# Learning Locker's xAPI statement validator (npm package @learninglocker/xapi-validation).
if [ ! -d "$(dirname "$0")/xapi-validator/node_modules/@learninglocker/xapi-validation" ]; then
  echo "setup: installing Learning Locker's xAPI validator (npm)"
  npm ci --prefix "$(dirname "$0")/xapi-validator" --no-audit --no-fund --loglevel=error
fi
if [ ${#PIP_PACKAGES[@]} -gt 0 ]; then
  python3 -m pip install --quiet "${PIP_PACKAGES[@]}"
fi

# Rust 1.95 is the project's toolchain (newer crate majors need a newer rustc and are not used).
if ! command -v cargo >/dev/null 2>&1; then
  echo "setup: cargo is not installed. Install Rust 1.95 with rustup (https://rustup.rs), then run this again." >&2
  exit 2
fi
version=$(rustc --version | awk '{print $2}')
IFS=. read -r major minor _ <<<"$version"
if [ "$major" -lt 1 ] || { [ "$major" -eq 1 ] && [ "$minor" -lt 95 ]; }; then
  echo "setup: rustc $version is too old; Praxis needs Rust 1.95 or newer." >&2
  exit 2
fi
