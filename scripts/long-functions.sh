#!/usr/bin/env bash
# The functions of src/ longer than a limit (80 lines unless given), longest first, and how many there
# are: `bash scripts/long-functions.sh [LIMIT]`. A function runs from its `fn` line to the `}` at the
# same indentation (rustfmt's layout), both counted; tests and functions inside macros count too.
set -euo pipefail
cd "$(dirname "$0")/.."
limit=${1:-80}
list=$(mktemp)
trap 'rm -f "$list"' EXIT

find src -name '*.rs' | sort | xargs awk -v limit="$limit" '
    FNR == 1 { depth = 0 }
    # A function with a body: `fn` after optional qualifiers, and no `;` ending its declaration line.
    match($0, /^[ \t]*((pub(\([a-z:]+\))?|const|async|unsafe|extern "C") +)*fn [A-Za-z0-9_]+/) {
        head = substr($0, RSTART, RLENGTH)
        indent = head
        sub(/[^ \t].*$/, "", indent)
        name = head
        sub(/^.*fn /, "", name)
        if ($0 ~ /;[ \t]*$/ || $0 ~ /\{.*\}[ \t]*$/) next
        # One still open at this indentation or deeper was a declaration without a body (its `;` on a
        # later line): a function cannot hold another at its own indentation.
        while (depth > 0 && length(open_indent[depth]) >= length(indent)) depth--
        depth++
        open_indent[depth] = indent
        open_name[depth] = name
        open_line[depth] = FNR
        next
    }
    depth > 0 && $0 == open_indent[depth] "}" {
        lines = FNR - open_line[depth] + 1
        if (lines > limit) printf "%5d %s:%d %s\n", lines, FILENAME, open_line[depth], open_name[depth]
        depth--
    }
' | sort -rn >"$list"
cat "$list"
echo "functions over $limit lines: $(wc -l <"$list")"
