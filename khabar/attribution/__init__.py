"""Attribution: who said what, on whose authority.

Fills ``analysis.quotes`` (``khabar.analysis/1``): every attributed statement — direct (in
quotation marks), indirect («قال إن…», «بحسب…») or mixed — with its cue, its speaker (a named
entity, or a description, anonymous or not, with the reason given), whoever relayed it (``via``)
and the medium («في بيان»). The cue lexicon and word lists are data files in
``khabar/data/ar/`` (``cues``, ``speech_sources``, ``speech_context``, ``anonymity``,
``media``).
"""

from __future__ import annotations

from .analyser import AttributionAnalyser

__all__ = ["AttributionAnalyser"]
