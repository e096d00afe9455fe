"""Page contexts: the model turned into plain data, one function per kind of page."""
