#!/usr/bin/env bash
# Fuzz clean() for N executions (default 200000) with atheris, in its own virtualenv.
#
#   fuzz/run.sh [N] [extra libFuzzer flags...]
#
# FUZZ_PYTHON picks the interpreter (default /work/fuzzvenv/bin/python); it needs atheris and
# this project installed (python -m pip install atheris -e .). atheris is not a project
# dependency. Findings (crash-*, timeout-*) land in fuzz/findings/; the corpus grows in
# fuzz/corpus/ (both gitignored by fuzz/.gitignore). Exit status is libFuzzer's: 0 = no finding.
set -euo pipefail
cd "$(dirname "$0")"
runs="${1:-200000}"
shift || true
python="${FUZZ_PYTHON:-/work/fuzzvenv/bin/python}"
mkdir -p corpus findings seeds

# Seeds: the project's own fixtures and the small hostile cases, each capped at 64 KB.
"$python" - <<'PY'
import sys
from pathlib import Path
sys.path.insert(0, "../tests/fixtures/hostile")
import generate
seeds = Path("seeds")
for i, path in enumerate(sorted(Path("../tests/fixtures").rglob("input.*"))):
    (seeds / f"fixture-{i}").write_bytes(path.read_bytes()[:65536])
for case in generate.cases(large=False):
    data = case.data if isinstance(case.data, bytes) else case.data.encode("utf-8", "surrogatepass")
    if len(data) <= 65536:
        (seeds / f"hostile-{case.name}").write_bytes(data)
PY

exec "$python" fuzz_clean.py corpus seeds \
    -runs="$runs" -timeout=20 -rss_limit_mb=4096 -max_len="${FUZZ_MAX_LEN:-16384}" \
    -artifact_prefix=findings/ -print_final_stats=1 "$@"
