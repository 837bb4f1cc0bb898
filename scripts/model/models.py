"""Minimal GPT-2 and Llama/Qwen2 decoders, numerically the same as Hugging Face's, with the ONNX I/O of
transformers.js: input_ids, attention_mask, position_ids, past key/values per layer, num_logits_to_keep."""

import math

import torch
import torch.nn.functional as F
from torch import nn


def causal_mask(attention_mask, seq_len, past_len, dtype):
    total = past_len + seq_len
    query_pos = past_len + torch.arange(seq_len).unsqueeze(1)
    key_pos = torch.arange(total).unsqueeze(0)
    allowed = (key_pos <= query_pos).unsqueeze(0).unsqueeze(0) & (attention_mask[:, None, None, :] > 0)
    return torch.where(allowed, torch.zeros((), dtype=dtype), torch.full((), torch.finfo(dtype).min, dtype=dtype))


def attend(q, k, v, mask):
    scores = torch.matmul(q, k.transpose(-1, -2)) / math.sqrt(q.shape[-1])
    return torch.matmul(torch.softmax(scores + mask, dim=-1), v)


def attend_appending(q, past_k, past_v, k, v, mask):
    """Attention for the append layout: past keys/values arrive sequence-major [1, past, kv_heads, d] (so a
    growing JS buffer's prefix is a valid tensor) and are never concatenated with the new ones: scores and
    weighted sums are computed in two parts. Grouped query heads are folded into the query length instead of
    copying keys/values per group. Batch size is 1: with 3-D operands the permutes below have the forms
    onnxruntime fuses into FusedMatMul (transBatchB, transB), so the cache is read in place, not transposed."""
    b, heads, s, d = q.shape
    kv_heads = k.shape[1]
    groups = heads // kv_heads
    past_len = past_k.shape[1]
    qg = q.reshape(kv_heads, groups * s, d)
    pk = past_k.reshape(-1, kv_heads, d)  # [past, kv_heads, d]; squeeze() would export as an If node
    pv = past_v.reshape(-1, kv_heads, d)
    scale = 1.0 / math.sqrt(d)
    new_k = k.reshape(kv_heads, s, d)
    new_v = v.reshape(kv_heads, s, d)
    scores = torch.cat([torch.matmul(qg, pk.permute(1, 2, 0)), torch.matmul(qg, new_k.transpose(-1, -2))], dim=-1)
    scores = scores.reshape(b, heads, s, -1) * scale + mask
    probs = torch.softmax(scores, dim=-1).reshape(kv_heads, groups * s, -1)
    out = torch.matmul(probs[..., :past_len], pv.permute(1, 0, 2)) + torch.matmul(probs[..., past_len:], new_v)
    return out.reshape(b, heads, s, d), k.transpose(1, 2), v.transpose(1, 2)


def lm_logits(hidden, weight, num_logits_to_keep):
    """Logits of the last n positions (all when n == 0). A 2-D F.linear exports as Gemm(transB=1), so a tied
    embedding matrix stays one initializer instead of being folded into a transposed copy."""
    seq = hidden.shape[1]
    start = (seq - num_logits_to_keep) * (num_logits_to_keep > 0).to(num_logits_to_keep.dtype)
    kept = torch.index_select(hidden, 1, torch.arange(start, seq))
    flat = F.linear(kept.reshape(-1, kept.shape[-1]), weight)
    return flat.reshape(kept.shape[0], kept.shape[1], -1)


