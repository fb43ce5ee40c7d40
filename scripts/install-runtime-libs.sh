#!/usr/bin/env bash
# Installs what the guide itself needs from Debian to make its PDF downloads (WeasyPrint): Pango,
# HarfBuzz and fontconfig, and Noto fonts for every script the guide is written in (Latin, Arabic,
# Urdu, Gujarati, Gurmukhi). A server that runs the guide needs these too. Skips what is there.
set -euo pipefail
packages=(libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz0b libharfbuzz-subset0 libfontconfig1 fonts-noto-core)
if ! command -v dpkg >/dev/null; then
  echo "Not Debian: for the PDF downloads, install Pango, HarfBuzz, fontconfig and the Noto fonts" \
    "(see https://doc.courtbouillon.org/weasyprint/stable/first_steps.html)." >&2
  exit 0
fi
need=()
for package in "${packages[@]}"; do
  dpkg -s "$package" >/dev/null 2>&1 || need+=("$package")
done
if [ ${#need[@]} -eq 0 ]; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "Please install with your package manager: ${need[*]}" >&2
  exit 1
fi
echo "Installing ${need[*]} ..."
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
