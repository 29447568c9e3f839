"""Third-person forms of a verb of saying, with their gender and number.

The cue lexicon (``khabar/data/ar/cues.yaml``) gives each verb as its 3rd person masculine
singular perfect and imperfect (قال / يقول) and its participle stem (مضيف); the forms news text
uses are made from them here: قالت، قالوا، قالا، قالتا — تقول، يقولون، يقولان — مضيفا، مضيفة،
مضيفين. Forms are in their written (unnormalised) spelling; the lexicon normalises them.
"""

from __future__ import annotations

from typing import Literal

Gender = Literal["m", "f"]
Number = Literal["s", "d", "p"]
#: ``(form, tense, gender, number)``; ``tense`` is ``past``, ``present`` or ``participle``.
Form = tuple[str, str, Gender | None, Number]

_WEAK_FINAL = ("ى", "ا", "ي")


def past_forms(past: str) -> list[Form]:
    """3rd person perfect forms of ``past`` (3ms): قال → قالت، قالوا، قالا، قالتا."""
    out: list[Form] = [(past, "past", "m", "s")]
    if past.endswith(_WEAK_FINAL):  # نفى → نفت، نفوا، نفيا، نفتا
        base = past[:-1]
        out += [(base + "ت", "past", "f", "s"), (base + "وا", "past", "m", "p"),
                (base + "يا", "past", "m", "d"), (base + "تا", "past", "f", "d")]
    else:
        out += [(past + "ت", "past", "f", "s"), (past + "وا", "past", "m", "p"),
                (past + "ا", "past", "m", "d"), (past + "تا", "past", "f", "d")]
    return out


def present_forms(present: str) -> list[Form]:
    """3rd person imperfect forms of ``present`` (3ms): يقول → تقول، يقولون، يقولان، تقولان."""
    if not present.startswith("ي"):
        return [(present, "present", "m", "s")]
    stem = present[1:]
    out: list[Form] = [(present, "present", "m", "s"), ("ت" + stem, "present", "f", "s")]
    if present.endswith(_WEAK_FINAL):  # ينفي → ينفون، ينفيان; يرى → يرون، يريان
        base = present[:-1]
        out += [(base + "ون", "present", "m", "p"), (base + "يان", "present", "m", "d"),
                ("ت" + base[1:] + "يان", "present", "f", "d")]
    else:
        out += [(present + "ون", "present", "m", "p"), (present + "ان", "present", "m", "d"),
                ("ت" + stem + "ان", "present", "f", "d")]
    return out


def participle_forms(stem: str) -> list[Form]:
    """Accusative participle forms (حال) of ``stem``: مضيف → مضيفا، مضيفة، مضيفين، مضيفات."""
    if stem.endswith("ي"):  # مدعي → مدعيا، مدعية، مدعين
        base = stem[:-1]
        return [(stem + "ا", "participle", "m", "s"), (stem + "ة", "participle", "f", "s"),
                (base + "ين", "participle", "m", "p"), (stem + "ات", "participle", "f", "p")]
    return [(stem + "ا", "participle", "m", "s"), (stem + "ة", "participle", "f", "s"),
            (stem + "ين", "participle", "m", "p"), (stem + "ات", "participle", "f", "p")]
