#!/usr/bin/env bash
# Real-browser check of the built app (scripts/browser_check.py): installs what it needs, then runs it.
#
#   scripts/browser-check.sh                       # uses .build/debug/lcc
#   LCC_BIN=.build/release/lcc scripts/browser-check.sh
#
# Why it installs: CI runs on a fresh machine, and nothing installed by hand survives a change of
# machine; the project's own files must bring Debian's chromium + chromium-driver (a matching pair,
# no download at run time), CJK fonts (else 贵阳 renders as boxes in the screenshots) and selenium.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v chromedriver >/dev/null 2>&1 || missing+=(chromium-driver)
dpkg -s fonts-noto-cjk >/dev/null 2>&1 || missing+=(fonts-noto-cjk)
if ((${#missing[@]} > 0)); then
    if [[ "$(id -u)" -ne 0 ]]; then
        echo "browser-check: missing ${missing[*]}; install them with apt-get (as root)" >&2
        exit 1
    fi
    echo "browser-check: installing ${missing[*]} with apt-get" >&2
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# The same interpreter that runs the check must have selenium and axe-core (axe-selenium-python
# bundles it: the accessibility step runs it offline), hence python3 -m pip.
packages=()
python3 -c 'import selenium' >/dev/null 2>&1 || packages+=(selenium)
python3 -c 'import axe_selenium_python' >/dev/null 2>&1 || packages+=(axe-selenium-python)
if ((${#packages[@]} > 0)); then
    echo "browser-check: installing ${packages[*]} with pip" >&2
    pip_flags=(-q --disable-pip-version-check)
    if [[ "$(id -u)" -eq 0 ]]; then
        pip_flags+=(--root-user-action=ignore)
    fi
    python3 -m pip install "${pip_flags[@]}" "${packages[@]}"
fi

# Selenium Manager would try to download a driver; the script names /usr/bin/chromedriver, and this
# also tells Selenium not to go online for anything.
export SE_OFFLINE=true

exec python3 scripts/browser_check.py "$@"
