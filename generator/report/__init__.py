"""Reporters: turn diagnostics into text for people or JSON for tools."""
