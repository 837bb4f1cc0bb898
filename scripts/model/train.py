"""Trains the embedded default model (a small Llama-shaped decoder, tied embeddings) on the tokenized corpus, on
the CPU, resumable from its last checkpoint.

    /usr/bin/python3 scripts/model/train.py --data scripts/model/work/data --tokenizer scripts/model/work/tokenizer \
        --out scripts/model/work/run --steps 2000 [--resume]

The data folder holds train.tokens/train.index and heldout.tokens/heldout.index from tokenize_corpus.ts. The loss is
the reply's tokens (weight 1) plus a random sample of prompt tokens (weight PROMPT_WEIGHT): the prompt has to be read
in full anyway, and predicting some of it teaches the language and the format for little extra compute (logits are
computed only at the sampled positions). Every step is seeded: the same arguments give the same weights.
"""

import argparse
import json
import math
import os
import random
import time

import numpy as np
import torch
import torch.nn.functional as F

from bpe_trainer import bytes_to_unicode
from models import Llama

COPY_MARKS = {ord(c): None for c in "\u27e6\u27e7\u27e8\u27e9\u27ea\u27eb"}
PROMPT_SAMPLE = 0.15
PROMPT_WEIGHT = 0.2
SHAPE = dict(hidden=192, layers=4, heads=3, kv_heads=3, intermediate=512, positions=2048)


def model_config(vocab_size, special, shape=SHAPE):
    return {
        "model_type": "llama", "architectures": ["LlamaForCausalLM"], "vocab_size": vocab_size,
        "hidden_size": shape["hidden"], "intermediate_size": shape["intermediate"],
        "num_hidden_layers": shape["layers"], "num_attention_heads": shape["heads"],
        "num_key_value_heads": shape["kv_heads"], "head_dim": shape["hidden"] // shape["heads"],
        "max_position_embeddings": shape["positions"], "rms_norm_eps": 1e-6, "rope_theta": 10000.0,
        "hidden_act": "silu", "bos_token_id": special["<|endoftext|>"], "eos_token_id": special["<|im_end|>"],
        "tie_word_embeddings": True, "use_cache": True, "torch_dtype": "float32",
    }


def load_split(folder, name):
    tokens = np.fromfile(os.path.join(folder, f"{name}.tokens"), dtype=np.uint16)
    index = np.fromfile(os.path.join(folder, f"{name}.index"), dtype=np.uint32).reshape(-1, 3)
    return tokens, index


def batches(index, token_budget, rng):
    """Rows shuffled, then sorted by length within windows so a batch pads little, then batches shuffled."""
    order = list(range(len(index)))
    rng.shuffle(order)
    out = []
    for w in range(0, len(order), 256):
        window = sorted(order[w:w + 256], key=lambda i: int(index[i][2]))
        batch, longest = [], 0
        for i in window:
            longest_next = max(longest, int(index[i][2]))
            if batch and longest_next * (len(batch) + 1) > token_budget:
                out.append(batch)
                batch, longest_next = [], int(index[i][2])
            batch.append(i)
            longest = longest_next
        if batch:
            out.append(batch)
    rng.shuffle(out)
    return out


def make_batch(tokens, index, rows, pad_id, rng, max_len):
    lengths = [min(int(index[i][2]), max_len) for i in rows]
    width = max(lengths)
    ids = np.full((len(rows), width), pad_id, dtype=np.int64)
    weight = np.zeros((len(rows), width), dtype=np.float32)
    for r, i in enumerate(rows):
        start, prompt, total = (int(x) for x in index[i])
        n = lengths[r]
        ids[r, :n] = tokens[start:start + n]
        # weight[r, t] weighs predicting token t+1 from position t.
        reply_from = max(prompt - 1, 0)
        weight[r, reply_from:n - 1] = 1.0
        sampled = np.array([rng.random() < PROMPT_SAMPLE for _ in range(reply_from)], dtype=bool)
        weight[r, :reply_from][sampled] = PROMPT_WEIGHT
    return torch.from_numpy(ids), torch.from_numpy(weight)


