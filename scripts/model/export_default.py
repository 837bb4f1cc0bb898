"""Exports a trained checkpoint as a model folder: config.json, generation_config.json, the tokenizer,
onnx/model.onnx (the standard Hugging Face / transformers.js layout with num_logits_to_keep) and
onnx/model_kv_append.onnx (our append layout), both graphs reading their weights from one shared
onnx/model.onnx_data, so every weight is stored once (tied output matrix included).

    /usr/bin/python3 scripts/model/export_default.py --checkpoint scripts/model/work/run/final.pt \
        --tokenizer scripts/model/work/tokenizer --out models/default
"""

import argparse
import hashlib
import json
import os
import shutil

import onnx
from onnx import external_data_helper
import torch

from export_model import check_append_equivalence, export, greedy
from models import Llama
from train import load_split

ALIGN = 64


def share_weights(onnx_dir, names, data_name="model.onnx_data"):
    """Moves the initializers of the given graphs into one external data file, each distinct tensor once."""
    graphs = [onnx.load(os.path.join(onnx_dir, n)) for n in names]
    placed = {}
    data_path = os.path.join(onnx_dir, data_name)
    with open(data_path, "wb") as data:
        for graph in graphs:
            for tensor in graph.graph.initializer:
                raw = tensor.raw_data
                if len(raw) < 1024:
                    continue
                key = (tensor.data_type, tuple(tensor.dims), hashlib.sha256(raw).hexdigest())
                if key not in placed:
                    offset = data.tell()
                    pad = (-offset) % ALIGN
                    data.write(b"\0" * pad)
                    placed[key] = (offset + pad, len(raw))
                    data.write(raw)
                offset, length = placed[key]
                external_data_helper.set_external_data(tensor, location=data_name, offset=offset, length=length)
                tensor.data_location = onnx.TensorProto.EXTERNAL
                tensor.ClearField("raw_data")
    for graph, name in zip(graphs, names):
        path = os.path.join(onnx_dir, name)
        with open(path, "wb") as f:
            f.write(graph.SerializeToString())
        onnx.checker.check_model(path)
    return os.path.getsize(data_path)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--checkpoint", required=True)
    parser.add_argument("--tokenizer", required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--context", type=int, default=1024,
                        help="max_position_embeddings written to config.json: the longest rows it was trained on (the agents keep prompts under 60%% of it)")
    parser.add_argument("--data", help="folder with heldout.tokens/.index: the reference prompt is a held-out row's prompt")
    parser.add_argument("--recipe", help="JSON file describing how the model was made, copied as recipe.json")
    args = parser.parse_args()

    state = torch.load(args.checkpoint)
    config = dict(state["config"], max_position_embeddings=args.context)
    model = Llama(config, bias=False)
    model.load_state_dict(state["model"])
    model.eval()

    out = args.out
    if os.path.isdir(os.path.join(out, "onnx")):
        shutil.rmtree(os.path.join(out, "onnx"))
    os.makedirs(os.path.join(out, "onnx"), exist_ok=True)
    shutil.copy(os.path.join(args.tokenizer, "tokenizer.json"), os.path.join(out, "tokenizer.json"))
    with open(os.path.join(args.tokenizer, "tokenizer_config.json"), encoding="utf-8") as f:
        tokenizer_config = dict(json.load(f), model_max_length=args.context)
    with open(os.path.join(out, "tokenizer_config.json"), "w", encoding="utf-8") as f:
        json.dump(tokenizer_config, f, ensure_ascii=False, indent=1)
    with open(os.path.join(out, "config.json"), "w") as f:
        json.dump(config, f, indent=1)
    with open(os.path.join(out, "generation_config.json"), "w") as f:
        json.dump({
            "bos_token_id": config["bos_token_id"], "eos_token_id": [config["eos_token_id"], config["bos_token_id"]],
            "do_sample": False, "max_new_tokens": 120,
        }, f, indent=1)
    if args.recipe:
        shutil.copy(args.recipe, os.path.join(out, "recipe.json"))

    candidates = [list(range(5, 45))]
    if args.data:
        held_tokens, held_index = load_split(args.data, "heldout")
        candidates = [held_tokens[int(s):int(s) + int(p)].tolist() for s, p, _ in held_index[:20]]
    check_append_equivalence(model, config, candidates[0][:40])
    export(model, config, os.path.join(out, "onnx", "model.onnx"))
    export(model, config, os.path.join(out, "onnx", "model_kv_append.onnx"), append=True)
    size = share_weights(os.path.join(out, "onnx"), ["model.onnx", "model_kv_append.onnx"])
    # A reference whose greedy choices have clear winners, so float rounding cannot flip one between torch and
    # onnxruntime and the runtime test stays exact.
    for prompt in candidates:
        tokens, _, margin = greedy(model, config, prompt, 24)
        if margin > 1e-3:
            break
    with open(os.path.join(out, "reference.json"), "w") as f:
        json.dump({"prompt_ids": prompt, "greedy_ids": tokens, "min_greedy_margin": margin}, f)
    print(f"exported to {out}: weights {size / 1e6:.1f} MB, reference greedy {tokens}")


if __name__ == "__main__":
    main()
