#!/usr/bin/env bash
# Assembles the reliability table of docs/reliability.md from the rows the fault and abuse tests wrote
# (target/reliability/*.md in each module, one Markdown table row per scenario, rewritten by every run).
#
#   ./mvnw -B verify                      run the suite (unit tests and the *IT against the real Asterisk)
#   scripts/reliability-report.sh         print the table
#   scripts/reliability-report.sh --write replace the table between the markers in docs/reliability.md
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
DOC="$REPO_ROOT/docs/reliability.md"

shopt -s nullglob
rows=("$REPO_ROOT"/*/target/reliability/*.md)
if [ ${#rows[@]} -eq 0 ]; then
    echo "No rows in */target/reliability: run ./mvnw -B verify first" >&2
    exit 1
fi

table="$(
    echo "| Scenario | Load held | Faults injected / inputs tried | Survived | Lost |"
    echo "|---|---|---|---|---|"
    cat "${rows[@]}" | sort
)"

if [ "${1:-}" = "--write" ]; then
    TABLE="$table" python3 - "$DOC" <<'PY'
import os, re, sys
path = sys.argv[1]
text = open(path, encoding="utf-8").read()
start, end = "<!-- reliability-table:start -->", "<!-- reliability-table:end -->"
before, rest = text.split(start, 1)
_, after = rest.split(end, 1)
open(path, "w", encoding="utf-8").write(before + start + "\n" + os.environ["TABLE"] + "\n" + end + after)
PY
    echo "Wrote the table of ${#rows[@]} scenarios to $DOC"
else
    echo "$table"
fi
