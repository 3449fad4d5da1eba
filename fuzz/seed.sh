#!/bin/sh
# Seeds the fuzz corpus with every fixture and with every block of the vendored reference as a file
# of its own: small inputs mutate much faster than the whole 390 KB reference.
set -eu
cd "$(dirname "$0")"
mkdir -p corpus/parse
for f in ../tests/fixtures/*/*; do
    cp "$f" "corpus/parse/fixture-$(basename "$(dirname "$f")")-$(basename "$f")"
done
# A block starts at a mutation name directly followed by its `Type:` line; the name line is held
# back one line so it lands in the block it starts.
awk '
    held != "" && held ~ /^[a-z_][A-Za-z0-9_]*$/ && /^Type: / { out = "corpus/parse/block-" held ".txt" }
    held != "" && out != "" { print held > out }
    { held = $0 }
    END { if (out != "") print held > out }
' ../schema/oees/mutations.txt
ls corpus/parse | wc -l

# The operation target gets each block's example operation: the lines between `Mutation` and the
# next `Variables` or `Response`.
mkdir -p corpus/operation
awk '
    /^[a-z_][A-Za-z0-9_]*$/ { name = $0 }
    $0 == "Mutation" { out = "corpus/operation/" name ".graphql"; printf "" > out; next }
    $0 == "Variables" || $0 == "Response" { out = "" }
    out != "" { print > out }
' ../schema/oees/mutations.txt
ls corpus/operation | wc -l
