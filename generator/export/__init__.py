"""Exports: the handbook's data in formats other tools read."""
