"""French language analysis: syllables, sentences, keyword matching, passive voice, connectors."""
