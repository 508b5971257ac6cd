# SPDX-FileCopyrightText: 2016-2026 PyThaiNLP Project (the algorithm and the rules below)
# SPDX-License-Identifier: Apache-2.0
"""Thai word segmentation: PyThaiNLP's newmm, with a dictionary that loads in milliseconds.

newmm is dictionary-based maximal matching constrained by Thai Character Cluster
(TCC) boundaries.  This module is a port of PyThaiNLP 5.4's
``pythainlp/tokenize/newmm.py`` and ``tcc_p.py`` (Apache License 2.0, see
``ita_tui/data/LICENSE-pythainlp.txt``), giving the same words with the same word
list, with two changes that do not change a single boundary:

* The dictionary is PyThaiNLP's ``words_th.txt`` (CC0) kept **sorted**, in blocks of
  the words that share their first two characters, searched with ``bisect``, instead
  of a trie of node objects.  PyThaiNLP builds its trie in 0.6–1.6 s a process; this
  reads one file (about 1 ms) and splits a block into words when a text first needs
  it.  ``prefixes`` walks a block the way a trie walk goes down its nodes.
* TCCs are matched in place (``pattern.match(text, pos)``) instead of on a copy of the
  rest of the text, so a long run without spaces costs linear time, not quadratic.

Pure: no Rich, no Textual.  See ``docs/thai.md`` for why this was chosen over nlpo3,
ICU and the others, with the figures.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterable, Iterator
from functools import lru_cache
from heapq import heappop, heappush
from pathlib import Path

__all__ = ["Dictionary", "segment", "syllables", "words"]


class Dictionary:
    """A word list, sorted by code point, searched by prefix.

    Kept in blocks of the words that share their first two characters (a one-character
    word is a block of its own).  A block is split into words the first time a text
    needs it: a short text touches a few hundred of the 1,158 blocks of the word list,
    and loading costs a read and a split into blocks instead of 62,106 strings.
    """

    def __init__(self, lines: list[bytes]) -> None:
        """*lines*: the blocks as the shipped files hold them (see :meth:`from_file`)."""
        # The first two characters → the block's line, still UTF-8: only the blocks a
        # text needs are decoded and split (decoding the whole file alone took ~6 ms).
        self._lines = {line[: line.index(b"\t")].decode("utf-8"): line for line in lines if line}
        self._split: dict[str, list[str]] = {}

    @classmethod
    def from_words(cls, words: Iterable[str]) -> Dictionary:
        """A dictionary of *words* (in any order)."""
        blocks: dict[str, list[str]] = {}
        for word in sorted(set(words)):
            blocks.setdefault(word[:2], []).append(word)
        return cls(["\t".join([key, *block]).encode("utf-8") for key, block in blocks.items()])

    @classmethod
    def from_file(cls, data: bytes) -> Dictionary:
        """The shipped form (``ita_tui/data/*.tsv``): a line a block, ``key<TAB>word<TAB>word…``."""
        return cls(data.split(b"\n"))

    def _block(self, key: str) -> list[str]:
        block = self._split.get(key)
        if block is None:
            line = self._lines.get(key)
            block = line.decode("utf-8").split("\t")[1:] if line is not None else []
            self._split[key] = block
        return block

    def __len__(self) -> int:
        return sum(line.count(b"\t") for line in self._lines.values())

    def __contains__(self, word: str) -> bool:
        block = self._block(word[:2])
        at = bisect_left(block, word)
        return at < len(block) and block[at] == word

    def prefixes(self, text: str, start: int) -> list[int]:
        """The lengths of the words that *text* has at *start*, shortest first.

        Like a trie walk: each step finds the first word of the block not below
        ``text[start:end]`` (searching on from the last step's, as the prefixes only
        grow); when that word does not start with the prefix, no word does.
        """
        found = [1] if self._block(text[start]) else []
        if start + 2 > len(text):
            return found
        words = self._block(text[start : start + 2])
        size = len(words)
        lo = 0
        for end in range(start + 2, len(text) + 1):
            prefix = text[start:end]
            lo = bisect_left(words, prefix, lo, size)
            if lo == size:
                break
            word = words[lo]
            if word == prefix:
                found.append(end - start)
            elif not word.startswith(prefix):
                break
        return found


# The lists ship as package data beside this module.  Read as plain files:
# importlib.resources would import zipfile, shutil and tempfile first (~7 ms).
_DATA = Path(__file__).resolve().parent / "data"


@lru_cache(maxsize=1)
def words() -> Dictionary:
    """PyThaiNLP's Thai word list (``words_th.txt``, CC0), loaded once."""
    return Dictionary.from_file((_DATA / "words_th.tsv").read_bytes())


@lru_cache(maxsize=1)
def syllables() -> Dictionary:
    """PyThaiNLP's Thai syllable list (``syllables_th.txt``, CC0, from KUCut), loaded once."""
    return Dictionary.from_file((_DATA / "syllables_th.tsv").read_bytes())


# --------------------------------------------------------------------------
# Thai Character Clusters (PyThaiNLP tcc_p.py: Theeramunkong et al. 2000, with the
# improved rules newmm uses)
# --------------------------------------------------------------------------

_TCC_RULES = """\
เc็ck
เcctาะk
เccีtยะk
เccีtย(?=[เ-ไก-ฮ]|$)k
เcc็ck
เcิc์ck
เcิtck
เcีtยะ?k
เcืtอะ?k
เc[ิีุู]tย(?=[เ-ไก-ฮ]|$)k
เctา?ะ?k
cัtวะk
c[ัื]tc[ุิะ]?k
c[ิุู]์
c[ะ-ู]tk
cรรc์
c็
ct[ะาำ]?k
ck
แc็c
แcc์
แctะ
แcc็c
แccc์
โctะ
[เ-ไ]ct
ก็
อึ
หึ
"""
_TCC = re.compile(
    "|".join(
        _TCC_RULES.replace("k", "(cc?[dิ]?[์])?")
        .replace("c", "[ก-ฮ]")
        .replace("t", "[่-๋]?")
        .replace("d", "ุู")  # the lower vowels
        .split()
    )
)


def tcc_boundaries(text: str) -> bytearray:
    """``result[i] == 1`` where a Thai Character Cluster ends at offset *i* (length len+1)."""
    ends = bytearray(len(text) + 1)
    position = 0
    match = _TCC.match
    while position < len(text):
        found = match(text, position)
        position = found.end() if found and found.end() > position else position + 1
        ends[position] = 1
    return ends


# --------------------------------------------------------------------------
# newmm (PyThaiNLP newmm.py, non-safe mode, which word_tokenize(engine="newmm") uses)
# --------------------------------------------------------------------------

_NON_THAI = re.compile(
    r"""(?x)
[-a-zA-Z]+|        # Latin characters
\d+([,\.]\d+)*|    # numbers
[ \t]+|            # spaces
\r?\n|             # newlines
[^\u0E00-\u0E7F \t\r\n]+  # other non-Thai characters, and stops matching until space/newline
"""
)
_THAI_TWO_CHARS = re.compile("[ก-ฮ]{,2}$")
# newmm stops exploring ambiguous paths after this many graph edges (exponential otherwise).
_MAX_GRAPH_SIZE = 50


def segment(text: str, dictionary: Dictionary | None = None) -> list[str]:
    """*text* cut into words by newmm (``"".join(result) == text``).

    The default dictionary is :func:`words`.
    """
    if not text:
        return []
    return list(_one_cut(text, words() if dictionary is None else dictionary))


def _bfs_paths(graph: dict[int, list[int]], start: int, goal: int) -> list[int]:
    """The first (shortest) path from *start* to *goal*, breadth first."""
    visited = {start}
    queue = [(start, [start])]
    while queue:
        vertex, path = queue.pop(0)
        for position in graph[vertex]:
            if position == goal:
                return [*path, position]
            if position not in visited:
                visited.add(position)
                queue.append((position, [*path, position]))
    raise AssertionError("newmm: no path to the only candidate")  # pragma: no cover - cannot happen


def _one_cut(text: str, dictionary: Dictionary) -> Iterator[str]:
    graph: defaultdict[int, list[int]] = defaultdict(list)
    graph_size = 0  # edges since the last unambiguous point: too many forces a cut
    valid = tcc_boundaries(text)
    length = len(text)
    candidates = [0]  # a heap of positions where a word may start
    end = 0
    while candidates[0] < length:
        begin = heappop(candidates)
        for size in dictionary.prefixes(text, begin):
            stop = begin + size
            if valid[stop]:
                graph[begin].append(stop)
                graph_size += 1
                if stop not in candidates:
                    heappush(candidates, stop)
                if graph_size > _MAX_GRAPH_SIZE:
                    break
        if len(candidates) == 1:  # one candidate: no longer ambiguous
            for position in _bfs_paths(graph, end, candidates[0])[1:]:
                yield text[end:position]
                end = position
            graph_size = 0
            graph.clear()
        elif not candidates:  # no word here: an unknown word, up to where a known one starts
            end = _skip_end(text, begin, valid, dictionary)
            graph_size = 0
            graph.clear()
            yield text[begin:end]
            heappush(candidates, end)


def _skip_end(text: str, begin: int, valid: bytearray, dictionary: Dictionary) -> int:
    """Where an out-of-dictionary word starting at *begin* ends."""
    found = _NON_THAI.match(text, begin)
    if found:  # a non-Thai token: skip to its end
        return found.end()
    for position in range(begin + 1, len(text)):
        if not valid[position]:
            continue
        for size in dictionary.prefixes(text, position):
            if valid[position + size] and not _THAI_TWO_CHARS.match(text, position, position + size):
                return position  # a Thai word of more than two letters starts here
        if _NON_THAI.match(text, position):
            return position
    return len(text)
