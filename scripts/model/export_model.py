"""Exports a seeded random-weight causal LM in the Hugging Face / transformers.js ONNX layout, plus torch's
reference greedy continuation.

    /usr/bin/python3 scripts/model/export_model.py --family qwen2 --out packages/llm/fixtures/tiny-qwen2

Writes config.json, generation_config.json, tokenizer.json, tokenizer_config.json, onnx/model.onnx and
reference.json (prompt ids, torch greedy ids, last-position prompt logits).
"""

import argparse
import json
import os

import numpy as np
import onnx
from onnx import helper, numpy_helper
import torch

from bpe_trainer import SPECIAL_TOKENS, tokenizer_config, tokenizer_json
from models import Gpt2, Llama, init_weights

SHAPES = {
    "tiny": dict(hidden=64, layers=2, heads=4, kv_heads=2, intermediate=128, positions=128),
    "gpt2-small": dict(hidden=768, layers=12, heads=12, kv_heads=12, intermediate=3072, positions=2048),
}


def model_config(family, shape, vocab_size, special):
    s = SHAPES[shape]
    eos, bos = special["<|im_end|>"], special["<|endoftext|>"]
    if family == "gpt2":
        return {
            "model_type": "gpt2", "architectures": ["GPT2LMHeadModel"], "vocab_size": vocab_size,
            "n_positions": s["positions"], "n_ctx": s["positions"], "n_embd": s["hidden"], "n_layer": s["layers"],
            "n_head": s["heads"], "n_inner": None, "activation_function": "gelu_new", "layer_norm_epsilon": 1e-5,
            "bos_token_id": bos, "eos_token_id": eos, "tie_word_embeddings": True, "use_cache": True,
        }
    return {
        "model_type": family, "architectures": ["LlamaForCausalLM" if family == "llama" else "Qwen2ForCausalLM"],
        "vocab_size": vocab_size, "hidden_size": s["hidden"], "intermediate_size": s["intermediate"],
        "num_hidden_layers": s["layers"], "num_attention_heads": s["heads"], "num_key_value_heads": s["kv_heads"],
        "head_dim": s["hidden"] // s["heads"], "max_position_embeddings": s["positions"], "rms_norm_eps": 1e-6,
        "rope_theta": 10000.0, "hidden_act": "silu", "bos_token_id": bos, "eos_token_id": eos,
        # Llama fixtures keep a separate output matrix, Qwen2 ties it: both paths get tested.
        "tie_word_embeddings": family == "qwen2", "use_cache": True,
    }


def kv_shape(config):
    if config["model_type"] == "gpt2":
        return config["n_head"], config["n_embd"] // config["n_head"], config["n_layer"]
    return config["num_key_value_heads"], config["head_dim"], config["num_hidden_layers"]


def build(family, config, seed):
    model = Gpt2(config) if family == "gpt2" else Llama(config, bias=family == "qwen2")
    init_weights(model, seed)
    return model.eval()


class Wrapper(torch.nn.Module):
    def __init__(self, model):
        super().__init__()
        self.model = model

    def forward(self, input_ids, attention_mask, position_ids, num_logits_to_keep, *past):
        logits, present = self.model(input_ids, attention_mask, position_ids, list(past), num_logits_to_keep)
        return (logits, *present)


def empty_past(config, batch=1, length=0):
    heads, hd, layers = kv_shape(config)
    return [torch.zeros(batch, heads, length, hd) for _ in range(2 * layers)]


def run(model, config, ids, past):
    past_len = past[0].shape[2]
    ids_t = torch.tensor([ids], dtype=torch.int64)
    mask = torch.ones(1, past_len + len(ids), dtype=torch.int64)
    pos = torch.arange(past_len, past_len + len(ids)).unsqueeze(0)
    with torch.no_grad():
        return model(ids_t, mask, pos, past, torch.tensor(1, dtype=torch.int64))


