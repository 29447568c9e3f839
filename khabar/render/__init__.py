"""Renderings of an analysis for people: a text report and a standalone HTML page."""
