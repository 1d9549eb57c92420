#!/usr/bin/env bash
# biolint beside the tools users already run on their manuscripts, on the same inputs, on this
# machine, in one run: `bash benches/peers.sh`. Installs the peers into target/peers the first
# time (typos from PyPI, typos-lsp and harper-ls from crates.io, cspell from npm, ripgrep from
# Debian) and writes the inputs there:
#   - the 2,124 abstracts of ../shared/corpora/*.PubTator, one file each (3.3 MB);
#   - benches/chapter.md (120 KB);
#   - one ~50 MB text made of the corpora's abstracts repeated (biolint: --max-file-size 64).
# Prints, for each input and tool, the median wall time of repeated runs (hyperfine), the peak
# RSS (/usr/bin/time) and the ratio to biolint, with each command, as Markdown; then the
# language servers' keystroke → diagnostics latency on the chapter (benches/lsp.rs drives each).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
peers=$root/target/peers
mkdir -p "$peers/inputs"
TYPOS=1.52.0 TYPOS_LSP=0.1.57 HARPER=3.0.0 CSPELL=9.8.0

echo "== installing what is missing" >&2
missing=()
command -v hyperfine >/dev/null || missing+=(hyperfine)
command -v rg >/dev/null || missing+=(ripgrep)
[ -x /usr/bin/time ] || missing+=(time)
if ((${#missing[@]})); then
    apt-get update -qq && apt-get install -y -qq "${missing[@]}" >/dev/null
fi
[ -x "$peers/venv/bin/typos" ] || { python3 -m venv "$peers/venv" && "$peers/venv/bin/pip" install -q "typos==$TYPOS"; }
[ -x "$peers/cargo/bin/typos-lsp" ] || cargo install -q --locked --root "$peers/cargo" "typos-lsp@$TYPOS_LSP"
# harper-ls builds some twenty tree-sitter grammars in C (for code comments; Markdown is read by
# harper's own parser). Optimised, one of them alone compiled for over 40 minutes on this
# 2-core machine; built with -O0 the whole install takes about 40. PEERS_WITHOUT_HARPER=1
# leaves it out.
if [ "${PEERS_WITHOUT_HARPER:-0}" != 1 ] && [ ! -x "$peers/cargo/bin/harper-ls" ]; then
    CFLAGS=-O0 CXXFLAGS=-O0 cargo install -q --locked --root "$peers/cargo" "harper-ls@$HARPER" ||
        echo "harper-ls $HARPER could not be installed: the run goes on without it" >&2
fi
[ -x "$peers/npm/node_modules/.bin/cspell" ] || { mkdir -p "$peers/npm" && (cd "$peers/npm" && npm install -q --no-audit --no-fund "cspell@$CSPELL" >/dev/null); }
cargo build -q --release
biolint=$root/target/release/biolint
typos=$peers/venv/bin/typos
cspell=$peers/npm/node_modules/.bin/cspell

echo "== inputs" >&2
python3 - "$root/../shared/corpora" "$peers/inputs" <<'PY'
import glob, os, sys
corpora, out = sys.argv[1], sys.argv[2]
folder = os.path.join(out, "abstracts")
os.makedirs(folder, exist_ok=True)
texts = []
for path in sorted(glob.glob(os.path.join(corpora, "*.PubTator"))):
    corpus = os.path.basename(path).split("_")[0]
    documents = {}
    for line in open(path, encoding="utf-8"):
        parts = line.rstrip("\n").split("|", 2)
        if len(parts) == 3 and parts[1] in ("t", "a"):
            documents.setdefault(parts[0], []).append(parts[2])
    for pmid, lines in documents.items():
        text = "\n".join(lines) + "\n"
        texts.append(text)
        with open(os.path.join(folder, f"{corpus}-{pmid}.txt"), "w", encoding="utf-8") as f:
            f.write(text)
corpus = "\n".join(texts)
with open(os.path.join(out, "50mb.txt"), "w", encoding="utf-8") as f:
    written = 0
    while written < 50_000_000:
        f.write(corpus)
        written += len(corpus.encode())
print(f"{len(texts)} abstracts; 50mb.txt {written / 1e6:.1f} MB", file=sys.stderr)
PY
cp benches/chapter.md "$peers/inputs/chapter.md"
# The dictionaries' terms, for ripgrep: HGNC symbols, aliases and previous symbols, and MeSH
# names and entry terms (longer than two characters; a fixed string each).
python3 - "$root/dictionaries" "$peers/terms.txt" <<'PY'
import sys
folder, out = sys.argv[1], sys.argv[2]
terms = set()
for line in open(f"{folder}/hgnc_genes.tsv", encoding="utf-8").readlines()[1:]:
    f = line.rstrip("\n").split("\t")
    terms.add(f[1]); terms.update(t for t in f[6].split("|") + f[7].split("|") if t)
for name in ("mesh_descriptors.tsv", "mesh_supplementary.tsv"):
    for line in open(f"{folder}/{name}", encoding="utf-8").readlines()[1:]:
        f = line.rstrip("\n").split("\t")
        terms.add(f[2]); terms.update(t for t in f[-1].split("|") if t)
terms = sorted(t for t in terms if len(t) > 2)
open(out, "w", encoding="utf-8").write("\n".join(terms) + "\n")
print(f"{len(terms)} terms for ripgrep", file=sys.stderr)
PY

# median wall seconds and peak RSS (MB) of a command (run in the inputs folder).
measure() {
    local runs=$1; shift
    (cd "$peers/inputs" && hyperfine -N -i -w 1 -r "$runs" --export-json "$peers/h.json" -- "$*" >/dev/null 2>&1)
    local median
    median=$(python3 -c "import json; print(json.load(open('$peers/h.json'))['results'][0]['median'])")
    local rss
    # (A finding makes biolint exit 1: not an error here.)
    rss=$(cd "$peers/inputs" && { /usr/bin/time -f %M bash -c "$* >/dev/null 2>&1" || true; } 2>&1 | tail -1)
    echo "$median $rss"
}

row() { # input tool runs command...
    local input=$1 tool=$2 runs=$3; shift 3
    read -r median rss < <(measure "$runs" "$@")
    echo "$input|$tool|$median|$rss|$*" >>"$peers/rows"
}

echo "== timing" >&2
: >"$peers/rows"
row abstracts biolint 10 "$biolint check abstracts"
row abstracts typos 10 "$typos abstracts"
row abstracts cspell 3 "$cspell --no-progress --no-summary abstracts/**"
row abstracts "ripgrep -F" 3 "rg -F -c -f $peers/terms.txt abstracts"
row chapter biolint 20 "$biolint check chapter.md"
row chapter typos 20 "$typos chapter.md"
row chapter cspell 3 "$cspell --no-progress --no-summary chapter.md"
row "50 MB" biolint 3 "$biolint check --max-file-size 64 --quiet 50mb.txt"
row "50 MB" typos 3 "$typos 50mb.txt"
row "50 MB" "ripgrep -F" 1 "rg -F -c -f $peers/terms.txt 50mb.txt"

python3 - "$peers/rows" <<'PY'
import sys
rows = [line.rstrip("\n").split("|", 4) for line in open(sys.argv[1])]
base = {r[0]: float(r[2]) for r in rows if r[1] == "biolint"}
print("| input | tool | median | peak RSS | × biolint's time | command |")
print("|---|---|---|---|---|---|")
for input_, tool, median, rss, command in rows:
    m = float(median)
    shown = f"{m * 1000:.0f} ms" if m < 10 else f"{m:.1f} s"
    command = command.replace(sys.argv[1].rsplit("/", 1)[0], "target/peers")
    print(f"| {input_} | {tool} | {shown} | {int(rss) / 1024:.0f} MB | {m / base[input_]:.1f} | `{command}` |")
PY

echo "== language servers: keystroke → diagnostics on the chapter" >&2
servers=("" "$peers/cargo/bin/typos-lsp")
[ -x "$peers/cargo/bin/harper-ls" ] && servers+=("$peers/cargo/bin/harper-ls --stdio")
for server in "${servers[@]}"; do
    echo "-- ${server:-biolint lsp}"
    if [ -n "$server" ]; then export LSP_SERVER_CMD="$server"; else unset LSP_SERVER_CMD; fi
    # harper-ls takes about half a second a keystroke: fewer of them.
    keystrokes=200
    [[ "$server" == *harper* ]] && keystrokes=30
    cargo bench -q --bench lsp -- "$keystrokes" 2>/dev/null | grep -E "initialize|first diagnostics|keystroke" || true
done