def copy_batch(vocab, rng, rows, width, pad_id):
    """A synthetic copying batch of random tokens: a random "prompt", then spans of it again in another order.
    Nothing but looking back and copying predicts the repeats. They keep the built-in copying circuit
    (induction_init) in use; from a normal init 250 steps of them alone left their loss at ln V (8.8 nats), and in
    the corpus alone a small model learns the pools of words instead and invents plausible names where a story's
    own belong (p(田 | 吴金, with 吴金田 in the prompt) = 0.00 after 900 steps)."""
    ids = np.full((rows, width), pad_id, dtype=np.int64)
    weight = np.zeros((rows, width), dtype=np.float32)
    for r in range(rows):
        n = rng.randint(width // 3, width // 2)
        ids[r, :n] = [rng.randrange(vocab) for _ in range(n)]
        at = n
        while at < width:
            length = min(rng.randint(4, 16), width - at)
            start = rng.randrange(n - length + 1) if length <= n else 0
            ids[r, at:at + length] = ids[r, start:start + length]
            # weight[t] weighs predicting token t+1: every token of a span after its first is copyable.
            weight[r, at:at + length - 1] = 1.0
            at += length
    return torch.from_numpy(ids), torch.from_numpy(weight)


def hidden_states(model, ids):
    b, s = ids.shape
    x = model.embed_tokens(ids)
    pos = torch.arange(s, dtype=torch.float32)
    freqs = pos.unsqueeze(-1) * model.inv_freq
    emb = torch.cat([freqs, freqs], dim=-1)
    cos, sin = emb.cos()[None, None], emb.sin()[None, None]
    mask = torch.full((s, s), float("-inf")).triu(1)[None, None]
    c = model.c
    hd = c["hidden_size"] // c["num_attention_heads"]
    empty = torch.zeros(b, c["num_key_value_heads"], 0, hd)
    for layer in model.layers:
        x, _, _ = layer(x, mask, cos, sin, empty, empty, False)
    return model.norm(x)


def loss_of(model, ids, weight):
    h = hidden_states(model, ids)
    at = weight[:, :-1] > 0
    picked = h[:, :-1][at]
    targets = ids[:, 1:][at]
    w = weight[:, :-1][at]
    logits = F.linear(picked, model.embed_tokens.weight)
    per_token = F.cross_entropy(logits, targets, reduction="none")
    return (per_token * w).sum() / w.sum(), per_token, w


def init(model, seed):
    g = torch.Generator().manual_seed(seed)
    layers = model.c["num_hidden_layers"]
    with torch.no_grad():
        for name, p in model.named_parameters():
            if "norm" in name:
                p.fill_(1.0)
            elif p.dim() >= 2:
                std = 0.02 / math.sqrt(2 * layers) if name.endswith(("o_proj.weight", "down_proj.weight")) else 0.02
                p.copy_(torch.randn(p.shape, generator=g) * std)


@torch.no_grad()
def induction_init(model, two_back_gain=0.0):
    """Sets up, at initialization, the two-head circuit that copies: in layer 0 a previous-token head (constant
    query and key whose RoPE phases line up one position back) writes the previous token's embedding into its own
    subspace; in layer 1 an induction head matches the current token against those previous tokens and adds the
    token that followed to the output. Trained from a random start, the 3.3M-parameter model did not find this
    circuit (250 steps of copying batches left their loss at ln V; 900 corpus steps copied no name); built in,
    the loss on random repeated spans is 0.47 nats/token at step 0 and training only tunes it.
    With two_back_gain > 0 the second heads of both layers do the same one token further back: layer 0 head 1
    writes the token two back, layer 1 head 1 matches the current previous token against it. Where a token repeats
    inside a span ("Bai Jingting (Uncle Jing)", 孟美玲（老孟）among other aliases), head 0 alone is split between the
    repeats and the copy loops ("Jingting (Uncle Jingting (…"); the two heads agree only on the right continuation.
    Token embeddings live in dims [0, 96), the token one back in [96, 96 + MATCH), two back in the next MATCH dims,
    dim D-1 is constant."""
    tok, match = 96, 22
    e = model.embed_tokens.weight
    e.zero_()
    e[:, :tok] = torch.randn(e.shape[0], tok, generator=torch.Generator().manual_seed(1))
    e[:, model.c["hidden_size"] - 1] = math.sqrt(tok)  # about sqrt(tok) after RMSNorm too: the inputs' RMS is ~1
    copy_heads(model, head=0, back=1, query_from=0, key_from=tok, gain=2.5)
    if two_back_gain > 0:
        copy_heads(model, head=1, back=2, query_from=tok, key_from=tok + match, gain=two_back_gain)
    model.norm.weight.fill_(0.2)


@torch.no_grad()
def copy_heads(model, head, back, query_from, key_from, gain, tok=96, match=22):
    """One copying pair: layer 0 `head` attends `back` positions back (constant query and key whose RoPE phases
    line up there) and writes that token's first `match` embedding dims into [key_from, key_from + match); layer 1
    `head` matches dims [query_from, query_from + match) of the current position against them and adds the
    embedding of the token where they matched, times `gain`."""
    c = model.c
    d, hd = c["hidden_size"], c["hidden_size"] // c["num_attention_heads"]
    const, half, rows = d - 1, hd // 2, slice(head * hd, (head + 1) * hd)
    theta = model.inv_freq  # pair i is dims (i, i + half), turning by theta[i] per position
    a = 7.7 / math.sqrt(tok)  # query/key length 7.7 per pair: the right offset wins by ~8 in the logits
    l0, l1 = model.layers[0], model.layers[1]
    for w in (l0.q_proj.weight, l0.k_proj.weight, l0.v_proj.weight, l1.q_proj.weight, l1.k_proj.weight,
              l1.v_proj.weight):
        w[rows].zero_()
    for w in (l0.o_proj.weight, l1.o_proj.weight):
        w[:, rows].zero_()
    h = head * hd
    for i in range(8):  # the fastest-turning pairs tell one offset from its neighbours
        l0.q_proj.weight[h + i, const] = a
        l0.k_proj.weight[h + i, const] = a * math.cos(back * float(theta[i]))
        l0.k_proj.weight[h + i + half, const] = a * math.sin(back * float(theta[i]))
    for j in range(match):
        l0.v_proj.weight[h + j, j] = 1.0
        l0.o_proj.weight[key_from + j, h + j] = 1.0
    # Layer 1 matches in the slowest-turning pairs, where RoPE barely moves a score over a prompt's length.
    slow = [i for i in range(half - match // 2, half)]
    alpha = 3.2
    for j, hdim in enumerate(slow + [i + half for i in slow]):
        l1.q_proj.weight[h + hdim, query_from + j] = alpha
        l1.k_proj.weight[h + hdim, key_from + j] = alpha
    for j in range(hd):
        l1.v_proj.weight[h + j, j] = 1.0
        l1.o_proj.weight[j, h + j] = gain


@torch.no_grad()
def heldout_perplexity(model, tokens, index, pad_id, rows=300):
    """Perplexity of the held-out replies (the tokens the model is trained to write)."""
    model.eval()
    total, count = 0.0, 0
    chosen = list(range(min(rows, len(index))))
    for k in range(0, len(chosen), 8):
        group = chosen[k:k + 8]
        ids, weight = make_batch(tokens, index, group, pad_id, random.Random(0), 4096)
        weight = (weight == 1.0).float()
        _, per_token, w = loss_of(model, ids, weight)
        total += float((per_token * w).sum())
        count += int(w.sum())
    model.train()
    return math.exp(total / max(count, 1))


class GroundingProbe:
    """A quick look, during training, at what counts: greedy replies to held-out prompts, and the share that
    keep every key entity of the reference (names, places, times). Held-out perplexity can fall for a long time
    while the model still invents names; this says when copying starts to work. evaluate.ts is the real test."""

    def __init__(self, rows_path, tokens, index, tok, rows):
        with open(rows_path, encoding="utf-8") as f:
            checks = [json.loads(line)["check"]["entities"] for line in f if line.strip()]
        assert len(checks) == len(index), "held-out rows and index differ"
        # Every fifth row: spread over intents and both languages.
        self.rows = [i for i in range(0, len(index), 5)][:rows]
        self.checks, self.tokens, self.index = checks, tokens, index
        unbyte = {c: b for b, c in bytes_to_unicode().items()}
        self.piece = {}
        for text, i in tok["model"]["vocab"].items():
            self.piece[i] = bytes(unbyte[c] for c in text if c in unbyte)
        self.end = {t["id"] for t in tok["added_tokens"]}

    @torch.no_grad()
    def greedy(self, model, prompt, limit=60):
        c = model.c
        hd = c["hidden_size"] // c["num_attention_heads"]
        past = [torch.zeros(1, c["num_key_value_heads"], 0, hd) for _ in range(2 * c["num_hidden_layers"])]
        ids = torch.tensor([prompt], dtype=torch.int64)
        out, seen = [], len(prompt)
        for _ in range(limit):
            n = ids.shape[1]
            logits, past = model(ids, torch.ones(1, seen, dtype=torch.int64), torch.arange(seen - n, seen)[None],
                                 past, torch.tensor(1))
            nxt = int(logits[0, -1].argmax())
            if nxt in self.end:
                break
            out.append(nxt)
            ids = torch.tensor([[nxt]], dtype=torch.int64)
            seen += 1
        text = b"".join(self.piece.get(i, b"") for i in out).decode("utf-8", errors="replace")
        # The copy marks never reach the table (agents' stripCopyMarks): the probe judges what would.
        return text.translate(COPY_MARKS)

    def __call__(self, model):
        model.eval()
        kept, samples = 0, []
        for i in self.rows:
            start, prompt, _ = (int(x) for x in self.index[i])
            reply = self.greedy(model, self.tokens[start:start + prompt].astype(np.int64).tolist())
            ok = all(e in reply for e in self.checks[i])
            kept += ok
            if len(samples) < 4:
                samples.append(reply)
        model.train()
        return kept / max(len(self.rows), 1), samples


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", required=True)
    parser.add_argument("--tokenizer", required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--steps", type=int, default=2000)
    parser.add_argument("--token-budget", type=int, default=5000, help="padded tokens per batch")
    parser.add_argument("--lr", type=float, default=3e-3)
    parser.add_argument("--warmup", type=int, default=100)
    parser.add_argument("--seed", type=int, default=8)
    parser.add_argument("--max-len", type=int, default=1536)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--checkpoint-every", type=int, default=50)
    parser.add_argument("--eval-every", type=int, default=500)
    parser.add_argument("--resume", action="store_true")
    parser.add_argument("--stop-after", type=int, default=0, help="end at this step (the schedule still spans --steps)")
    parser.add_argument("--init-from", help="start from this checkpoint's weights (fresh optimizer and schedule)")
    parser.add_argument("--copy-fraction", type=float, default=0.0, help="share of steps on synthetic copying batches")
    parser.add_argument("--induction-init", action="store_true", help="start with a copying circuit (induction_init)")
    parser.add_argument("--bigram-gain", type=float, default=0.0,
                        help="with --induction-init: also the two-back copying heads (induction_init), at this gain")
    parser.add_argument("--probe-rows", help="held-out rows (jsonl) for the grounding probe at each evaluation")
    parser.add_argument("--probe-size", type=int, default=80)
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)

    with open(os.path.join(args.tokenizer, "tokenizer.json"), encoding="utf-8") as f:
        tok = json.load(f)
    special = {t["content"]: t["id"] for t in tok["added_tokens"]}
    vocab_size = len(tok["model"]["vocab"])
    config = model_config(vocab_size, special)
    pad_id = special["<|endoftext|>"]
    tokens, index = load_split(args.data, "train")
    held_tokens, held_index = load_split(args.data, "heldout")

    probe = GroundingProbe(args.probe_rows, held_tokens, held_index, tok, args.probe_size) if args.probe_rows else None
    model = Llama(config, bias=False)
    init(model, args.seed)
    if args.induction_init:
        induction_init(model, args.bigram_gain)
    params = [p for p in model.parameters()]
    decay = [p for p in params if p.dim() >= 2]
    no_decay = [p for p in params if p.dim() < 2]
    opt = torch.optim.AdamW(
        [{"params": decay, "weight_decay": 0.1}, {"params": no_decay, "weight_decay": 0.0}],
        lr=args.lr, betas=(0.9, 0.95), eps=1e-8,
    )
    os.makedirs(args.out, exist_ok=True)
    ckpt_path = os.path.join(args.out, "checkpoint.pt")
    step, log = 0, []
    if args.init_from and not (args.resume and os.path.exists(ckpt_path)):
        model.load_state_dict(torch.load(args.init_from)["model"])
        print(f"weights from {args.init_from}")
    if args.resume and os.path.exists(ckpt_path):
        state = torch.load(ckpt_path)
        model.load_state_dict(state["model"])
        opt.load_state_dict(state["opt"])
        step, log = state["step"], state["log"]
        print(f"resumed at step {step}")
    with open(os.path.join(args.out, "config.json"), "w") as f:
        json.dump(config, f, indent=1)

    # The batch plan and every batch's prompt sampling derive from the seed and the epoch, so a resumed run
    # continues with exactly the batches an uninterrupted one would have used.
    plans = []  # the batch plan of each epoch so far, each from its own seed

    def batch_for(n):
        while sum(len(p) for p in plans) <= n:
            plans.append(batches(index, args.token_budget, random.Random(args.seed + len(plans))))
        for p in plans:
            if n < len(p):
                return p[n]
            n -= len(p)
        raise AssertionError("unreachable")

    n_params = sum(p.numel() for p in params)
    print(f"{n_params / 1e6:.2f}M parameters, {len(index)} train rows, {len(tokens)} train tokens")
    model.train()
    t0, seen = time.time(), 0
    last = args.stop_after or args.steps
    while step < last:
        lr_scale = min(1.0, (step + 1) / args.warmup) * (0.1 + 0.9 * 0.5 * (1 + math.cos(math.pi * step / args.steps)))
        for group in opt.param_groups:
            group["lr"] = args.lr * lr_scale
        step_rng = random.Random(args.seed * 1_000_003 + step)
        copying = step_rng.random() < args.copy_fraction
        if copying:
            ids, weight = copy_batch(vocab_size - len(special), step_rng, max(1, args.token_budget // 160), 160, pad_id)
        else:
            ids, weight = make_batch(tokens, index, batch_for(step), pad_id, step_rng, args.max_len)
        loss, per_token, w = loss_of(model, ids, weight)
        opt.zero_grad(set_to_none=True)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(params, 1.0)
        opt.step()
        step += 1
        seen += ids.numel()
        reply_mask = w == 1.0
        reply_loss = float(per_token[reply_mask].mean()) if reply_mask.any() else float("nan")
        if step % 10 == 0:
            rate = seen / (time.time() - t0)
            kind = " (copying)" if copying else ""
            print(f"step {step} loss {float(loss):.3f}{kind} reply {reply_loss:.3f} lr {args.lr * lr_scale:.2e} {rate:.0f} tok/s", flush=True)
        entry = {"step": step, "loss": float(loss), "reply_loss": reply_loss}
        if step % args.eval_every == 0 or step == last:
            entry["heldout_perplexity"] = heldout_perplexity(model, held_tokens, held_index, pad_id)
            print(f"step {step} held-out reply perplexity {entry['heldout_perplexity']:.3f}", flush=True)
            if probe:
                entry["probe_grounding"], samples = probe(model)
                print(f"step {step} probe grounding {entry['probe_grounding']:.3f}", flush=True)
                for reply in samples:
                    print(f"  | {reply}", flush=True)
        log.append(entry)
        if step % args.checkpoint_every == 0 or step == last:
            tmp = ckpt_path + ".tmp"
            torch.save({"model": model.state_dict(), "opt": opt.state_dict(), "step": step, "log": log}, tmp)
            os.replace(tmp, ckpt_path)
    torch.save({"model": model.state_dict(), "config": config, "log": log}, os.path.join(args.out, "final.pt"))


if __name__ == "__main__":
    main()
