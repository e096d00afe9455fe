"""Built pages lose the theme's indentation, and nothing a reader sees changes."""

from __future__ import annotations

from pathlib import Path

from generator.build.compact import compact, compact_pages


def test_runs_of_white_space_with_a_line_break_become_one_line_break() -> None:
    html = "<nav>\n      <ul>\n        <li>\n          Home\n        </li>\n      </ul>\n    </nav>"
    assert compact(html) == "<nav>\n<ul>\n<li>\nHome\n</li>\n</ul>\n</nav>"


def test_verbatim_elements_tags_and_no_break_spaces_are_kept() -> None:
    kept = [
        "<pre><code>a\n    indented\n</code></pre>",
        "<textarea>\n  typed\n</textarea>",
        "<script>\n  var a = 1;\n</script>",
        "<style>\n  p { color: red }\n</style>",
        '<p title="two\n   lines">',
        "<!-- a\n   comment -->",
    ]
    for piece in kept:
        assert compact(f"<div>\n  {piece}\n  </div>") == f"<div>\n{piece}\n</div>", piece
    assert compact("<p>\u00a0\n   x</p>") == "<p>\u00a0\nx</p>"  # a no-break space shows: kept
    assert compact("<p>a  b</p>") == "<p>a  b</p>"  # no line break: left alone


def test_compact_pages_rewrites_only_html(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    page, data = tmp_path / "a" / "index.html", tmp_path / "a" / "data.json"
    page.write_text("<p>\n    x\n</p>", encoding="utf-8")
    data.write_text('{\n    "x": 1\n}', encoding="utf-8")
    assert compact_pages(tmp_path) == 4
    assert page.read_text(encoding="utf-8") == "<p>\nx\n</p>"
    assert data.read_text(encoding="utf-8") == '{\n    "x": 1\n}'
