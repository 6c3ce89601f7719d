#!/usr/bin/env bash
# Installs the outside programs the test suite talks to, into the python3 that runs them:
# aiosmtpd (a real SMTP server for the mail tests) and openpyxl (reads back the .xlsx files the
# platform writes). CI runs this before the suites and then sets LCC_REQUIRE_SMTP=1 and
# LCC_REQUIRE_OPENPYXL=1, so those tests fail instead of skipping if a tool is missing.
set -euo pipefail
missing=()
python3 -c "import aiosmtpd" 2>/dev/null || missing+=(aiosmtpd)
python3 -c "import openpyxl" 2>/dev/null || missing+=(openpyxl)
command -v openssl >/dev/null 2>&1 || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq openssl >/dev/null; }
if ((${#missing[@]} > 0)); then
    echo "install-test-tools: pip install ${missing[*]}" >&2
    flags=(-q --disable-pip-version-check)
    if [[ "$(id -u)" -eq 0 ]]; then flags+=(--root-user-action=ignore); fi
    python3 -m pip install "${flags[@]}" "${missing[@]}"
fi
python3 -c "import aiosmtpd, openpyxl; print('install-test-tools: aiosmtpd', aiosmtpd.__version__, '· openpyxl', openpyxl.__version__)"
