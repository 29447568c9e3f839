"""Named entities: a trained tagger, clean mentions, coreference, roles and nationalities.

The pipeline step is :class:`khabar.ner.analyser.EntityAnalyser` (registry name ``entities``).
:func:`khabar.ner.nationality.country_of` tells the country a phrase's nationality adjective
points to («مسؤول دفاعي أميركي» → US).
"""
