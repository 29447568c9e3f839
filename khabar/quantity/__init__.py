"""Quantities: counted and measured amounts, money and percentages."""