def greedy(model, config, prompt, steps):
    """Greedy tokens with the KV cache, checked against a full recompute at every step."""
    logits, past = run(model, config, prompt, empty_past(config))
    first_logits = logits[0, -1].tolist()
    out, margins = [], []
    for _ in range(steps):
        top = torch.topk(logits[0, -1], 2)
        margins.append(float(top.values[0] - top.values[1]))
        token = int(top.indices[0])
        out.append(token)
        logits, past = run(model, config, [token], past)
        full, _ = run(model, config, prompt + out, empty_past(config))
        assert torch.allclose(full[0, -1], logits[0, -1], atol=1e-4), "cached step differs from recompute"
    return out, first_logits, min(margins)


def export(model, config, path, append=False):
    """The standard layout (past/present [batch, kv_heads, seq, head_dim], present = past + new), or with
    `append` ours (see models.attend_appending): past sequence-major [batch, past, kv_heads, head_dim] and outputs
    present_new.N.* holding only the new positions."""
    heads, hd, layers = kv_shape(config)
    names_past = [f"past_key_values.{i}.{kind}" for i in range(layers) for kind in ("key", "value")]
    out_name = "present_new" if append else "present"
    names_out = [f"{out_name}.{i}.{kind}" for i in range(layers) for kind in ("key", "value")]
    past = [torch.zeros(1, 3, heads, hd) for _ in range(2 * layers)] if append else empty_past(config, batch=1, length=3)
    args = (
        torch.tensor([[1, 2]], dtype=torch.int64), torch.ones(1, 5, dtype=torch.int64),
        torch.tensor([[3, 4]], dtype=torch.int64), torch.tensor(1, dtype=torch.int64), *past,
    )
    dynamic = {
        "input_ids": {0: "batch_size", 1: "sequence_length"},
        "attention_mask": {0: "batch_size", 1: "total_sequence_length"},
        "position_ids": {0: "batch_size", 1: "sequence_length"},
        "logits": {0: "batch_size", 1: "sequence_length"},
    }
    seq_axis = 1 if append else 2
    for name in names_past:
        dynamic[name] = {0: "batch_size", seq_axis: "past_sequence_length"}
    for name in names_out:
        dynamic[name] = {0: "batch_size", seq_axis: "sequence_length" if append else "total_sequence_length"}
    os.makedirs(os.path.dirname(path), exist_ok=True)
    model.append = append
    try:
        torch.onnx.export(
            Wrapper(model), args, path, opset_version=17, do_constant_folding=True,
            input_names=["input_ids", "attention_mask", "position_ids", "num_logits_to_keep", *names_past],
            output_names=["logits", *names_out], dynamic_axes=dynamic,
        )
    finally:
        model.append = False
    store_tied_once(path)


def check_append_equivalence(model, config, prompt, steps=4):
    """Prefill and a few decode steps in the append layout give the standard layout's logits."""
    heads, hd, layers = kv_shape(config)
    logits_std, past_std = run(model, config, prompt, empty_past(config))
    model.append = True
    try:
        seq_major = [torch.zeros(1, 0, heads, hd) for _ in range(2 * layers)]
        tokens = list(prompt)
        ids = list(prompt)
        for _ in range(steps):
            past_len = seq_major[0].shape[1]
            with torch.no_grad():
                logits, new = model(
                    torch.tensor([ids]), torch.ones(1, past_len + len(ids), dtype=torch.int64),
                    torch.arange(past_len, past_len + len(ids)).unsqueeze(0), seq_major, torch.tensor(1),
                )
            seq_major = [torch.cat([p, n], dim=1) for p, n in zip(seq_major, new)]
            model.append = False
            reference, _ = run(model, config, tokens, empty_past(config))
            model.append = True
            assert torch.allclose(reference[0, -1], logits[0, -1], atol=1e-4), "append layout differs"
            ids = [int(torch.argmax(logits[0, -1]))]
            tokens.append(ids[0])
    finally:
        model.append = False


