"""A small byte-level BPE trainer that writes a Hugging Face `tokenizer.json`.

The `tokenizers` library is not available on Debian, so this trains merges over a bilingual corpus. Chinese
characters are three UTF-8 bytes each, so the vocabulary mixes whole characters with partial byte sequences:
exactly what the streaming decoder must handle. Pre-tokenization here only decides which merges are learned;
at runtime the tokenizer's own ByteLevel pre-tokenizer (GPT-2 regex) applies.
"""

import collections
import re

CORPUS = """
The detective gathered everyone in the library. "One of you killed Master Chen last night," she said.
The butler said he was polishing silver in the kitchen until midnight, and the maid confirmed it.
The young heir inherited the tea house, but his debts were larger than anyone knew.
Search round two: you may search the study, the garden, or the servants' quarters.
Vote now. Who is the murderer? The reveal follows the vote, then the debrief.
I was in the garden at eleven o'clock, I heard a scream from the second floor.
The clue is a torn letter, a broken watch stopped at 11:47, and a key that fits no door.
侦探把所有人召集到书房。"你们当中有人昨晚杀了陈老爷，"她说。
管家说他在厨房擦银器直到午夜，女仆证实了这一点。
年轻的继承人继承了茶馆，但他的债务比任何人知道的都多。
第二轮搜证：你可以搜查书房、花园或仆人房间。
现在投票。谁是凶手？投票之后是真相揭晓，然后是复盘。
我十一点在花园里，听到二楼传来一声尖叫。
线索是一封撕破的信、一块停在十一点四十七分的怀表，以及一把打不开任何门的钥匙。
剧本杀是一种多人推理游戏，每位玩家扮演一个角色，隐藏自己的秘密，寻找真凶。
"""

SPECIAL_TOKENS = ["<|endoftext|>", "<|im_start|>", "<|im_end|>"]

CHAT_TEMPLATE = (
    "{% for message in messages %}{{'<|im_start|>' + message['role'] + '\\n' + message['content'] + "
    "'<|im_end|>' + '\\n'}}{% endfor %}{% if add_generation_prompt %}{{ '<|im_start|>assistant\\n' }}{% endif %}"
)


def bytes_to_unicode():
    """GPT-2's reversible map from bytes to printable unicode characters."""
    bs = list(range(ord("!"), ord("~") + 1)) + list(range(ord("¡"), ord("¬") + 1)) + list(range(ord("®"), ord("ÿ") + 1))
    cs = bs[:]
    n = 0
    for b in range(256):
        if b not in bs:
            bs.append(b)
            cs.append(256 + n)
            n += 1
    return dict(zip(bs, [chr(c) for c in cs]))


def train(num_merges):
    byte_map = bytes_to_unicode()
    words = collections.Counter()
    for piece in re.findall(r" ?[A-Za-z]+| ?[0-9]+| ?[^\sA-Za-z0-9]+|\s+", CORPUS):
        words[tuple(byte_map[b] for b in piece.encode("utf-8"))] += 1
    vocab = {byte_map[b]: i for i, b in enumerate(sorted(byte_map))}
    merges = []
    for _ in range(num_merges):
        pairs = collections.Counter()
        for word, count in words.items():
            for a, b in zip(word, word[1:]):
                pairs[(a, b)] += count
        if not pairs:
            break
        # Ties broken by the pair itself so training is deterministic.
        (a, b), count = max(pairs.items(), key=lambda item: (item[1], item[0]))
        if count < 2:
            break
        merges.append((a, b))
        vocab[a + b] = len(vocab)
        merged = collections.Counter()
        for word, c in words.items():
            out = []
            i = 0
            while i < len(word):
                if i + 1 < len(word) and word[i] == a and word[i + 1] == b:
                    out.append(a + b)
                    i += 2
                else:
                    out.append(word[i])
                    i += 1
            merged[tuple(out)] += c
        words = merged
    return vocab, merges


def tokenizer_json(num_merges):
    vocab, merges = train(num_merges)
    return build_tokenizer_json(vocab, merges)


def build_tokenizer_json(vocab, merges, split_regex=None):
    """A Hugging Face tokenizer.json for byte-level BPE `vocab` and `merges`, with the chat special tokens. With
    `split_regex` the text is first split by that pattern (a `Split` pre-tokenizer, as Qwen2's tokenizer does),
    then byte-mapped; without, GPT-2's built-in regex splits it."""
    vocab = dict(vocab)
    added = []
    for token in SPECIAL_TOKENS:
        vocab[token] = len(vocab)
        added.append(
            {"id": vocab[token], "content": token, "single_word": False, "lstrip": False, "rstrip": False,
             "normalized": False, "special": True}
        )
    byte_level = {"type": "ByteLevel", "add_prefix_space": False, "trim_offsets": True, "use_regex": True}
    pre_tokenizer = byte_level
    if split_regex is not None:
        pre_tokenizer = {"type": "Sequence", "pretokenizers": [
            {"type": "Split", "pattern": {"Regex": split_regex}, "behavior": "Isolated", "invert": False},
            {**byte_level, "use_regex": False},
        ]}
    return {
        "version": "1.0",
        "truncation": None,
        "padding": None,
        "added_tokens": added,
        "normalizer": None,
        "pre_tokenizer": pre_tokenizer,
        "post_processor": None,
        "decoder": byte_level,
        "model": {
            "type": "BPE", "dropout": None, "unk_token": None, "continuing_subword_prefix": "",
            "end_of_word_suffix": "", "fuse_unk": False, "byte_fallback": False, "ignore_merges": False,
            "vocab": vocab, "merges": [f"{a} {b}" for a, b in merges],
        },
    }


def tokenizer_config(max_length):
    return {
        "tokenizer_class": "PreTrainedTokenizerFast",
        "bos_token": None,
        "eos_token": "<|im_end|>",
        "pad_token": "<|endoftext|>",
        "unk_token": None,
        "add_bos_token": False,
        "clean_up_tokenization_spaces": False,
        "model_max_length": max_length,
        "chat_template": CHAT_TEMPLATE,
    }
