"""How the model is shown to readers, shared by the site's pages and the exported files.

The words of the page frame in each language (:mod:`labels`), links between pages
(:mod:`links`), escaping author text for Markdown (:mod:`escape`), readable numbers
(:mod:`numbers`) and the Jinja environment with its templates (:mod:`environment`).
It depends on the model only: ``render`` (the site) and ``export`` (files for other
tools) both build on it, and neither reaches into the other.
"""
