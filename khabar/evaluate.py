"""Scoring analyses against hand-annotated ``khabar.gold/1`` files.

The rules are those of ``../shared/gold/README.md``:

- entities: exact span and type of each mention (PER, ORG, LOC), micro P/R/F1;
- quotes: a predicted quote matches a gold one when the Jaccard overlap of the letters and digits
  of their contents is at least 0.5 (one-to-one); it is correctly attributed when its speaker
  name, or its speaker entity's name, equals the gold speaker after orthographic normalisation —
  or, for an anonymous gold speaker, when the predicted speaker span overlaps the gold one;
- times and quantities: a span matches on any overlap (one-to-one); the value (and ``mod``) must
  then be equal too;
- roles (khabar's addition): the exact span, on the entity of the same name.

A gold file with ``"annotated": [...]`` is scored only on those layers («roles» among them when
its roles are exhaustive); one without is scored on all.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import GoldError, InputError
from .readers import decode, parse_published
from .text.normalize import normalize

GOLD_FORMAT = "khabar.gold/1"
SCORED_ENTITY_TYPES = ("PER", "ORG", "LOC")
QUOTE_MATCH = 0.5


@dataclass
class Count:
    """True positives, predictions and gold items; P/R/F1 from them."""

    tp: int = 0
    pred: int = 0
    gold: int = 0

    def add(self, other: Count) -> None:
        self.tp += other.tp
        self.pred += other.pred
        self.gold += other.gold

    def as_dict(self) -> dict[str, float | int]:
        p = self.tp / self.pred if self.pred else (1.0 if not self.gold else 0.0)
        r = self.tp / self.gold if self.gold else (1.0 if not self.pred else 0.0)
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4),
                "tp": self.tp, "predicted": self.pred, "gold": self.gold}


METRICS = (
    "entities", "entities.PER", "entities.ORG", "entities.LOC", "roles",
    "quotes.content", "quotes.attribution", "times.span", "times.value",
    "quantities.span", "quantities.value",
)


def _check(cond: bool, message: str, where: str) -> None:
    if not cond:
        raise GoldError(f"{where}: {message}")


def load_gold(path: str) -> dict[str, Any]:
    """A gold file, checked against ``khabar.gold/1``."""
    try:
        data = Path(path).read_bytes()
    except FileNotFoundError:
        raise InputError("no such file", path) from None
    except IsADirectoryError:
        raise InputError("is a folder, not a gold file", path) from None
    try:
        gold = json.loads(decode(data, path))
    except json.JSONDecodeError as exc:
        raise GoldError(f"{path}: invalid JSON ({exc.msg}, line {exc.lineno})") from None
    _check(isinstance(gold, dict) and gold.get("format") == GOLD_FORMAT,
           f'not a {GOLD_FORMAT} file (no "format": "{GOLD_FORMAT}")', path)
    text = gold.get("text")
    _check(isinstance(text, str) and bool(text), '"text" missing or empty', path)
    n = len(text)

    def span(value: Any, where: str) -> tuple[int, int]:
        ok = (isinstance(value, list) and len(value) == 2
              and all(isinstance(v, int) for v in value) and 0 <= value[0] < value[1] <= n)
        _check(ok, f"{value!r} is not a [start, end) span inside the text", where)
        return value[0], value[1]

    for i, entity in enumerate(gold.get("entities", [])):
        where = f"{path}: entities[{i}]"
        _check(entity.get("type") in ("PER", "ORG", "LOC", "MISC"), "bad type", where)
        for j, mention in enumerate(entity.get("mentions", [])):
            span(mention, f"{where}.mentions[{j}]")
    for i, quote in enumerate(gold.get("quotes", [])):
        where = f"{path}: quotes[{i}]"
        span(quote.get("content"), f"{where}.content")
        _check(isinstance(quote.get("speaker"), str), '"speaker" must be a string', where)
        if quote.get("speaker_span") is not None:
            span(quote["speaker_span"], f"{where}.speaker_span")
    for key in ("times", "quantities"):
        for i, item in enumerate(gold.get(key, [])):
            span(item.get("span"), f"{path}: {key}[{i}].span")
    if gold.get("published"):
        parse_published(gold["published"], f"{path}: published")
    return gold


def _greedy(pairs: Iterable[tuple[float, int, int]]) -> list[tuple[int, int]]:
    """One-to-one matching, best score first: (pred index, gold index) pairs."""
    used_p: set[int] = set()
    used_g: set[int] = set()
    out: list[tuple[int, int]] = []
    for _, p, g in sorted(pairs, key=lambda x: (-x[0], x[1], x[2])):
        if p not in used_p and g not in used_g:
            used_p.add(p)
            used_g.add(g)
            out.append((p, g))
    return out


def _key(name: str | None) -> str:
    return " ".join(normalize(name or "").split())


def _same_name(a: str | None, b: str | None) -> bool:
    return bool(a and b) and _key(a) == _key(b)


def _clip(text: str, start: int, end: int, limit: int = 60) -> str:
    piece = " ".join(text[start:end].split())
    return piece if len(piece) <= limit else piece[: limit - 1] + "…"


def score(gold: dict[str, Any], analysis: dict[str, Any],
          errors: list[str] | None = None) -> dict[str, Count]:
    """Counts for one gold file and the ``khabar.analysis/1`` dict predicted for it; each miss,
    false alarm and wrong value is described in ``errors`` when a list is given."""
    text = gold["text"]
    counts = {name: Count() for name in METRICS}
    annotated = gold.get("annotated")
    layers = set(annotated) if isinstance(annotated, list) else None
    found: list[str] = []

    def report(layer: str, message: str) -> None:
        if layers is None or layer in layers:
            found.append(message)

    # Entities: exact span and type.
    gold_mentions = {(m[0], m[1], e["type"]) for e in gold.get("entities", [])
                     if e["type"] in SCORED_ENTITY_TYPES for m in e.get("mentions", [])}
    pred_mentions = {(m["start"], m["end"], e["type"]) for e in analysis.get("entities", [])
                     if e["type"] in SCORED_ENTITY_TYPES for m in e.get("mentions", [])}
    for name, kind in [("entities", None)] + [(f"entities.{t}", t) for t in SCORED_ENTITY_TYPES]:
        g = {m for m in gold_mentions if kind is None or m[2] == kind}
        p = {m for m in pred_mentions if kind is None or m[2] == kind}
        counts[name] = Count(len(g & p), len(p), len(g))
    for label, items in (("missed", gold_mentions - pred_mentions),
                         ("extra", pred_mentions - gold_mentions)):
        for start, end, kind in sorted(items):
            report("entities", f"entity {label}: {kind} «{_clip(text, start, end)}» "
                               f"[{start}, {end})")

    # Roles (added by khabar; not in the contract's rules): exact span, for the entity of the
    # same name.
    gold_roles = {(_key(r["entity"]), r["role"][0], r["role"][1]) for r in gold.get("roles", [])}
    pred_roles = {(_key(e.get("name")), r["start"], r["end"])
                  for e in analysis.get("entities", []) for r in e.get("roles", [])}
    counts["roles"] = Count(len(gold_roles & pred_roles), len(pred_roles), len(gold_roles))
    for label, items in (("missed", gold_roles - pred_roles), ("extra", pred_roles - gold_roles)):
        for name, start, end in sorted(items, key=lambda x: x[1]):
            report("roles", f"role {label}: «{_clip(text, start, end)}» of {name} "
                            f"[{start}, {end})")

    # Quotes: content overlap of letters and digits, then the speaker.
    alnum = [0]
    for ch in text:
        alnum.append(alnum[-1] + ch.isalnum())

    def letters(s: int, e: int) -> int:
        s, e = max(0, min(s, len(text))), max(0, min(e, len(text)))
        return alnum[e] - alnum[s] if e > s else 0

    gold_quotes = gold.get("quotes", [])
    pred_quotes = analysis.get("quotes", [])
    pairs = []
    for pi, pq in enumerate(pred_quotes):
        for gi, gq in enumerate(gold_quotes):
            gs, ge = gq["content"]
            inter = letters(max(pq["start"], gs), min(pq["end"], ge))
            union = letters(pq["start"], pq["end"]) + letters(gs, ge) - inter
            jaccard = inter / union if union else 0.0
            if jaccard >= QUOTE_MATCH:
                pairs.append((jaccard, pi, gi))
    matched = _greedy(pairs)
    entity_names = {e["id"]: e["name"] for e in analysis.get("entities", [])}
    attributed = 0
    for pi, gi in matched:
        speaker = pred_quotes[pi].get("speaker") or {}
        gq = gold_quotes[gi]
        ok = _same_name(speaker.get("name"), gq["speaker"]) or _same_name(
            entity_names.get(speaker.get("entity")), gq["speaker"])
        if not ok and gq.get("anonymous") and gq.get("speaker_span") and \
                speaker.get("start") is not None and speaker.get("end") is not None:
            gs, ge = gq["speaker_span"]
            ok = speaker["start"] < ge and gs < speaker["end"]
        attributed += ok
        if not ok:
            who = speaker.get("name") or entity_names.get(speaker.get("entity")) or "nobody"
            report("quotes", f"quote «{_clip(text, *gq['content'])}»: speaker «{who}», "
                             f"gold «{gq['speaker']}»")
    for gi in sorted(set(range(len(gold_quotes))) - {g for _, g in matched}):
        q = gold_quotes[gi]
        report("quotes", f"quote missed: «{_clip(text, *q['content'])}» ({q['speaker']})")
    for pi in sorted(set(range(len(pred_quotes))) - {p for p, _ in matched}):
        q = pred_quotes[pi]
        report("quotes", f"quote extra: «{_clip(text, q['start'], q['end'])}»")
    counts["quotes.content"] = Count(len(matched), len(pred_quotes), len(gold_quotes))
    counts["quotes.attribution"] = Count(attributed, len(pred_quotes), len(gold_quotes))

    # Times and quantities: any overlap, then the value.
    for key, same in (("times", _same_time), ("quantities", _same_quantity)):
        gold_items = gold.get(key, [])
        pred_items = analysis.get(key, [])
        pairs = []
        for pi, p in enumerate(pred_items):
            for gi, g in enumerate(gold_items):
                gs, ge = g["span"]
                overlap = min(p["end"], ge) - max(p["start"], gs)
                if overlap > 0:
                    pairs.append((overlap, pi, gi))
        matched = _greedy(pairs)
        right = sum(1 for pi, gi in matched if same(pred_items[pi], gold_items[gi]))
        noun = key[:-1] if key == "times" else "quantity"
        for pi, gi in matched:
            p, g = pred_items[pi], gold_items[gi]
            if not same(p, g):
                report(key, f"{noun} «{_clip(text, *g['span'])}»: value {_value(p)}, "
                            f"gold {_value(g)}")
        for gi in sorted(set(range(len(gold_items))) - {g for _, g in matched}):
            g = gold_items[gi]
            report(key, f"{noun} missed: «{_clip(text, *g['span'])}» ({_value(g)})")
        for pi in sorted(set(range(len(pred_items))) - {p for p, _ in matched}):
            p = pred_items[pi]
            report(key, f"{noun} extra: «{_clip(text, p['start'], p['end'])}» ({_value(p)})")
        counts[f"{key}.span"] = Count(len(matched), len(pred_items), len(gold_items))
        counts[f"{key}.value"] = Count(right, len(pred_items), len(gold_items))
    if layers is not None:
        # A gold file that annotates only some layers («"annotated": ["times", "quantities"]»)
        # is not scored on the others.
        for name in counts:
            if name.split(".")[0] not in layers:
                counts[name] = Count()
    if errors is not None:
        errors.extend(found)
    return counts


def _value(item: dict[str, Any]) -> str:
    value = item.get("value")
    mod = item.get("mod")
    return f"{value}" + (f" {mod}" if mod else "")


def _same_time(pred: dict[str, Any], gold: dict[str, Any]) -> bool:
    return pred.get("value") == gold.get("value") and pred.get("mod") == gold.get("mod")


def _same_quantity(pred: dict[str, Any], gold: dict[str, Any]) -> bool:
    p, g = pred.get("value"), gold.get("value")
    return isinstance(p, int | float) and isinstance(g, int | float) and abs(p - g) < 1e-9


def _load_predictions(path: str) -> tuple[dict[str, dict], dict[str, dict]]:
    by_id: dict[str, dict] = {}
    by_text: dict[str, dict] = {}
    try:
        lines = Path(path).read_bytes().splitlines()
    except FileNotFoundError:
        raise InputError("no such file", path) from None
    for number, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        try:
            item = json.loads(decode(raw, f"{path}:{number}"))
        except json.JSONDecodeError as exc:
            raise InputError(f"invalid JSON ({exc.msg})", f"{path}:{number}") from None
        if item.get("id") is not None:
            by_id[str(item["id"])] = item
        if isinstance(item.get("text"), str):
            by_text[item["text"]] = item
    return by_id, by_text


def evaluate_files(paths: list[str], predictions: str | None = None) -> dict[str, Any]:
    """Scores over ``paths`` (micro-averaged) and for each file."""
    from .analyze import analyze
    from .model import Article

    golds = [(path, load_gold(path)) for path in paths]
    by_id, by_text = _load_predictions(predictions) if predictions else ({}, {})
    total = {name: Count() for name in METRICS}
    per_file = []
    for path, gold in golds:
        if predictions:
            analysis = by_id.get(str(gold.get("id"))) or by_text.get(gold["text"])
            if analysis is None:
                raise InputError(f"no prediction for {path} (by id or text)", predictions)
        else:
            published = parse_published(gold["published"]) if gold.get("published") else None
            article = Article(gold["text"], id=gold.get("id"), published=published)
            analysis = analyze(article).to_dict(include_tokens=False)
        errors: list[str] = []
        counts = score(gold, analysis, errors)
        for name, count in counts.items():
            total[name].add(count)
        per_file.append({"file": path, **{k: v.as_dict() for k, v in counts.items()},
                         "errors": errors})
    return {"files": len(golds), **{k: v.as_dict() for k, v in total.items()},
            "per_file": per_file}


def format_report(result: dict[str, Any], per_file: bool = False,
                  errors: bool = False) -> str:
    """The scores as a table (``per_file``: each file's too; ``errors``: each file's misses,
    false alarms and wrong values)."""
    lines = [f"{result['files']} gold file(s)", "",
             f"{'metric':22} {'P':>7} {'R':>7} {'F1':>7} {'tp':>6} {'pred':>6} {'gold':>6}"]

    def rows(scores: dict[str, Any], indent: str = "") -> None:
        for name in METRICS:
            s = scores[name]
            if not s["gold"] and not s["predicted"]:
                continue  # nothing annotated and nothing found: no score to give
            lines.append(f"{indent}{name:22} {s['precision']:7.3f} {s['recall']:7.3f} "
                         f"{s['f1']:7.3f} {s['tp']:6} {s['predicted']:6} {s['gold']:6}")

    rows(result)
    for item in result["per_file"]:
        if per_file or (errors and item["errors"]):
            lines += ["", item["file"]]
        if per_file:
            rows(item, "  ")
        if errors:
            lines.extend(f"  - {e}" for e in item["errors"])
    return "\n".join(lines) + "\n"
