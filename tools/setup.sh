#!/usr/bin/env bash
# Installs what Praxis needs on a fresh Debian machine (apt and pip parts) and checks the Rust
# toolchain. Safe to run again: it only installs what is missing.
set -euo pipefail

# Debian packages needed to build and test. The engine-free core and the command-line tools
# need only a C linker; the 3D runtime will add its packages here.
APT_PACKAGES=(gcc pkg-config)
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
