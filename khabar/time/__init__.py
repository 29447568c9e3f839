"""Temporal expressions: dates, times, durations and sets with their TIMEX3 values.

``lexicon`` turns tokens into units tagged from the data files (months of every region, Hijri
months, weekdays, calendar nouns, relative words…); ``grammar`` reads expressions from the units
and resolves them against a ``context`` (publication date, last date mentioned, tense);
``values`` and ``hijri`` do the calendar arithmetic; ``analyser`` is the pipeline step.
"""
