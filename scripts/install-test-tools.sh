#!/usr/bin/env bash
# Installs what the browser and HTML tests need from Debian: Chromium, a Java runtime for the
# HTML checker, Noto fonts so screenshots show every script, and what the PDF tests use. Skips what
# is already there.
set -euo pipefail
need=()
command -v chromium >/dev/null || need+=(chromium)
command -v java >/dev/null || need+=(default-jre-headless)
dpkg -s fonts-noto-core >/dev/null 2>&1 || need+=(fonts-noto-core)
# WeasyPrint's libraries for the PDF downloads (also installed by scripts/install-runtime-libs.sh,
# as the guide needs them to run) and poppler-utils, whose pdftotext measures where printed lines end
for package in libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz0b libharfbuzz-subset0 libfontconfig1; do
  dpkg -s "$package" >/dev/null 2>&1 || need+=("$package")
done
command -v pdftotext >/dev/null || need+=(poppler-utils)
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
