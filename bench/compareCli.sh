#!/bin/bash
# Runs two built command lines (dist/cli/plan-progress.js of an older and a newer checkout) over the same
# files and compares their standard output byte for byte and their exit codes: the check that a change
# for speed changes no finding. Usage (from the repository's root):
#   bench/compareCli.sh OLD/dist/cli/plan-progress.js dist/cli/plan-progress.js [LARGE.xlsx [NEXT.xlsx]]
# LARGE.xlsx (a generated 50,000-row workbook, say) is checked as well, and compared with NEXT.xlsx.
# IGNORE: an extended regular expression of lines left out of the newer output (a key added on purpose
# since the older checkout, say).
# Exits 1 when an output differs.
set -u
OLD=$1
NEW=$2
shift 2
ROOT=$(cd "$(dirname "$0")/.." && pwd)
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
IGNORE=${IGNORE:-'^$.^'}
failed=0
count=0
pair() {
  count=$((count + 1))
  node "$OLD" "$@" >"$TMP/old" 2>/dev/null
  local old=$?
  node "$NEW" "$@" 2>/dev/null | grep -v -E "$IGNORE" >"$TMP/new"
  local new=${PIPESTATUS[0]}
  if [ "$old" -ne "$new" ] || ! cmp -s "$TMP/old" "$TMP/new"; then
    echo "DIFFERENT (exit $old / $new): $*"
    failed=1
  fi
}
FILES=$(ls "$ROOT"/seeds/*.xlsx "$ROOT"/tests/fixtures/producers/*.xlsx "$ROOT"/tests/support/formulas/*.xlsx)
for f in $FILES; do
  pair check --json "$f"
  pair check "$f"
done
# shellcheck disable=SC2086 # the list of files is meant to split
pair check --json $FILES
# shellcheck disable=SC2086
pair check --json --lang en "$ROOT"/seeds/*.xlsx
# shellcheck disable=SC2086
pair check --all-sheets --json "$ROOT"/seeds/*.xlsx
pair diff --json "$ROOT/seeds/kodaira-r2.xlsx" "$ROOT/seeds/kodaira-r3.xlsx"
pair diff "$ROOT/seeds/kodaira-r2.xlsx" "$ROOT/seeds/kodaira-r3.xlsx"
if [ $# -ge 1 ]; then
  pair check --json "$1"
  pair check "$1"
  if [ $# -ge 2 ]; then pair diff --json "$1" "$2"; fi
fi
echo "$count runs compared: $([ $failed -eq 0 ] && echo "all the same" || echo "some differ")"
exit $failed
