"""Where the shared material is: ``../shared`` beside the repository (absent: those tests skip)."""

from pathlib import Path

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SEED = SHARED / "seed" / "resolution-on-assange.txt"
SEED_DOCX = SHARED / "seed" / "resolution-on-assange.docx"
CORPUS = SHARED / "corpus"
