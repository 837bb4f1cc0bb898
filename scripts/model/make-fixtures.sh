#!/bin/sh
# Regenerates the committed test fixtures of packages/llm (needs Debian's python3-torch and python3-onnx).
set -eu
cd "$(dirname "$0")/../.."
for family in gpt2 llama qwen2; do
  /usr/bin/python3 scripts/model/export_model.py --family "$family" --out "packages/llm/fixtures/tiny-$family"
done
