"""The page an LMS opens: a bar that says what the LMS is told, and the handbook below it.

The page holds the LMS connection (SCORM's API, or cmi5's xAPI endpoint) for the whole
visit; the handbook's pages run in its inner frame, so following links inside the
handbook never ends the session. What the page needs to know about the path travels as
JSON in the page itself, escaped so that no author text can end the script element.
"""

from __future__ import annotations

import html
import json
from importlib.resources import files
from typing import Any

from generator.export.quiz.bank import one_line
from generator.lms.course import Course

ASSETS = files("generator.lms") / "assets"
XAPI = files("generator.render") / "assets" / "xapi.js"

WORDS: dict[str, dict[str, str]] = {
    "en": {
        "progress": "{done} of {total} items done",
        "score": "quiz score {score} %",
        "incomplete": "in progress",
        "completed": "completed",
        "passed": "passed",
        "failed": "not passed yet",
        "offline": "Not connected to a learning system: progress stays in this browser only.",
        "finish": "Finish for now",
        "content": "The onboarding path and the handbook",
    },
    "zh": {
        "progress": "已完成 {done}/{total} 项",
        "score": "测验得分 {score}%",
        "incomplete": "学习中",
        "completed": "已完成",
        "passed": "已通过",
        "failed": "尚未通过",
        "offline": "未连接学习管理系统：进度只保存在本浏览器中。",
        "finish": "暂时结束学习",
        "content": "入职路径与销售手册",
    },
}


def launcher_files(kind: str) -> dict[str, bytes]:
    """The launcher's scripts and style for ``kind`` (``scorm`` or ``cmi5``), by zip name."""
    names = ["lms-progress.js", "launcher.css", f"{kind}-launcher.js"]
    found = {f"lms/{name}": (ASSETS / name).read_bytes() for name in names}
    if kind == "cmi5":
        found["lms/xapi.js"] = XAPI.read_bytes()
    return found


def launcher_page(
    course: Course, lang: str, kind: str, start: str, extra: dict[str, Any] | None = None
) -> str:
    """The launcher's HTML; ``start`` is the first page of the inner frame, relative."""
    words = WORDS.get(lang, WORDS["en"])
    title = one_line(course.title, lang)
    data = {
        "handbook": course.handbook,
        "path": course.path.id,
        "items": [list(item) for item in course.items],
        "quizzes": [list(quiz) for quiz in course.quizzes],
        "start": start,
        "words": words,
        **(extra or {}),
    }
    # "<" as \u003c: an author's "</script>" in a title cannot close the data element.
    blob = json.dumps(data, ensure_ascii=False).replace("<", "\\u003c")
    scripts = (
        ["lms/lms-progress.js"] + (["lms/xapi.js"] if kind == "cmi5" else []) + [f"lms/{kind}-launcher.js"]
    )
    tags = "\n".join(f'<script src="{src}"></script>' for src in scripts)
    e = html.escape
    return f"""<!doctype html>
<html lang="{e(lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{e(title)}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="lms/launcher.css">
<script type="application/json" id="course">{blob}</script>
{tags}
</head>
<body>
<header class="lms-bar">
<strong>{e(title)}</strong>
<span id="lms-status" role="status"></span>
<button type="button" id="lms-finish">{e(words["finish"])}</button>
</header>
<iframe id="content" title="{e(words["content"])}"></iframe>
</body>
</html>
"""
