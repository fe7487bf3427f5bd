"""knowledge_search_ms: one knowledge-base search (console/services/knowledge.py) as the pane
beside the intake form asks for it while the agent types, over ~2,000 generated articles in
effect (plus expired and replaced versions). p95 over 400 typings: a stretch of an article's
text (2 to 30 characters) with its kind half the time, a random mix of the vocabulary the other
half. Also knowledge_after_edit_ms: a seat's first search after another seat saved a new
version (the new row read and indexed, the versions in effect settled again), p95 over 20
edits; and knowledge_cold_ms: a seat's first search of all (every version read and indexed),
median of 5.

Floors, same run, same database: for a search, the table's stamp read through plain
``sqlite3`` and the bare ranking loop (the typed bigrams' posting lists counted, the best 8
kept: no kind, keyword, title or validity test); after an edit, the new row fetched through
plain ``sqlite3`` and the bare search; cold, every version's row fetched through plain ``sqlite3`` (no indexing).
"""

from __future__ import annotations

import heapq
import random
import sqlite3
import statistics
from collections import Counter
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

from common import UNTIL, Context, Figure, p95, time_figure, timed_ms

from console.domain.knowledge import Article, Category
from console.services.knowledge import KnowledgeService
from console.services.knowledge_index import bigrams
from console.services.suggestions import grams
from console.store import knowledge as store
from console.store.setup import init_db

ARTICLES = 2000
TYPINGS = 400
EDITS = 20
NOW = datetime(UNTIL.year, UNTIL.month, UNTIL.day, 2, tzinfo=UTC)
KINDS = ("C-ZX", "C-QZ", "C-TS", "C-JB", "C-YJ", "P-ZA", "P-JT", "P-JQ", "P-FJW")
WORDS = [
    "居住证",
    "社保",
    "医保",
    "公积金",
    "户口",
    "落户",
    "出入境",
    "护照",
    "驾驶证",
    "违章",
    "停车",
    "占道",
    "经营",
    "油烟",
    "污水",
    "垃圾",
    "供暖",
    "燃气",
    "停电",
    "停水",
    "物业",
    "维修",
    "基金",
    "学区",
    "入学",
    "疫苗",
    "养老",
    "补贴",
    "低保",
    "残疾",
    "电动车",
    "上牌",
    "噪音",
    "装修",
    "欠薪",
    "工资",
    "劳动",
    "合同",
    "房屋",
    "租赁",
    "拆迁",
    "补偿",
    "交通",
    "事故",
    "诈骗",
    "转账",
    "路灯",
    "井盖",
    "树木",
    "绿化",
    "施工",
    "扰民",
    "广场舞",
    "宠物",
    "犬只",
    "消防",
    "通道",
    "电梯",
    "故障",
    "办理",
    "条件",
    "材料",
    "流程",
    "时限",
    "窗口",
    "网上",
    "申请",
    "审批",
    "查询",
    "缴费",
    "标准",
    "减免",
    "投诉",
    "举报",
    "建议",
    "咨询",
    "派出所",
    "社区",
    "街道",
    "城管",
    "人社",
    "住建",
    "环保",
    "市场",
]


def _text(rng: random.Random, words: int) -> str:
    return "，".join("".join(rng.sample(WORDS, 3)) for _ in range(words // 3))


def _articles(rng: random.Random) -> list[Article]:
    made = []
    start = date(UNTIL.year, 1, 1)
    for n in range(ARTICLES):
        kinds = tuple(rng.sample(KINDS, rng.randint(0, 2)))
        article = Article(f"K-{n + 1:04d}", _text(rng, 6)[:40], _text(rng, 60), Category.NORM,
                          start, kinds=kinds, keywords=tuple(rng.sample(WORDS, 3)))  # fmt: skip
        made.append(article)
        if n % 10 == 0:  # an older version, replaced
            made.append(replace(article, body=_text(rng, 60)))
        if n % 25 == 0:  # expired
            made[-1] = replace(made[-1], valid_to=start + timedelta(days=30))
    return made


def _typings(rng: random.Random, articles: list[Article]) -> list[tuple[str | None, str]]:
    out: list[tuple[str | None, str]] = []
    for n in range(TYPINGS):
        if n % 2:
            out.append((rng.choice((None, *KINDS)), _text(rng, 6)[: rng.randint(2, 30)]))
            continue
        a = rng.choice(articles)
        at = rng.randint(0, len(a.body) - 30)
        out.append((a.kinds[0] if a.kinds else None, a.body[at : at + rng.randint(2, 30)]))
    return out


def _floor_search(
    conn: sqlite3.Connection, postings: dict[str, list[int]], text: str
) -> list[tuple[int, int]]:
    conn.execute("SELECT count(id), max(id) FROM knowledge_article").fetchone()
    common: Counter[int] = Counter()
    for gram in grams(text):
        common.update(postings.get(gram, ()))
    return heapq.nlargest(8, ((c, n) for n, c in common.items()))


def run(ctx: Context) -> list[Figure]:
    path = ctx.workdir / "knowledge.sqlite3"
    path.unlink(missing_ok=True)
    db, _ = init_db(f"sqlite:///{path}")
    rng = random.Random(16)
    articles = _articles(rng)
    with db.write() as session:
        store.import_articles(session, articles, "bench", "bench", NOW)
    service = KnowledgeService(db, lambda: NOW)
    live = service.in_effect()
    typings = _typings(rng, live)
    ours = [timed_ms(lambda t=t: service.search(*t)) for t in typings]  # type: ignore[misc]
    cold = []
    for _ in range(5):
        fresh = KnowledgeService(db, lambda: NOW)
        cold.append(timed_ms(lambda s=fresh: s.search(None, "公积金")))  # type: ignore[misc]
    editor = KnowledgeService(db, lambda: NOW)
    after_edit = []
    for n in range(EDITS):
        editor.save(replace(live[n], body=live[n].body + "（修订）"))
        after_edit.append(timed_ms(lambda: service.search(None, "公积金")))
    db.dispose()
    conn = sqlite3.connect(path)
    postings: dict[str, list[int]] = {}
    for n, a in enumerate(live):
        for gram in bigrams(f"{a.title} {a.body}"):
            postings.setdefault(gram, []).append(n)
    floor = [timed_ms(lambda t=t: _floor_search(conn, postings, t[1])) for t in typings]  # type: ignore[misc]
    cold_floor = [
        timed_ms(lambda: conn.execute("SELECT * FROM knowledge_article").fetchall())
        for _ in range(5)
    ]
    last = conn.execute("SELECT max(id) FROM knowledge_article").fetchone()[0]
    new_row = "SELECT * FROM knowledge_article WHERE id > ?"
    edit_floor = [
        timed_ms(lambda: (conn.execute(new_row, (last - 1,)).fetchall(),
                          _floor_search(conn, postings, "公积金")))
        for _ in range(EDITS)
    ]  # fmt: skip
    conn.close()
    return [
        time_figure("knowledge_search_ms", "ms", p95(ours), p95(floor)),
        time_figure("knowledge_after_edit_ms", "ms", p95(after_edit), p95(edit_floor)),
        time_figure(
            "knowledge_cold_ms", "ms", statistics.median(cold), statistics.median(cold_floor)
        ),
    ]
