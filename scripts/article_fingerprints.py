"""Write tests/site/article-fingerprints.txt: a hash of every 8-word run in the source articles.

The "own words" test (tests/site/test_content.py) needs the articles' word runs, but the
articles themselves live outside this repository (../shared/seeds/) and are not ours to
republish. Their fingerprints let the test run anywhere, e.g. on GitHub's runners; where the
articles are present, a test checks the fingerprints are up to date.
Run after the articles change:  .venv/bin/python scripts/article_fingerprints.py
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT.parent / "shared" / "seeds"
OUT = ROOT / "tests" / "site" / "article-fingerprints.txt"
RUN = 8  # words: no page may share a run this long with an article


def words(text: str) -> list[str]:
    """Lower-cased words with punctuation normalised (curly quotes, dashes, apostrophes)."""
    text = text.lower()
    text = text.translate(str.maketrans({"\u2019": "'", "\u2018": "'", "`": " "}))
    text = text.replace("'", "")  # you're == youre, whichever quote was used
    return re.findall(r"[a-z0-9]+", text)


def fingerprint(run: tuple[str, ...]) -> str:
    return hashlib.sha256(" ".join(run).encode()).hexdigest()[:16]


def runs(tokens: list[str], n: int = RUN) -> set[tuple[str, ...]]:
    return {tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1)}


def article_fingerprints(seeds: Path = SEEDS) -> dict[str, str]:
    """fingerprint -> the article's file name, for every 8-word run of every article."""
    found: dict[str, str] = {}
    for article in sorted(seeds.glob("*.txt")):
        for run in runs(words(article.read_text(encoding="utf-8"))):
            found.setdefault(fingerprint(run), article.name)
    return found


def render(found: dict[str, str]) -> str:
    header = "# sha256[:16] of each 8-word run of the articles; written by scripts/article_fingerprints.py\n"
    return header + "".join(f"{fp} {name}\n" for fp, name in sorted(found.items()))


def load(path: Path = OUT) -> dict[str, str]:
    found = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            fp, name = line.split()
            found[fp] = name
    return found


def main() -> None:
    if not SEEDS.is_dir():
        raise SystemExit(f"the articles are not at {SEEDS}")
    OUT.write_text(render(article_fingerprints()), encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
