"""Compare Thai word segmenters for ita_tui.thai (issue 17): load, speed, memory, boundaries.

    python bench/segmenters.py --python /path/to/venv/bin/python [--runs 5]
    python bench/segmenters.py --sizes          # install size of each, in fresh venvs

Each candidate runs in a fresh process of the given interpreter (which must have the
candidates installed: pythainlp, nlpo3, icu4py, budoux, newmm-tokenizer; a missing one is
reported and skipped; ita_tui.newmm is imported from this tree), rounds interleaved so
that all see the same machine.  A process
times its own start (imports and dictionary) to the first segmented word, then segments
every Thai text of the bundled checklist and the seed report (the texts frozen in
tests/data/thai_breaks.json), cut at spaces as ita_tui.thai does, five times over; it
reports the median pass, its peak RSS and the word boundaries it found.  Boundaries are
compared with pythainlp's newmm (what ita-tui used before): the share of its
boundaries found (recall) and the share of the candidate's that it also has (precision).

``--sizes`` makes a fresh venv per candidate and reports what ``pip install NAME`` adds
to site-packages (pip's own files excluded), plus the word list a candidate needs
shipped beside it (nlpo3 reads a file; ita-tui ships words_th.tsv, 1.5 MB).  The chosen
one, ita_tui.newmm, is measured by ``python bench/run.py --only install``.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
FROZEN = ROOT / "tests" / "data" / "thai_breaks.json"
WORDS = ROOT / "bench" / "out" / "words_th.txt"  # one word a line, for nlpo3 (made from ita_tui/data)

CANDIDATES = {
    "ita_tui.newmm (chosen)": "",
    "pythainlp newmm": "pythainlp",
    "pythainlp newmm, cached trie": "pythainlp",
    "nlpo3": "nlpo3",
    "icu4py (ICU)": "icu4py",
    "budoux": "budoux",
    "newmm-tokenizer": "newmm-tokenizer",
}

# Run in a fresh interpreter: argv = name, texts file, words file, trie cache file.
WORKER = r"""
import json, pickle, resource, sys, time
start = time.perf_counter()
name, texts_path, words_path, cache_path, root = sys.argv[1:6]
if name == "ita_tui.newmm (chosen)":
    sys.path.insert(0, root)
    from ita_tui.newmm import segment
    seg = segment
elif name == "pythainlp newmm":
    from pythainlp.tokenize import word_tokenize
    seg = lambda s: word_tokenize(s, engine="newmm", keep_whitespace=True)
elif name == "pythainlp newmm, cached trie":
    from pythainlp.tokenize import newmm
    with open(cache_path, "rb") as f:
        trie = pickle.load(f)
    seg = lambda s: newmm.segment(s, custom_dict=trie)
elif name == "nlpo3":
    from nlpo3 import load_dict, segment
    load_dict(words_path, "words")
    seg = lambda s: segment(s, "words")
elif name == "icu4py (ICU)":
    from icu4py.breakers import WordBreaker
    seg = lambda s: list(WordBreaker(s, "th"))
elif name == "budoux":
    import budoux
    parser = budoux.load_default_thai_parser()
    seg = parser.parse
elif name == "newmm-tokenizer":
    from newmm_tokenizer.tokenizer import word_tokenize
    seg = lambda s: word_tokenize(s, keep_whitespace=True)
seg("ทดสอบการตัดคำ")
load = time.perf_counter() - start
with open(texts_path, encoding="utf-8") as f:
    runs = json.load(f)
passes = []
for _ in range(5):
    t0 = time.perf_counter()
    found = [seg(run) for run in runs]
    passes.append(time.perf_counter() - t0)
