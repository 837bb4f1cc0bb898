#!/usr/bin/env bash
# Builds the embedded default model from nothing, the way models/default was made (its recipe.json records the
# values used). Needs Debian's python3-torch, python3-onnx and libopenblas0-pthread (see scripts/model/README.md).
# Resumable: rerun with RESUME=1 after an interruption; finished steps (corpus, tokenizer) are kept.
#
#   bash scripts/model/build-default.sh            # ≈ 70 minutes on two cores
#   STEPS=60 MYSTERIES=200 OUT=/tmp/m WORK=/tmp/w bash scripts/model/build-default.sh   # a smoke build
set -euo pipefail
cd "$(dirname "$0")/../.."

WORK=${WORK:-scripts/model/work}
OUT=${OUT:-models/default}
SEED=${SEED:-1}
TRAIN_SEED=${TRAIN_SEED:-8}
MYSTERIES=${MYSTERIES:-6000}
TURNS=${TURNS:-8}
HELDOUT_MYSTERIES=${HELDOUT_MYSTERIES:-150}
VOCAB=${VOCAB:-8000}
# One run from scratch, the copying circuit built in at initialization (train.py, induction_init: trained from a
# random start, the model never found it), on the corpus (whose training mysteries mostly have invented names
# and places, so names can only be predicted by copying them) with COPY_FRACTION of the steps on synthetic
# copying batches (random tokens).
STEPS=${STEPS:-2400}
COPY_FRACTION=${COPY_FRACTION:-0.15}
# The second pair of built-in heads (train.py, induction_init): a match on the token two back as well, so a copy
# does not loop where a token repeats inside a span ("Bai Jingting (Uncle Jing)").
BIGRAM_GAIN=${BIGRAM_GAIN:-1.5}
TOKEN_BUDGET=${TOKEN_BUDGET:-5000}
LR=${LR:-3e-3}
WARMUP=${WARMUP:-100}
# A second stage starts from a first stage's weights (fresh optimizer and schedule): INIT_FROM=<final.pt>, with
# the first stage's tokenizer copied into $WORK/tokenizer (a new one would give the weights other ids).
INIT_FROM=${INIT_FROM:-}
PY=${PY:-/usr/bin/python3}

# The commit whose corpus generator made the data (the recipe records it): the generator must be committed.
if [ -n "$(git status --porcelain scripts/model)" ]; then echo "commit scripts/model first: the recipe names the commit" >&2; exit 1; fi
COMMIT=${COMMIT:-$(git rev-parse HEAD)}
mkdir -p "$WORK/corpus" "$WORK/data" "$WORK/tokenizer" "$WORK/run"
if [ ! -s "$WORK/corpus/train.jsonl" ]; then
  npx tsx scripts/model/corpus/generate.ts --split train --mysteries "$MYSTERIES" --turns-per-mystery "$TURNS" \
    --seed "$SEED" --out "$WORK/corpus/train.jsonl"
  npx tsx scripts/model/corpus/generate.ts --split heldout --mysteries "$HELDOUT_MYSTERIES" --turns-per-mystery "$TURNS" \
    --seed "$SEED" --out "$WORK/corpus/heldout.jsonl"
fi
if [ ! -s "$WORK/tokenizer/tokenizer.json" ]; then
  # The corpus only: no story of the repo (bundled or evaluation) is in the model's data, tokenizer included.
  "$PY" scripts/model/train_tokenizer.py --corpus "$WORK/corpus/train.jsonl" --vocab-size "$VOCAB" \
    --out "$WORK/tokenizer"
fi
if [ ! -s "$WORK/data/train.tokens" ]; then
  npx tsx scripts/model/tokenize_corpus.ts --tokenizer "$WORK/tokenizer" --in "$WORK/corpus/train.jsonl" --out "$WORK/data/train"
  npx tsx scripts/model/tokenize_corpus.ts --tokenizer "$WORK/tokenizer" --in "$WORK/corpus/heldout.jsonl" --out "$WORK/data/heldout"
fi
"$PY" scripts/model/train.py --data "$WORK/data" --tokenizer "$WORK/tokenizer" --out "$WORK/run" --steps "$STEPS" \
  --token-budget "$TOKEN_BUDGET" --lr "$LR" --warmup "$WARMUP" ${INIT_FROM:+--init-from "$INIT_FROM"} --seed "$TRAIN_SEED" --copy-fraction "$COPY_FRACTION" \
  --induction-init --bigram-gain "$BIGRAM_GAIN" --probe-rows "$WORK/corpus/heldout.jsonl" --eval-every 300 ${STOP_AFTER:+--stop-after "$STOP_AFTER"} ${RESUME:+--resume}
cat > "$WORK/recipe.json" <<JSON
{
  "built_by": "scripts/model/build-default.sh",
  "commit": "$COMMIT",
  "corpus": { "seed": $SEED, "mysteries": $MYSTERIES, "turns_per_mystery": $TURNS, "heldout_mysteries": $HELDOUT_MYSTERIES },
  "tokenizer": { "vocab_size": $VOCAB },
  "training": [
    { "seed": $TRAIN_SEED, "steps": $STEPS, "induction_init": true, "bigram_gain": $BIGRAM_GAIN, "copy_fraction": $COPY_FRACTION, "token_budget": $TOKEN_BUDGET, "lr": $LR, "warmup": $WARMUP, "init_from": "${INIT_FROM}", "threads": 2 }
  ],
  "torch": "$("$PY" -c 'import torch; print(torch.__version__)')"
}
JSON
"$PY" scripts/model/export_default.py --checkpoint "$WORK/run/final.pt" --tokenizer "$WORK/tokenizer" --out "$OUT" \
  --recipe "$WORK/recipe.json" --data "$WORK/data"
echo "model written to $OUT; evaluate with: npx tsx scripts/model/evaluate.ts --model $OUT --heldout $WORK/corpus/heldout.jsonl"
