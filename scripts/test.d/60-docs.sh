#!/usr/bin/env bash
# The learning docs stay true:
# - drift: docs/walkthrough.md and docs/compare.md must be byte for byte what
#   scripts/gen-docs makes now from the scripts and the server (on a difference: run
#   scripts/gen-docs, read the diff, commit the docs);
# - links: every link into walkthrough.md or compare.md from docs/*.md names a
#   heading that exists (renumbered steps break them);
# - citations: every test docs/security.md cites exists, by file and exact name
#   (Tests/<dir> citations are skipped, and said so, while that directory is absent).
set -euo pipefail
source "$(dirname "$0")/../lib/common.sh"
cd "$AUTHLAB_ROOT"

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

passed=0
failed=0
result() {
    if [ "$1" -eq 0 ]; then
        passed=$((passed + 1))
    else
        failed=$((failed + 1))
        printf '\nFAIL: %s\n\n' "$2" >&2
    fi
}

# scripts/test has just built the binary (with its own flags): do not rebuild it.
scripts/gen-docs --no-build --out "$out" || die "scripts/gen-docs failed"
for doc in walkthrough compare; do
    status=0
    diff -u "docs/$doc.md" "$out/$doc.md" || status=1
    result "$status" "docs/$doc.md is not what the scripts print now (diff above).
      Run scripts/gen-docs, read the diff, and commit docs/$doc.md."
done

status=0
python3 - <<'EOF' || status=1
import pathlib, re, sys

docs = pathlib.Path("docs")
def slug(heading):
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")
anchors = {}
for target in ("walkthrough.md", "compare.md"):
    text = (docs / target).read_text(encoding="utf-8")
    anchors[target] = {slug(m) for m in re.findall(r"(?m)^#+ (.*)$", text)}
bad = []
for doc in sorted(docs.glob("*.md")):
    for target, anchor in re.findall(r"\]\(((?:walkthrough|compare)\.md)#([^)]+)\)",
                                     doc.read_text(encoding="utf-8")):
        if anchor not in anchors[target]:
            bad.append(f"{doc}: {target}#{anchor}")
for line in bad:
    print("no such heading:", line, file=sys.stderr)
print(f"links: {len(bad)} broken", file=sys.stderr)
sys.exit(1 if bad else 0)
EOF
result "$status" "a link into walkthrough.md or compare.md names no heading (above)"

status=0
python3 - <<'EOF' || status=1
import pathlib, re, sys

text = pathlib.Path("docs/security.md").read_text(encoding="utf-8")
tests = pathlib.Path("Tests")
bad, checked, skipped = [], 0, set()
for target, name in re.findall(r'`(AuthLab\w+Tests/\w+\.swift)`: "([^"]+)"', text):
    path = tests / target
    checked += 1
    if not path.is_file() or f'"{name}"' not in path.read_text(encoding="utf-8"):
        bad.append(f'{target}: "{name}"')
for directory, file, name, cases in re.findall(
        r"`(contract|browser)/(\w+\.py)::(test_\w+)`((?: ?\[[^\]]+\],?)*)", text):
    if not (tests / directory).is_dir():
        skipped.add(directory)
        continue
    path = tests / directory / file
    checked += 1
    source = path.read_text(encoding="utf-8") if path.is_file() else ""
    if f"def {name}(" not in source:
        bad.append(f"{directory}/{file}::{name}")
    for case in re.findall(r"\[([^\]]+)\]", cases):
        if f'"{case}"' not in source:
            bad.append(f"{directory}/{file}::{name} [{case}]")
for line in bad:
    print("cited but not found:", line, file=sys.stderr)
for directory in sorted(skipped):
    print(f"skipped: citations of Tests/{directory} (not in this tree)", file=sys.stderr)
print(f"citations: {checked} checked, {len(bad)} not found", file=sys.stderr)
sys.exit(1 if bad or checked == 0 else 0)
EOF
result "$status" "docs/security.md cites tests that do not exist (above)"

echo "docs: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
