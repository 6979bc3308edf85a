#!/usr/bin/env bash
# The project's one test command (see README): installs what the tests need on a fresh Debian machine,
# then builds and runs every test. Extra arguments go to `dotnet test`.
set -euo pipefail
cd "$(dirname "$0")/.."

apt_packages=(chromium tesseract-ocr tesseract-ocr-vie poppler-utils fonts-dejavu-core)
# Debian packages the tests need: chromium for the Playwright end-to-end tests of the dashboard; Tesseract with its
# Vietnamese model and poppler (pdftoppm, pdfinfo) for scanned PDFs and images; DejaVu for the PDFs tests draw.
missing=()
for package in "${apt_packages[@]}"; do
  dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
if [ "${#missing[@]}" -gt 0 ]; then
  sudo_cmd=""; [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${missing[@]}"
fi

dotnet restore BhytAnalytics.sln
dotnet build BhytAnalytics.sln --no-restore -c Release
dotnet test --solution BhytAnalytics.sln --no-build -c Release "$@"
