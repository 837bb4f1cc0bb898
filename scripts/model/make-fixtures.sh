#!/bin/sh
# Regenerates the committed test fixtures of packages/llm (needs Debian's python3-torch and python3-onnx).
# GPT-2 and Llama also get the append-layout export; Qwen2 keeps only the standard layout, so both the
# standard and the append code paths are exercised.
set -eu
cd "$(dirname "$0")/../.."
for family in gpt2 llama; do
  /usr/bin/python3 scripts/model/export_model.py --family "$family" --kv-append --out "packages/llm/fixtures/tiny-$family"
done
/usr/bin/python3 scripts/model/export_model.py --family qwen2 --out packages/llm/fixtures/tiny-qwen2