bounds = []
for run, tokens in zip(runs, found):
    if "".join(tokens) != run:
        bounds.append(None)
        continue
    offsets, at = [], 0
    for token in tokens[:-1]:
        at += len(token)
        offsets.append(at)
    bounds.append(offsets)
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"load": load, "passes": passes, "rss": rss, "bounds": bounds}))
"""


def thai_runs() -> list[str]:
    """Every space-separated run containing Thai, of every frozen text (once each)."""
    texts = [entry["text"] for entry in json.loads(FROZEN.read_text("utf-8"))["texts"]]
    runs = [run for text in texts for run in text.split() if any("\u0e00" <= c <= "\u0e7f" for c in run)]
    return list(dict.fromkeys(runs))


def spread(values: list[float]) -> str:
    return f"{statistics.median(values):.3f} s ({min(values):.3f}–{max(values):.3f})"


def compare(python: str, rounds: int) -> None:
    runs = thai_runs()
    # nlpo3 reads one word a line: the shipped blocks joined back (see ita_tui/data/README.md).
    blocks = (ROOT / "ita_tui" / "data" / "words_th.tsv").read_text("utf-8").splitlines()
    WORDS.parent.mkdir(parents=True, exist_ok=True)
    WORDS.write_text("".join(word + "\n" for line in blocks for word in line.split("\t")[1:]), "utf-8")
    print(f"{len(runs)} Thai runs, {sum(map(len, runs))} characters; {rounds} rounds, interleaved\n")
    with tempfile.TemporaryDirectory(prefix="ita-seg-") as folder:
        texts = Path(folder) / "runs.json"
        texts.write_text(json.dumps(runs, ensure_ascii=False), "utf-8")
        cache = Path(folder) / "trie.pickle"
        subprocess.run(  # the cache the "cached trie" candidate reads, built once
            [python, "-c", "import pickle,sys\nfrom pythainlp.tokenize import word_dict_trie\n"
             "pickle.dump(word_dict_trie(), open(sys.argv[1], 'wb'), protocol=5)", str(cache)],
            check=False, capture_output=True,
        )  # fmt: skip
        results: dict[str, list[dict[str, object]]] = {name: [] for name in CANDIDATES}
        failed: dict[str, str] = {}
        for _ in range(rounds):
            for name in CANDIDATES:
                if name in failed:
                    continue
                done = subprocess.run(
                    [python, "-c", WORKER, name, str(texts), str(WORDS), str(cache), str(ROOT)],
                    capture_output=True,
                    text=True,
                    check=False,
                )
                if done.returncode:
                    failed[name] = done.stderr.strip().splitlines()[-1] if done.stderr else "failed"
                    continue
                results[name].append(json.loads(done.stdout))
    reference = results["pythainlp newmm"][0]["bounds"] if results["pythainlp newmm"] else None
    header = "candidate | load (median, min–max) | all runs, one pass | peak RSS | recall | precision"
    print(header)
    print("-" * len(header))
    for name, samples in results.items():
        if name in failed:
            print(f"{name} | not run: {failed[name]}")
            continue
        loads = [float(s["load"]) for s in samples]  # type: ignore[arg-type]
        passes = [statistics.median(s["passes"]) for s in samples]  # type: ignore[arg-type]
        rss = statistics.median(float(s["rss"]) for s in samples)  # type: ignore[arg-type]
        quality = _agreement(reference, samples[0]["bounds"]) if reference else "n/a"  # type: ignore[arg-type]
        print(f"{name} | {spread(loads)} | {spread(passes)} | {rss:.0f} MiB | {quality}")


def _agreement(reference: list[list[int] | None], found: list[list[int] | None]) -> str:
    same = ref_total = found_total = changed = 0
    for ref, got in zip(reference, found, strict=True):
        if ref is None or got is None:
            changed += 1
            continue
        same += len(set(ref) & set(got))
        ref_total += len(ref)
        found_total += len(got)
    text = f"{same / ref_total:.1%} | {same / found_total:.1%}"
    return text + (f" ({changed} runs changed the text)" if changed else "")


def sizes() -> None:
    """What `pip install NAME` adds to a fresh venv's site-packages, in MB."""
    for name in sorted(set(CANDIDATES.values()) - {""}):
        with tempfile.TemporaryDirectory(prefix="ita-size-") as folder:
            venv = Path(folder) / "venv"
            subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
            python = venv / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
            site = Path(
                subprocess.run(
                    [python, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
                    capture_output=True,
                    text=True,
                    check=True,
                ).stdout.strip()
            )
            before = _tree_size(site)
            done = subprocess.run(
                [python, "-m", "pip", "install", "-q", name], capture_output=True, text=True, check=False
            )
            if done.returncode:
                print(f"{name}: pip install failed: {done.stderr.strip()[-200:]}")
                continue
            added = (_tree_size(site) - before) / 1e6
            extra = " + the 1.5 MB word list, shipped by ita-tui" if name == "nlpo3" else ""
            print(f"{name}: {added:.1f} MB{extra}")


def _tree_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--python", default=sys.executable, help="interpreter with the candidates installed")
    parser.add_argument("--runs", type=int, default=5, help="rounds (fresh processes) per candidate")
    parser.add_argument("--sizes", action="store_true", help="measure install sizes in fresh venvs instead")
    args = parser.parse_args()
    if args.sizes:
        sizes()
    else:
        compare(args.python, args.runs)


if __name__ == "__main__":
    main()
