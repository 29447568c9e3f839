"""The Arabic text layer: normalisation, sentences, tokens and clitic words."""