class Gpt2Block(nn.Module):
    def __init__(self, c):
        super().__init__()
        d = c["n_embd"]
        self.heads = c["n_head"]
        self.ln_1 = nn.LayerNorm(d, eps=c["layer_norm_epsilon"])
        self.c_attn = nn.Linear(d, 3 * d)
        self.c_proj = nn.Linear(d, d)
        self.ln_2 = nn.LayerNorm(d, eps=c["layer_norm_epsilon"])
        self.c_fc = nn.Linear(d, 4 * d)
        self.mlp_proj = nn.Linear(4 * d, d)

    def split(self, x):
        b, s, d = x.shape
        return x.view(b, s, self.heads, d // self.heads).transpose(1, 2)

    def forward(self, x, mask, past_k, past_v, append):
        q, k, v = self.c_attn(self.ln_1(x)).split(x.shape[-1], dim=2)
        if append:
            a, k, v = attend_appending(self.split(q), past_k, past_v, self.split(k), self.split(v), mask)
        else:
            k = torch.cat([past_k, self.split(k)], dim=2)
            v = torch.cat([past_v, self.split(v)], dim=2)
            a = attend(self.split(q), k, v, mask)
        b, h, s, hd = a.shape
        x = x + self.c_proj(a.transpose(1, 2).reshape(b, s, h * hd))
        x = x + self.mlp_proj(F.gelu(self.c_fc(self.ln_2(x)), approximate="tanh"))
        return x, k, v


class Gpt2(nn.Module):
    def __init__(self, c):
        super().__init__()
        self.c = c
        # Append layout: past is sequence-major and only the new keys/values are returned (see attend_appending).
        self.append = False
        self.wte = nn.Embedding(c["vocab_size"], c["n_embd"])
        self.wpe = nn.Embedding(c["n_positions"], c["n_embd"])
        self.blocks = nn.ModuleList(Gpt2Block(c) for _ in range(c["n_layer"]))
        self.ln_f = nn.LayerNorm(c["n_embd"], eps=c["layer_norm_epsilon"])

    def forward(self, input_ids, attention_mask, position_ids, past, num_logits_to_keep):
        x = self.wte(input_ids) + self.wpe(position_ids)
        mask = causal_mask(attention_mask, input_ids.shape[1], past[0].shape[1 if self.append else 2], x.dtype)
        present = []
        for i, block in enumerate(self.blocks):
            x, k, v = block(x, mask, past[2 * i], past[2 * i + 1], self.append)
            present += [k, v]
        return lm_logits(self.ln_f(x), self.wte.weight, num_logits_to_keep), present


class RmsNorm(nn.Module):
    def __init__(self, d, eps):
        super().__init__()
        self.weight = nn.Parameter(torch.ones(d))
        self.eps = eps

    def forward(self, x):
        return self.weight * (x * torch.rsqrt(x.pow(2).mean(-1, keepdim=True) + self.eps))


def rotate_half(x):
    half = x.shape[-1] // 2
    return torch.cat([-x[..., half:], x[..., :half]], dim=-1)


def repeat_kv(x, groups):
    """Grouped-query attention: each key/value head serves `groups` query heads (expand + reshape, as in
    Hugging Face; repeat_interleave exports with a fixed shape in torch 1.13)."""
    b, h, s, d = x.shape
    return x[:, :, None, :, :].expand(b, h, groups, s, d).reshape(b, h * groups, s, d)


class LlamaLayer(nn.Module):
    def __init__(self, c, bias):
        super().__init__()
        d = c["hidden_size"]
        self.heads = c["num_attention_heads"]
        self.kv_heads = c["num_key_value_heads"]
        self.hd = d // self.heads
        self.input_layernorm = RmsNorm(d, c["rms_norm_eps"])
        self.q_proj = nn.Linear(d, self.heads * self.hd, bias=bias)
        self.k_proj = nn.Linear(d, self.kv_heads * self.hd, bias=bias)
        self.v_proj = nn.Linear(d, self.kv_heads * self.hd, bias=bias)
        self.o_proj = nn.Linear(self.heads * self.hd, d, bias=False)
        self.post_attention_layernorm = RmsNorm(d, c["rms_norm_eps"])
        self.gate_proj = nn.Linear(d, c["intermediate_size"], bias=False)
        self.up_proj = nn.Linear(d, c["intermediate_size"], bias=False)
        self.down_proj = nn.Linear(c["intermediate_size"], d, bias=False)

    def forward(self, x, mask, cos, sin, past_k, past_v, append):
        b, s, _ = x.shape
        h = self.input_layernorm(x)
        q = self.q_proj(h).view(b, s, self.heads, self.hd).transpose(1, 2)
        k = self.k_proj(h).view(b, s, self.kv_heads, self.hd).transpose(1, 2)
        v = self.v_proj(h).view(b, s, self.kv_heads, self.hd).transpose(1, 2)
        q = q * cos + rotate_half(q) * sin
        k = k * cos + rotate_half(k) * sin
        if append:
            a, k, v = attend_appending(q, past_k, past_v, k, v, mask)
        else:
            k = torch.cat([past_k, k], dim=2)
            v = torch.cat([past_v, v], dim=2)
            groups = self.heads // self.kv_heads
            a = attend(q, repeat_kv(k, groups), repeat_kv(v, groups), mask)
        x = x + self.o_proj(a.transpose(1, 2).reshape(b, s, self.heads * self.hd))
        h = self.post_attention_layernorm(x)
        x = x + self.down_proj(F.silu(self.gate_proj(h)) * self.up_proj(h))
        return x, k, v


class Llama(nn.Module):
    """Llama and Qwen2 (Qwen2 = Llama with biases on q/k/v)."""

    def __init__(self, c, bias):
        super().__init__()
        self.c = c
        self.append = False
        d = c["hidden_size"]
        self.embed_tokens = nn.Embedding(c["vocab_size"], d)
        self.layers = nn.ModuleList(LlamaLayer(c, bias) for _ in range(c["num_hidden_layers"]))
        self.norm = RmsNorm(d, c["rms_norm_eps"])
        self.lm_head = None if c["tie_word_embeddings"] else nn.Parameter(torch.empty(c["vocab_size"], d))
        hd = d // c["num_attention_heads"]
        self.register_buffer(
            "inv_freq", 1.0 / (c["rope_theta"] ** (torch.arange(0, hd, 2, dtype=torch.float32) / hd)), persistent=False
        )

    def forward(self, input_ids, attention_mask, position_ids, past, num_logits_to_keep):
        x = self.embed_tokens(input_ids)
        freqs = position_ids.to(torch.float32).unsqueeze(-1) * self.inv_freq
        emb = torch.cat([freqs, freqs], dim=-1)
        cos, sin = emb.cos().unsqueeze(1), emb.sin().unsqueeze(1)
        mask = causal_mask(attention_mask, input_ids.shape[1], past[0].shape[1 if self.append else 2], x.dtype)
        present = []
        for i, layer in enumerate(self.layers):
            x, k, v = layer(x, mask, cos, sin, past[2 * i], past[2 * i + 1], self.append)
            present += [k, v]
        weight = self.embed_tokens.weight if self.lm_head is None else self.lm_head
        return lm_logits(self.norm(x), weight, num_logits_to_keep), present


def init_weights(model, seed):
    """Seeded random weights, spread wide enough that greedy decoding has clear winners (no near-ties that
    float rounding could flip between torch and onnxruntime)."""
    g = torch.Generator().manual_seed(seed)
    with torch.no_grad():
        for name, p in model.named_parameters():
            if "norm" in name or name.startswith("ln") or ".ln_" in name:
                p.copy_(1.0 + 0.1 * torch.randn(p.shape, generator=g) if p.dim() == 1 and "weight" in name
                        else 0.1 * torch.randn(p.shape, generator=g))
            elif p.dim() == 1:
                p.copy_(0.02 * torch.randn(p.shape, generator=g))
            elif "wte" in name or "embed" in name or name == "lm_head":
                p.copy_(torch.randn(p.shape, generator=g))
            else:
                # Output projections are scaled up so the layers, not the token's own embedding, decide the
                # next token: otherwise a tied random model just repeats its input.
                gain = 4.0 if any(k in name for k in ("c_proj", "mlp_proj", "o_proj", "down_proj")) else 1.0
                p.copy_(gain * torch.randn(p.shape, generator=g) / math.sqrt(p.shape[1]))