def store_tied_once(path):
    """Constant folding turns the tied output matrix into a transposed copy of the embedding. Point that MatMul
    back at the embedding (Gemm with transB=1; its input is already 2-D) so the matrix is stored once."""
    model = onnx.load(path)
    graph = model.graph
    inits = {i.name: i for i in graph.initializer}
    gathers = [n.input[0] for n in graph.node if n.op_type == "Gather" and n.input[0] in inits]
    for embed_name in gathers:
        embed = numpy_helper.to_array(inits[embed_name])
        for node in list(graph.node):
            if node.op_type != "MatMul" or node.input[1] not in inits:
                continue
            weight = numpy_helper.to_array(inits[node.input[1]])
            if weight.shape != embed.shape[::-1] or not np.array_equal(weight, embed.T):
                continue
            gemm = helper.make_node("Gemm", [node.input[0], embed_name], list(node.output), name=node.name + "_tied", transB=1)
            index = list(graph.node).index(node)
            graph.node.remove(node)
            graph.node.insert(index, gemm)
            graph.initializer.remove(inits.pop(node.input[1]))
    onnx.checker.check_model(model)
    onnx.save(model, path)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--family", choices=["gpt2", "llama", "qwen2"], required=True)
    parser.add_argument("--shape", choices=sorted(SHAPES), default="tiny")
    parser.add_argument("--out", required=True)
    parser.add_argument("--seed", type=int, default=1234)
    parser.add_argument("--merges", type=int, default=320)
    parser.add_argument("--vocab-size", type=int, default=0, help="model rows (≥ tokenizer size); 0 = tokenizer size")
    parser.add_argument("--kv-append", action="store_true", help="also write onnx/model_kv_append.onnx")
    parser.add_argument("--steps", type=int, default=24, help="greedy reference tokens (0 = none)")
    args = parser.parse_args()

    torch.manual_seed(args.seed)
    tok = tokenizer_json(args.merges)
    special = {t["content"]: t["id"] for t in tok["added_tokens"]}
    vocab_size = max(args.vocab_size, len(tok["model"]["vocab"]))
    config = model_config(args.family, args.shape, vocab_size, special)
    model = build(args.family, config, args.seed)

    os.makedirs(args.out, exist_ok=True)
    max_len = config.get("n_positions") or config["max_position_embeddings"]

    def write(name, value):
        with open(os.path.join(args.out, name), "w", encoding="utf-8") as f:
            json.dump(value, f, ensure_ascii=False, indent=1 if name != "tokenizer.json" else None)

    write("config.json", config)
    write("generation_config.json", {
        "bos_token_id": special["<|endoftext|>"], "eos_token_id": [special["<|im_end|>"], special["<|endoftext|>"]],
        "do_sample": False, "max_new_tokens": 64,
    })
    write("tokenizer.json", tok)
    write("tokenizer_config.json", tokenizer_config(max_len))
    export(model, config, os.path.join(args.out, "onnx", "model.onnx"))
    if args.kv_append:
        check_append_equivalence(model, config, [5, 6, 7, 8, 9])
        export(model, config, os.path.join(args.out, "onnx", "model_kv_append.onnx"), append=True)

    if args.steps > 0:
        # Ids straight from the vocabulary: English pieces, whole and partial CJK bytes, never special tokens.
        g = torch.Generator().manual_seed(args.seed + 1)
        usable = len(tok["model"]["vocab"]) - len(SPECIAL_TOKENS)
        prompt = torch.randint(0, usable, (12,), generator=g).tolist()
        tokens, first_logits, margin = greedy(model, config, prompt, args.steps)
        assert margin > 1e-3, f"greedy margin {margin} too small for a stable reference"
        write("reference.json", {
            "prompt_ids": prompt, "greedy_ids": tokens, "min_greedy_margin": margin,
            "prompt_last_logits": [round(x, 6) for x in first_logits],
        })


if __name__ == "__main__":
    main()
