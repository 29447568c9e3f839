"""Extractive summaries: the few sentences that say what the article is about."""
