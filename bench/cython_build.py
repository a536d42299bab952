"""Build a Cython-compiled copy of newsclean's modules, for measuring (issue #15).

Copies ``src/newsclean`` to ``OUT/newsclean`` and compiles the modules named (paths relative to
the package, globs allowed) with Cython 3 in place, beside their ``.py`` files; an extension
module is imported before a ``.py`` of the same name, so ``PYTHONPATH=OUT`` runs the compiled
ones and the pure-Python rest. The sources are not changed. Needs ``cython`` and a C compiler
in the Python that runs it (the compiled modules are for that Python's version only).

    python bench/cython_build.py OUT [--modules 'blocks/html.py' 'rules/*.py' ...] [--jobs 2]

``--modules hot`` (the default) compiles every module on the way through ``clean()`` but the
phrase packs (data) and ``errors.py`` (exceptions); ``--modules all`` adds the rest.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

SRC = Path(__file__).resolve().parent.parent / "src" / "newsclean"

# every module clean() imports (sys.modules after one page), but the phrase packs (data: a
# compiled module of string tuples is no faster) and errors.py (exception classes)
HOT = [
    "api.py", "charsets.py", "config.py", "decode.py", "detect.py", "document.py",
    "field_sources.py", "lazyre.py", "marks.py", "mojibake.py", "patterncache.py",
    "phrase_table.py", "prefilter.py", "prefilter_shapes.py", "records.py", "sniff.py",
    "structure.py", "values.py", "blocks/*.py", "meta/*.py", "rules/*.py", "userrules/*.py",
]


def module_paths(root: Path, patterns: list[str]) -> list[Path]:
    if patterns == ["hot"]:
        patterns = HOT
    elif patterns == ["all"]:
        patterns = ["*.py", "*/*.py"]
    found: list[Path] = []
    for pattern in patterns:
        for path in sorted(root.glob(pattern)):
            if path.name in ("__init__.py", "__main__.py") or path in found:
                continue
            found.append(path)
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--modules", nargs="+", default=["hot"])
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--annotate", action="store_true", help="write Cython's HTML annotation")
    parser.add_argument("--directives", help="Cython compiler directives, NAME=VALUE,...")
    parser.add_argument("--reuse", type=Path, help="copy the builds from this earlier OUT")
    args = parser.parse_args()
    target = args.out / "newsclean"
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(SRC, target, ignore=shutil.ignore_patterns("__pycache__", "*.so", "*.c"))
    paths = module_paths(target, args.modules)
    if not paths:
        print("no module matches", args.modules, file=sys.stderr)
        return 2
    if args.reuse is not None:
        for path in paths:
            relative = path.parent.relative_to(args.out)
            for built in (args.reuse / relative).glob(path.stem + ".*.so"):
                shutil.copy2(built, path.parent)
        return 0
    command = [sys.executable, "-m", "Cython.Build.Cythonize", "-i", "-3", "-j", str(args.jobs)]
    if args.annotate:
        command.append("-a")
    if args.directives:
        command += ["-X", args.directives]
    command += [str(p) for p in paths]
    print(f"compiling {len(paths)} modules into {target}", file=sys.stderr)
    done = subprocess.run(command, cwd=args.out)
    for path in paths:
        if not list(path.parent.glob(path.stem + ".*.so")):
            print("not built:", path.relative_to(args.out), file=sys.stderr)
    return done.returncode


if __name__ == "__main__":
    raise SystemExit(main())
