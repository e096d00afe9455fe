"""Sales handbook generator: load → model → check → render → build / publish / export."""

__version__ = "0.1.0"
