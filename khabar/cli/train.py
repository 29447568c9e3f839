"""``khabar train``: rebuild a shipped model from the corpora in ../shared/data."""

from __future__ import annotations

import argparse
import importlib
from pathlib import Path

from ..errors import InputError
from ..resources import data_path
from ..train import TRAINERS


def default_data_dir() -> Path:
    """``../shared/data`` next to the project checkout (or the working directory)."""
    for base in (Path.cwd(), data_path().parent):
        candidate = base.parent / "shared" / "data"
        if candidate.is_dir():
            return candidate
    return Path.cwd().parent / "shared" / "data"


def add_parser(subparsers: argparse._SubParsersAction) -> argparse.ArgumentParser:
    parser = subparsers.add_parser(
        "train", help="rebuild a shipped model from the training corpora",
        description="Rebuild one of the models shipped in khabar/models/ (see docs/models.md).",
    )
    parser.add_argument("model", choices=sorted(TRAINERS) or None, help="which model")
    parser.add_argument("--data", type=Path, default=None,
                        help="folder of the corpora (default: ../shared/data)")
    parser.add_argument("--out", type=Path, default=None,
                        help="where to write the model (default: khabar/models/)")
    parser.add_argument("--seed", type=int, default=13, help="random seed (default: 13)")
    return parser


def run(args: argparse.Namespace) -> int:
    args.data = args.data or default_data_dir()
    if not args.data.is_dir():
        raise InputError("training corpora not found (give --data)", str(args.data))
    args.out = args.out or data_path("models")
    args.out.mkdir(parents=True, exist_ok=True)
    module_name, _, function = TRAINERS[args.model].partition(":")
    return getattr(importlib.import_module(module_name), function)(args)
