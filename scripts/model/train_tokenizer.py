"""Trains the default model's byte-level BPE tokenizer on the generated corpus and writes `tokenizer.json` and
`tokenizer_config.json` (the format of bpe_trainer.py, which `AutoTokenizer` loads).

    /usr/bin/python3 scripts/model/train_tokenizer.py --corpus scripts/model/work/corpus/train.jsonl \
        --vocab-size 6000 --out scripts/model/work/tokenizer

Incremental BPE: pair counts and the words each pair occurs in are updated per merge, so a corpus of a few
megabytes trains in about a minute.

Every Chinese character is a word of its own (a Split pre-tokenizer before the byte mapping; the rest is split
as GPT-2 splits it, spaces before a Chinese character standing alone). With GPT-2's regex a run of Chinese is one
word, so a name merged with whatever stood next to it ("投吴" in 我投吴金田) and " 吴" after "[TARGET] " was another
token than 吴 in a reply: a small model could not copy names it had never seen, because the ids it would have to
copy were not the ids it had to write. Python's `re` has no \\p{L}: `[^\\W\\d_]` stands in for it in the
training split, which only decides which merges are learned; the runtime applies SPLIT_REGEX.
"""

import argparse
import collections
import heapq
import json
import os
import re

from bpe_trainer import SPECIAL_TOKENS, build_tokenizer_json, bytes_to_unicode, tokenizer_config

HAN = "\u3400-\u9fff\uf900-\ufaff"
# Copy marks (agents' prompt.ts COPY_MARKS): always a word of their own, never merged with punctuation beside them.
MARKS = "\u27e6\u27e7\u27e8\u27e9\u27ea\u27eb"
SPLIT_REGEX = (
    f"[{MARKS}]|[{HAN}]|'s|'t|'re|'ve|'m|'ll|'d| ?(?:(?![{HAN}])\\p{{L}})+| ?\\p{{N}}+| ?[^\\s\\p{{L}}\\p{{N}}{MARKS}]+"
    "|\\s+(?!\\S)|\\s+"
)
PRETOKENIZE = re.compile(
    f"[{MARKS}]|[{HAN}]|'s|'t|'re|'ve|'m|'ll|'d| ?(?:(?![{HAN}])[^\\W\\d_])+| ?\\d+| ?[^\\s\\w{MARKS}]+|\\s+(?!\\S)|\\s+|_+"
)


def corpus_texts(path, limit_chars):
    """Message contents and replies of the corpus rows, each distinct system message once (it repeats per turn)."""
    seen, total = set(), 0
    with open(path, encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            for text in [m["content"] for m in row["messages"]] + [row["reply"]]:
                if text in seen:
                    continue
                seen.add(text)
                total += len(text)
                yield text
            if total >= limit_chars:
                return


def train(texts, vocab_size):
    byte_map = bytes_to_unicode()
    counts = collections.Counter()
    for text in texts:
        for piece in PRETOKENIZE.findall(text):
            counts[piece] += 1
    words = [[byte_map[b] for b in piece.encode("utf-8")] for piece in counts]
    freq = list(counts.values())
    vocab = {byte_map[b]: i for i, b in enumerate(sorted(byte_map))}
    pairs = collections.Counter()
    where = collections.defaultdict(set)
    for i, w in enumerate(words):
        for a, b in zip(w, w[1:]):
            pairs[(a, b)] += freq[i]
            where[(a, b)].add(i)
    # Max-heap keyed by (count, pair) so ties break on the pair itself: deterministic merges.
    heap = [(-c, p) for p, c in pairs.items()]
    heapq.heapify(heap)
    merges = []
    target = vocab_size - len(SPECIAL_TOKENS)
    while len(vocab) < target and heap:
        neg, pair = heapq.heappop(heap)
        if pairs.get(pair, 0) != -neg:
            continue  # stale entry
        if -neg < 2:
            break
        a, b = pair
        merged = a + b
        merges.append(pair)
        vocab[merged] = len(vocab)
        changed = collections.Counter()
        for i in list(where.pop(pair, ())):
            w = words[i]
            if len(w) < 2:
                continue
            for x, y in zip(w, w[1:]):
                changed[(x, y)] -= freq[i]
            out, j = [], 0
            while j < len(w):
                if j + 1 < len(w) and w[j] == a and w[j + 1] == b:
                    out.append(merged)
                    j += 2
                else:
                    out.append(w[j])
                    j += 1
            words[i] = out
            for x, y in zip(out, out[1:]):
                changed[(x, y)] += freq[i]
                where[(x, y)].add(i)
        for p, delta in changed.items():
            if delta == 0:
                continue
            pairs[p] += delta
            if pairs[p] <= 0:
                del pairs[p]
            else:
                heapq.heappush(heap, (-pairs[p], p))
        pairs.pop(pair, None)
    return vocab, merges


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--corpus", required=True)
    parser.add_argument("--extra", nargs="*", default=[], help="plain-text files (e.g. bundled stories) to include")
    parser.add_argument("--vocab-size", type=int, default=6000)
    parser.add_argument("--limit-chars", type=int, default=8_000_000)
    parser.add_argument("--max-length", type=int, default=2048)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    texts = list(corpus_texts(args.corpus, args.limit_chars))
    for path in args.extra:
        with open(path, encoding="utf-8") as f:
            texts.append(f.read())
    vocab, merges = train(texts, args.vocab_size)
    os.makedirs(args.out, exist_ok=True)
    tok = build_tokenizer_json(vocab, merges, SPLIT_REGEX)
    with open(os.path.join(args.out, "tokenizer.json"), "w", encoding="utf-8") as f:
        json.dump(tok, f, ensure_ascii=False)
    with open(os.path.join(args.out, "tokenizer_config.json"), "w", encoding="utf-8") as f:
        json.dump(tokenizer_config(args.max_length), f, ensure_ascii=False, indent=1)
    print(f"{len(tok['model']['vocab'])} tokens ({len(merges)} merges) from {sum(map(len, texts))} characters")


if __name__ == "__main__":
    main()
