#!/usr/bin/env python3
"""Build assets/fonts/AirDeskSans-Regular.otf: a subset of Noto Sans CJK SC (OFL-1.1).

Covers ASCII, Latin-1, general punctuation, arrows, maths, geometric shapes, CJK punctuation,
full-width forms, the 6,763 GB2312 hanzi, every character of the national station list and every
non-ASCII character written in the project's sources, plans and sample data. Run it again whenever
the UI gains a character (the test `tests/font_coverage.rs` fails until you do).

Needs: Debian `fonts-noto-cjk` (face index 2 of NotoSansCJK-Regular.ttc is the SC face) and
`pip install fonttools`. Only maintainers who change the UI text need these; the built font is
committed.
"""
import pathlib
import subprocess
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parent.parent
SOURCE = pathlib.Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
FACE_SC = 2
OUT = ROOT / "assets" / "fonts" / "AirDeskSans-Regular.otf"

RANGES = [
    (0x0020, 0x007E),  # ASCII
    (0x00A0, 0x00FF),  # Latin-1 (°, µ, ³, ×, ÷)
    (0x0391, 0x03C9),  # Greek (μ in μg/m³, Δ)
    (0x2000, 0x206F),  # general punctuation (–, —, …, ‰)
    (0x2070, 0x209F),  # super- and subscripts (₂, ₃)
    (0x2100, 0x214F),  # letterlike (℃, №)
    (0x2190, 0x21FF),  # arrows
    (0x2200, 0x22FF),  # mathematical operators (≥, ≤, −)
    (0x2460, 0x24FF),  # enclosed numbers (①)
    (0x2500, 0x257F),  # box drawing
    (0x25A0, 0x25FF),  # geometric shapes (▲, ●, ■)
    (0x2600, 0x26FF),  # miscellaneous symbols (☀)
    (0x3000, 0x303F),  # CJK symbols and punctuation
    (0xFF00, 0xFFEF),  # half- and full-width forms
]


def gb2312_hanzi():
    """Every character of the GB2312 hanzi rows 16-87."""
    chars = []
    for hi in range(0xB0, 0xF8):
        for lo in range(0xA1, 0xFF):
            try:
                chars.append(bytes([hi, lo]).decode("gb2312"))
            except UnicodeDecodeError:
                pass
    return chars


def project_text():
    """Non-ASCII characters of the station list, sources, plans, sample data and docs."""
    chars = set()
    stations = ROOT / "tests" / "fixtures" / "stations" / "NewSiteList.csv"
    chars.update(stations.read_bytes().decode("gb18030"))
    patterns = ["src/**/*.rs", "assets/**/*.toml", "sample-data/**/*.csv", "sample-data/**/*.toml",
                "sample-data/**/*.md", "tests/**/*.rs", "README.md"]
    for pattern in patterns:
        for path in ROOT.glob(pattern):
            try:
                chars.update(path.read_text(encoding="utf-8"))
            except (UnicodeDecodeError, OSError):
                pass
    return {c for c in chars if ord(c) > 0x7E}


def main():
    if not SOURCE.exists():
        sys.exit(f"{SOURCE} not found: apt-get install fonts-noto-cjk")
    codepoints = set()
    for lo, hi in RANGES:
        codepoints.update(range(lo, hi + 1))
    codepoints.update(ord(c) for c in gb2312_hanzi())
    codepoints.update(ord(c) for c in project_text())
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as f:
        f.write(",".join(f"U+{cp:04X}" for cp in sorted(codepoints)))
        unicodes = f.name
    OUT.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [sys.executable, "-m", "fontTools.subset", str(SOURCE), f"--font-number={FACE_SC}",
         f"--unicodes-file={unicodes}", f"--output-file={OUT}", "--layout-features=*",
         "--no-hinting", "--desubroutinize", "--name-IDs=*", "--name-languages=*"],
        check=True,
    )
    # A modified version gets its own family name (OFL-1.1 good practice).
    from fontTools.ttLib import TTFont
    font = TTFont(OUT)
    # Noto Sans CJK has no U+FFFD REPLACEMENT CHARACTER, which decoders put where bytes were not
    # valid text and which the load report then shows. Map it to the glyph of U+25C6 BLACK
    # DIAMOND, the shape the replacement character is drawn on.
    for table in font["cmap"].tables:
        if table.isUnicode() and 0x25C6 in table.cmap:
            table.cmap[0xFFFD] = table.cmap[0x25C6]
    for record in font["name"].names:
        if record.nameID in (1, 4, 16):
            record.string = "AirDesk Sans"
        elif record.nameID == 6:
            record.string = "AirDeskSans-Regular"
        elif record.nameID == 3:
            record.string = "AirDeskSans-Regular;subset of Noto Sans CJK SC 2.004"
    font.save(OUT)
    print(f"{OUT}: {OUT.stat().st_size / 1e6:.1f} MB, {len(codepoints)} code points requested")


if __name__ == "__main__":
    main()
