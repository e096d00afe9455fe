"""Building the site with MkDocs and previewing it; MkDocs itself does the rendering."""
