"""The relation of the citing text to each mention, from the cue words of its clause.

A clause runs between semicolons, sentence ends and paragraph breaks. Its leading cue ("Căn cứ",
"Thực hiện", "thay thế" …) governs the first mention; mentions joined to it by "và" or a comma
share it; a mention that stands in the title of another ("… của Tỉnh ủy thực hiện Nghị quyết …")
is only mentioned; an amendment written inside a citation takes the relation of what it amends.
A clause that opens with a mention continues the run of the previous clause ("Căn cứ Luật A;
Luật B;"), and so does a list under a heading such as "Căn cứ pháp lý"; a line of a preamble (the lines
before "QUYẾT ĐỊNH:") with no cue of its own states a legal basis.
"""

from __future__ import annotations

import regex

from vbpl.find import Mention
from vbpl.grammar import OPEN_END, grammar, loose
from vbpl.text import fold, symbol_key


def _compile(pattern: str, flags: int = 0) -> regex.Pattern[str]:
    """A pattern that also matches its words written without diacritics (see `loose`)."""
    return regex.compile(loose(pattern), flags)


# A clause boundary is one of these characters; the rest is read around it, so whether a position is a
# boundary does not depend on where a scan started (": \n" is one boundary, at its colon).
_BOUNDARY_CHAR = _compile(r"(?r)[;|.:\n]")  # searched backwards from a mention
_BOUNDARY = _compile(
    r"[;|]|\.(?=\s)|:(?=[ \t]*\n)"
    r"|(?<!:[ \t]*)\n(?:(?<=[.;:!?)][ \t]*\n)(?=[ \t]*\S)"
    r"|(?=[ \t]*(?:[\-+*•#>(]|\d{1,2}[.)/](?!\d)|[a-zđ]\)|[IVX]+\.|\p{Lu})))"
)
# A line that a hard wrap broke mid-sentence: it has lower case, ends in a word, and is no heading ("1. Mục tiêu",
# "Điều 1. Phạm vi", "Chương I"); the capital that opens the next line is then a name going on ("của Bộ\nChính trị").
# Read in three steps (see _wrapped): as one pattern, "[^\n]*\p{Ll}[^\n]*\w[ \t]*\Z", a line that does not end in a
# word took time in proportion to the square of its length.
_HEADING = _compile(
    r"[ \t]*(?:[\-+*•#>(|]|\d{1,2}[.)/](?!\d)|[a-zđ]\)|[IVX]+\.?\s|(?i:điều|chương|mục|phần)\s+\w+\.?\s)"
)
_OPEN_END = _compile(OPEN_END + r"\Z")
_OPEN_END_ANY_CASE = regex.compile(_OPEN_END.pattern, regex.IGNORECASE)
_LOWER = _compile(r"\p{Ll}")
_WORD = _compile(r"\w")
_NEXT_LINE_NAME = _compile(r"\n[ \t]*\p{Lu}\p{Ll}")
_NEXT_LINE_CAPITALS = _compile(r"\n[ \t]*\p{Lu}(?:\p{Lu}|[ \t])")
# A header in capitals (its years too: "… ĐẾN NĂM 2050"; a last word of one letter: "… LĨNH VỰC THÚ Y"), a rule, a
# sentence's end, a title's last year ("… năm 2026 Căn cứ …"); then perhaps a list item's mark.
_AFTER_CAPITALS = _compile(
    r"(?:(?:\p{Lu}{2,}|(?<=\p{Lu}{2,}[ \t]+)\p{Lu})(?:[\s,\-–]+\d+)*|_{3,}|-{3,}|[.;:]|(?<!\d)(?:19|20)\d\d)\s+"
    r"(?:[\-+*•][ \t]+)?\Z"
)
_CAPITALS_WRAP = 40  # a shorter line in capitals is a heading or a header line, not a wrapped sentence
_WRAP_WIDTH = 300  # a longer line is no hard wrap
_CONJUNCTION = _compile(r"[\s,;)”\"]*(?:(?:và|hoặc|cùng|,)\s*)*(?:các\s+|\(\s*)?\Z", regex.IGNORECASE)
_AMENDMENT = _compile(
    r"(?:đã\s+)?(?:được|bị)\s+(?:sửa\s+đổi|bổ\s+sung|thay\s+thế)|sửa\s+đổi,?\s+bổ\s+sung\s+(?:bởi|tại)|"
    r"(?:được|đã\s+được)\s+(?:sửa\s+đổi|bổ\s+sung)",
    regex.IGNORECASE,
)
_TITLE_THEN_AMENDMENT = _compile(r"[\s,]*(?:\(\s*\**\s*)?(?:" + _AMENDMENT.pattern + ")", regex.IGNORECASE)
_OPINION_ON = _compile(r"có\s+ý\s+kiến\s+(?:đối\s+với|về)(?!\w)", regex.IGNORECASE)
# The citing text guides ("Văn phòng Trung ương hướng dẫn …"): not "theo/được hướng dẫn", "văn bản hướng dẫn".
_GUIDES = _compile(r"(?<!(?:theo|được|bản|các|có)\s+)(?<!\w)hướng\s+dẫn(?!\w)", regex.IGNORECASE)
# The rest of a preamble line, then only such lines (or blank ones) up to "QUYẾT ĐỊNH:" / "QUYẾT NGHỊ:". Lines are
# read up to 600 characters and the whole within _PREAMBLE_REACH (an unbounded match looks for the enacting words
# through the rest of the text, at every mention).
_BEFORE_ENACTING = _compile(
    r"[^\n]{0,600}[;,.][ \t]*\n(?:[ \t]*\n|[^\n]{0,600}[;,.][ \t]*\n){0,12}?[ \t]*QUYẾT\s+(?:ĐỊNH|NGHỊ)[ \t]*:"
)
_PREAMBLE_REACH = 3000
_DONE_UNDER = _compile(r"(?<!\w)thực\s+hiện\s+theo(?!\w)", regex.IGNORECASE)  # "… được thực hiện theo Quy chế …"
# Words right before a mention: "trên cơ sở Công văn số …" (its basis), "phù hợp với Nghị quyết …" (a measure), "theo
# quy định của Luật …" (a rule followed).
_JUST_BEFORE = _compile(
    r"(?<!\w)(?:(?P<basis>trên\s+cơ\s+sở)|phù\s+hợp\s+với(?:\s+các)?|theo\s+quy\s+định\s+(?:của|tại))\s+\Z",
    regex.IGNORECASE,
)
# What is carried out is a task, an activity.
_TASK = _compile(r"\s+(?:việc|(?:các\s+)?hoạt\s+động)(?!\w)", regex.IGNORECASE)
# "…; chỉ đạo của … tại Công văn số …": where it is written.
_NEXT_ITEM_AT = _compile(r"(?<!\w)tại\s+\Z", regex.IGNORECASE)
_RUN_BREAK = _compile(r"\n[ \t]*(?:[IVX]+\.|\d+\.\s+\p{Lu}|#|Điều\s+\d+|QUYẾT\s+(?:ĐỊNH|NGHỊ))")
# "Thực hiện Chỉ thị số 22/CT-TW … về … và chỉ đạo của UBND tỉnh tại văn bản số 238/UBND-KGVX": the list goes on.
_DIRECTION_AT = _compile(
    r"(?:(?<!\w)và|,)\s+(?:ý\s+kiến\s+)?(?:chỉ\s+đạo|hướng\s+dẫn|yêu\s+cầu)\s+của\s+[^,;.()]{1,100}?\s+tại\s+\Z",
    regex.IGNORECASE,
)
_ITEM_LEAD_REACH = 200  # a list item's or a table row's mention stands this close to the start of its line
_TABLE_ROW = _compile(r"[ \t|]*\d{1,4}[ \t]*\|")  # "1 | Quyết định | 12/2010/QĐ-UBND | …"
_LIST_HEADING = _compile(r"(?r)(?:^|\n)[ \t|#*]*(?i:danh\s+mục)[^\n]*")
_LIST_HEADING_REACH = 3000
_DONE_TO_LISTED = _compile(r"(?i:(bãi\s+bỏ|hết\s+hiệu\s+lực|sửa\s+đổi|bổ\s+sung|thay\s+thế))")
_DONE_RELATION = {"bai": "repeals", "het": "repeals", "sua": "amends", "bo": "amends", "thay": "replaces"}
_PARAGRAPH_AFTER_HEADING = _compile(r"(?<![;,:.)\s])[ \t]*\n[ \t]*\n\s*\Z")
_LEAD_ITEM = _compile(r"[ \t]*(?:[\-+*•]|\d{1,2}[.)])")  # a list item's mark
_AND_BEFORE = _compile(r"(?<!\w)và\s+\Z", regex.IGNORECASE)
_PASSIVE = _compile(r"(?:được|đã|bị)\s+\Z", regex.IGNORECASE)
_BY = _compile(r"\s+bởi(?!\w)", regex.IGNORECASE)  # "… bị bãi bỏ, thay thế bởi Quyết định số …": done by it
_OTHERS_THAT = _compile(r"(?<!\w)(?:các|những)\s+\w+(?:\s+\w+)?\s+(?:sửa\s+đổi,?\s+)?\Z", regex.IGNORECASE)
_ISSUED_BY_OTHER = _compile(r"đã\s+ban\s+hành", regex.IGNORECASE)
# "… thực hiện theo …", "… thực hiện đúng quy định tại …": a rule followed (not "thực hiện chỉ đạo … tại Thông báo")
_FOLLOWS_RULE = _compile(r"(?<!\w)(?:theo|(?:quy\s+định|nêu|ghi)\s+tại)(?!\w)", regex.IGNORECASE)
_ENACTS = _compile(r"(?<!\w)ban\s+hành\s+", regex.IGNORECASE)
_THEO = _compile(r"(?<!\w)theo(?!\w)", regex.IGNORECASE)
_THEO_NEXT = _compile(r"\s+theo(?!\w)", regex.IGNORECASE)
# A list item's lead before its mention: a mark, perhaps a pinpoint ("- Mục 1, 3, 4 Quy định số 24-QĐ/TW", "Mục 1,
# phần I của Hướng dẫn số 12-HD/BTCTW").
_PINPOINT_LEAD = (
    r"(?:(?i:điểm|khoản|điều|mục|phần|chương|phụ\s+lục)\s*[\dIVXa-zđ]+(?:\s*(?:,|và)\s*[\dIVXa-zđ]+)*[\s,]*)+"
    r"(?:(?i:của|tại)\s+)?"
)
_LEAD = _compile(rf"[\s\-+*•#>|(]*(?:\d+[.)/]|[a-zđ]\)|[IVX]+\.)?[\s\-+*•]*(?:{_PINPOINT_LEAD})?\Z")
_HEADING_CUE = _compile(r"căn\s+cứ\s+(?:pháp\s+lý|ban\s+hành|xây\s+dựng|thực\s+hiện\s*:?[ \t]*\n)", regex.IGNORECASE)
_AFTER_REPEAL = _compile(
    r"[\s,]*(?:\([^)]{0,200}\)\s*)?(?:hết\s+hiệu\s+lực|không\s+còn\s+hiệu\s+lực)", regex.I
)


def _cue_in(text: str, start: int, end: int, first: bool) -> str | None:
    """The governing cue between start and end: the leading one if any, else the nearest.

    A passive or past cue ("đã được cụ thể hóa tại") speaks of another document, not of the
    citing text; "kèm theo" speaks of the citing text only when it leads the clause; "thực
    hiện theo …" follows a rule rather than implementing a document, and "thực hiện việc / hoạt động …" carries out
    a task; what someone "có ý kiến đối với / về" is a topic of their opinion. A text that "hướng dẫn" the rules
    "ban hành kèm theo" a decision, or says what "được thực hiện theo" them, implements that decision. "Trên cơ
    sở" right before a mention is its basis; what a text must be "phù hợp với" is only mentioned.
    """
    if just_before := _JUST_BEFORE.search(text, max(start, end - 32), end):
        # "… triển khai …, bảo đảm phù hợp với Nghị quyết số 66": a measure, not what is done
        return "basis" if just_before.group("basis") else "mentions"
    g = grammar()
    cues = list(g.cues.finditer(text, start, end))
    if first and len(cues) > 1 and (opening := _last_opening(text, start, cues)) is not None:
        cues = cues[opening:]  # "… Sửa đổi và bãi bỏ … thông tư … _____ Căn cứ Luật …" on one line: the last sentence
        start = cues[0].start()
    found = None
    topic = _OPINION_ON.search(text, start, end)
    for m in cues:
        group = m.lastgroup
        assert group is not None  # each cue is a named group ("c0", "c1" …)
        rel = g.cue_relations[int(group[1:])]
        if rel == "implements" and _TASK.match(text, m.end(), m.end() + 16):
            continue  # "Thực hiện việc chia sẻ …", "cá nhân thực hiện hoạt động mua bán …": no document implemented
        word = m.group()
        # A cue written with its capital ("Căn cứ", "Thực hiện") opens a sentence, also where no line break or
        # full stop shows it (a header run into the text on one line).
        opens = word[:1].isupper() and not word.isupper()
        leading = first and ((found is None and _LEAD.match(text[start : m.start()])) or opens)
        if leading and rel == "attached" and text[m.end() : end].strip():
            continue  # "Ban hành kèm theo Quyết định này Kế hoạch thực hiện …": the cue governs "này"
        if leading:
            if rel == "implements" and _THEO_NEXT.match(text, m.end(), end):
                return "mentions"  # "Thực hiện theo Quy định số 58-QĐ/TW": a rule followed, not a document implemented
            if rel == "proposal" and (enacted := _enacting_end(text, m.end(), end)) is not None:
                # "Theo đề nghị của Vụ trưởng …, Bộ trưởng … ban hành Thông tư quy định chi tiết … của Quyết định …"
                return _cue_in(text, enacted, end, first=False) or "mentions"
            if _ISSUED_BY_OTHER.search(text, m.end(), end) or (
                rel == "proposal"
                and not _NEXT_ITEM_AT.search(text, max(m.end(), end - 12), end)  # "… tại Tờ trình số …": proposed
                and _acts_after(text, m.end(), end)
            ):
                return "mentions"
            return rel
        if _PASSIVE.search(text, max(start, m.start() - 12), m.start()) or _BY.match(text, m.end()):
            continue
        if rel == "amends" and _OTHERS_THAT.search(text, max(start, m.start() - 36), m.start()):
            continue  # "… tại các Luật sửa đổi, bổ sung một số điều của Luật …": other texts amend it
        if rel == "attached":
            rules_from = max(start, m.start() - 160)
            if _GUIDES.search(text, rules_from, m.start()) or _DONE_UNDER.search(text, rules_from, m.start()):
                found = "implements"  # "Hướng dẫn / … thực hiện theo Quy chế ban hành kèm theo Thông tư X": X's rules
            continue
        if (rel == "implements" and _FOLLOWS_RULE.search(text, m.end(), end)) or (
            rel == "proposal" and _THEO.search(text, m.end(), end)
        ):
            rel = "mentions"  # "chỉ xem xét … khi đủ điều kiện theo … Hướng dẫn số 01-HD/TW": a rule followed
        if _ISSUED_BY_OTHER.search(text, m.end(), end):
            rel = "mentions"  # "Để thực hiện …, Thủ tướng đã ban hành Quyết định …": someone else acted
        if topic is not None and m.start() >= topic.start():
            rel = "mentions"  # "Sở Tư pháp có ý kiến đối với việc tiếp tục thực hiện Quyết định …": a topic
        found = rel
    return found


def _last_opening(text: str, start: int, cues: list[regex.Match[str]]) -> int | None:
    """The index in `cues` (matched from start on) of the last cue written with its capital after a word in capitals,
    a rule or a sentence's end: it opens a sentence; else None."""
    for k in range(len(cues) - 1, -1, -1):
        word = cues[k].group()
        if (
            word[:1].isupper()
            and not word.isupper()
            and _AFTER_CAPITALS.search(text, max(start, cues[k].start() - 40), cues[k].start())
        ):
            return k
    return None


def _enacting_end(text: str, start: int, end: int) -> int | None:
    """End of the enacting words ("… ban hành Thông tư") between start and end, the last of them, else None."""
    found = None
    for m in _ENACTS.finditer(text, start, end):
        if (tw := grammar().type_word.match(text, m.end(), end)) is not None:
            found = tw.end()
    return found


def _acts_after(text: str, start: int, end: int) -> bool:
    """Whether a cue of another act stands between a proposal's cue and the mention: "Xét đề nghị của … Tổ công
    tác chuyên trách thực hiện Đề án 30 của Ủy ban nhân dân tỉnh": the mention names what someone carries out."""
    g = grammar()
    for m in g.cues.finditer(text, start, end):
        group = m.lastgroup
        assert group is not None
        if g.cue_relations[int(group[1:])] not in ("proposal", "mentions"):
            return True
    return False


def assign_relations(text: str, mentions: list[Mention]) -> None:
    """Set `relation` (and `amended_by`) on every mention, in place."""
    if not mentions:
        return
    boundary = -1  # the last clause boundary before the mention, -1 if none
    run: str | None = None  # relation carried over to clauses that open with a mention
    prev: Mention | None = None
    prev_clause = -1
    parent_of: dict[int, int] = {}  # amendment -> the mention it amends
    in_title_of: dict[int, int] = {}  # a mention in the title of another -> that other
    for i, m in enumerate(mentions):
        floor = max(prev.start + 1, prev.end) if prev is not None else 0  # no boundary inside its span ("số\n11/NQ-CP")
        boundary = _last_boundary(text, floor, m.start, boundary)
        clause_start = boundary + 1
        if m.form == "defined" and prev is not None:
            m.relation = _named(mentions, i).relation  # "(sau đây viết là …)" names the mention it follows
            prev = m
            continue
        if prev is not None and boundary == prev_clause:
            gap_start = max(prev.tail, prev.end)
            gap = text[gap_start : m.start]
            untitled = prev.title_end <= gap_start + 1 or _TITLE_THEN_AMENDMENT.match(text, prev.title_end)
            if untitled and _AMENDMENT.search(text, prev.end, m.start):
                _amends(mentions, parent_of, i, parent_of.get(i - 1, i - 1))
                prev = m
                continue
            if _CONJUNCTION.match(gap):
                holder = in_title_of.get(i - 1)
                if holder is not None and (item := _item_of(text, mentions, in_title_of, i)) is not None:
                    _join_item(mentions, in_title_of, i, item)  # a document the title cannot name: the list's next item
                else:
                    m.relation = prev.relation
                    if holder is not None:
                        in_title_of[i] = holder
                if i - 1 in parent_of:  # "… bởi Luật số 57/2024/QH15, Luật số 90/2025/QH15"
                    _amends(mentions, parent_of, i, parent_of[i - 1])
                prev = m
                continue
            opening = _opening_cue(text, gap_start, m.start)
            if opening is not None:  # "… đến năm 2020 ỦY BAN NHÂN DÂN TỈNH LONG AN Căn cứ Luật …" on one line
                m.relation = run = opening
                prev, prev_clause = m, boundary
                continue
            cue = _cue_in(text, gap_start, m.start, first=False)
            title_words = prev.title is not None and prev.title_end > gap_start
            if title_words and _CONJUNCTION.match(text[prev.title_end : m.start]) and prev.title_end < m.start:
                title_words = False  # the title closed ("…”, Kế hoạch số …"): the list goes on
            elif (
                title_words
                and prev.title_end < m.start
                and (after_title := _cue_in(text, prev.title_end, m.start, first=True)) is not None
            ):
                title_words, cue = False, after_title  # the title ended; a cue opens what follows: "…\nCĂN CỨ …"
            elif title_words and (
                _joins_list(text, prev, m)
                or _later_item(text, prev, m)
                or _DIRECTION_AT.search(text, max(prev.tail, m.start - 160), m.start)
            ):
                title_words, cue = False, None
            if (title_words or cue is None) and (item := _item_of(text, mentions, in_title_of, i)) is not None:
                # "Căn cứ Kết luận số 18-KL/TW ngày 22/9/2017 … về … thực hiện Chỉ thị số 10-CT/TW … về … và Hướng dẫn
                # số 12-HD/BTCTW ngày 06/7/2018 …": dated after the document whose title names the one before it
                _join_item(mentions, in_title_of, i, item)
                prev = m
                continue
            if title_words:
                in_title_of[i] = i - 1
            if not title_words and cue is None and _JUST_BEFORE.search(text, max(0, prev.start - 32), prev.start):
                cue = _cue_in(text, boundary + 1, m.start, first=True)  # "… theo quy định của Luật A ban hành kèm
                # theo Nghị quyết B": A named in passing; B takes the clause's cue
            m.relation = "mentions" if title_words else (cue or prev.relation)
            prev = m
            continue
        lead_text = text[clause_start : m.start]
        listed = _listed_under(text, m.start, prev)
        if listed is not None:  # a row of a table under "DANH MỤC VĂN BẢN … BỊ BÃI BỎ"
            m.relation = run = listed
            prev, prev_clause = m, boundary
            continue
        cue = _cue_in(text, clause_start, m.start, first=True)
        if cue is None and _LEAD.match(lead_text):
            heading_from = max(prev.end if prev else 0, clause_start - 120)
            if _HEADING_CUE.search(text, heading_from, clause_start):
                run = "basis"  # a list under a heading such as "1. Căn cứ pháp lý"
        if cue is not None:
            m.relation = cue
            run = cue
        elif _LEAD.match(lead_text) and (intro := _list_cue(text, prev, m.start)) is not None:
            m.relation = run = intro  # "Bãi bỏ các văn bản sau:" / "Quyết định số 44 … bãi bỏ … gồm:", then the items
        elif _LEAD.match(lead_text) and run is not None and _continues_run(text, prev, clause_start):
            m.relation = run
        elif run is not None and _NEXT_ITEM_AT.search(lead_text) and _same_sentence(text, prev, boundary):
            m.relation = run  # "Thực hiện Nghị quyết …; chỉ đạo của Ban cán sự đảng tại Công văn số …, UBND tỉnh …"
        elif run is not None and _AND_BEFORE.search(lead_text) and _same_sentence(text, prev, boundary):
            m.relation = run  # "Thực hiện Văn bản số 979 … về việc hướng dẫn …; hòa giải ở cơ sở; … và Văn bản số 14 …"
        elif _may_precede_enacting(text, m.start) and _BEFORE_ENACTING.match(
            text, m.start, m.start + _PREAMBLE_REACH
        ):
            m.relation = run = "basis"  # a line of the preamble that lost its "Căn cứ"
        else:
            m.relation = "mentions"
            run = None
        prev = m
        prev_clause = boundary
    _repealed_lists(text, mentions)


def _listed_under(text: str, pos: int, prev: Mention | None) -> str | None:
    """The relation of a mention in a numbered table row under a heading "DANH MỤC …": what the heading says is done
    to the documents it lists ("… BỊ BÃI BỎ", "… HẾT HIỆU LỰC", "… ĐƯỢC SỬA ĐỔI, BỔ SUNG", "… BỊ THAY THẾ"), else
    "mentions"; a later mention in the row is in its trích yếu and only mentioned. None when the mention is in no
    such row."""
    line_start = text.rfind("\n", max(0, pos - _ITEM_LEAD_REACH), pos) + 1
    if (line_start == 0 and pos > _ITEM_LEAD_REACH) or not _TABLE_ROW.match(text, line_start, pos):
        return None
    if prev is not None and prev.start >= line_start:
        return "mentions"
    heading = _LIST_HEADING.search(text, max(0, line_start - _LIST_HEADING_REACH), line_start)
    if heading is None:
        return None
    done = _DONE_TO_LISTED.search(heading.group())
    return _DONE_RELATION[fold(done.group(1)).split()[0]] if done else "mentions"


def _repealed_lists(text: str, mentions: list[Mention]) -> None:
    """A mention that "hết hiệu lực" follows is repealed by the citing text, and so is the list before it that
    no cue governs: "Các Quyết định số 10/2015/QĐ-UBND, số 11/2015/QĐ-UBND và số 12/2016/QĐ-UBND hết hiệu lực"."""
    for i, m in enumerate(mentions):
        if m.relation != "mentions" or not _AFTER_REPEAL.match(text, m.tail):
            continue
        m.relation = "repeals"
        j = i - 1
        while j >= 0 and mentions[j].relation == "mentions":
            if not _CONJUNCTION.match(text[mentions[j].tail : mentions[j + 1].start]):
                break
            mentions[j].relation = "repeals"
            j -= 1


def _opening_cue(text: str, start: int, end: int) -> str | None:
    """The relation of the last cue between start and end that is written with its capital after a word in capitals,
    a rule or a sentence's end: it opens a sentence, also where the line break before it was lost; else None."""
    cues = list(grammar().cues.finditer(text, start, end))
    found = _last_opening(text, start, cues)
    return None if found is None else _cue_in(text, cues[found].start(), end, first=True)


def _may_precede_enacting(text: str, pos: int) -> bool:
    """Whether "QUYẾT" (or "QUYET") follows within _PREAMBLE_REACH: found without a pattern."""
    end = pos + _PREAMBLE_REACH
    return text.find("QUYẾT", pos, end) >= 0 or text.find("QUYET", pos, end) >= 0


def _last_boundary(text: str, floor: int, pos: int, before: int) -> int:
    """The last clause boundary in text[floor : pos + 1], else `before` (the last one before floor).

    Read backwards from the mention, so that a text is scanned near its citations only."""
    end = pos + 1
    while candidate := _BOUNDARY_CHAR.search(text, floor, end):
        x = candidate.start()
        if _BOUNDARY.match(text, x) and not _wrapped(text, x):
            return x
        end = x
    return before


def _wrapped(text: str, x: int) -> bool:
    """Whether the line break at x is a hard wrap inside a sentence: the line before it has lower case, then ends
    in a word, and is no heading (see _HEADING); in capitals, a long line that ends in a word before a line in
    capitals ("… BỔ SUNG MỘT\nSỐ ĐIỀU CỦA NGHỊ ĐỊNH …")."""
    capitals = _NEXT_LINE_CAPITALS.match(text, x, x + 80) is not None
    if not capitals and not _NEXT_LINE_NAME.match(text, x, x + 80):
        return False
    line_start = text.rfind("\n", max(0, x - _WRAP_WIDTH), x) + 1
    if line_start == 0 and x > _WRAP_WIDTH:
        return False
    line = text[line_start:x]  # no line break in it
    words = line.rstrip(" \t")
    if capitals and len(words) >= _CAPITALS_WRAP:
        words = words.removesuffix(",")  # a long line in capitals goes on after a comma: "… SỬA ĐỔI,\nBỔ SUNG …"
    first = line_start + len(line) - len(line.lstrip(" \t"))
    if (cue := grammar().cues.match(text, first, x + 40)) is not None and cue.end() > x:
        return True  # a cue broken across the lines: "CĂN\nCỨ LUẬT …"
    near = grammar().cues.finditer(text, max(first, x - 24), x + 24) if capitals else ()
    if any(c.start() < x < c.end() for c in near):
        return True  # and at the end of a line in capitals: "ĐIỀU 1. SỬA ĐỔI, BỔ SUNG, BÃI\nBỎ MỘT SỐ ĐIỀU …"
    if len(words) <= 1 or _WORD.match(words, len(words) - 1) is None:
        return False
    if _HEADING.match(line) is not None and not _OPEN_END_ANY_CASE.search(words):
        return False  # "1. Mục tiêu", but "2. Luật số 47/2019/QH14 ngày 22 tháng 11 năm 2019 của\nQuốc hội …" goes on
    if capitals:  # a long line, one that ends in a word that cannot end it, or a cue's clause ("THEO ĐỀ NGHỊ CỦA BỘ")
        return _LOWER.search(words) is None and (
            len(words) >= _CAPITALS_WRAP or _OPEN_END_ANY_CASE.search(words) is not None or cue is not None
        )
    return _LOWER.search(words, 0, len(words) - 1) is not None


def _list_cue(text: str, prev: Mention | None, item: int) -> str | None:
    """The relation of a list item on its own line under a clause that a colon ends: the cue of that clause, read
    after its last mention ("Điều 1. Bãi bỏ các văn bản sau:", "… ban hành Quyết định số 44/2025/QĐ-TTg bãi bỏ
    39 văn bản … gồm:")."""
    line_start = text.rfind("\n", max(0, item - _ITEM_LEAD_REACH), item)
    if line_start < 0 or not _LEAD.match(text, line_start + 1, item):
        return None  # (a match's cost grows with its end position: the look-back is bounded)
    colon = line_start  # just after the last character before the item's line that is not white space
    while colon > 0 and text[colon - 1] in " \t\r\n":
        colon -= 1
    if colon == 0 or text[colon - 1] != ":":
        return None
    floor = max(prev.end if prev is not None else 0, colon - 400)
    intro_start = _last_boundary(text, floor, colon - 2, floor - 1) + 1
    return _cue_in(text, intro_start, colon - 1, first=True)


def _continues_run(text: str, prev: Mention | None, clause_start: int) -> bool:
    """A clause that opens with a mention continues the previous one only if nothing else intervened (a heading,
    an article, the enacting words that end a preamble)."""
    if prev is None:
        return True
    between = text[prev.end : clause_start]
    if len(between) >= 800 or _RUN_BREAK.search(between):
        return False
    # A paragraph after a blank line goes on from a clause that ended as a list item does (";", ",", ":", "."), not
    # from a heading in capitals ("… THỦY CẦM\n\nThông tư số 92/2007/TT-BNN …").
    if not _PARAGRAPH_AFTER_HEADING.search(between) or _LEAD_ITEM.match(text, clause_start):
        return True
    return _OPEN_END.search(between.rstrip()) is not None  # "… ban hành kèm theo\n\nQuyết định số 99-QĐ/TW …"


def _same_sentence(text: str, prev: Mention | None, boundary: int) -> bool:
    """Whether the clause boundary is a ";" on the line of the previous mention: one sentence lists on."""
    return prev is not None and text[boundary] == ";" and "\n" not in text[prev.end : boundary]


def _joins_list(text: str, prev: Mention, m: Mention) -> bool:
    """A dated mention after "và" at the end of a title with no cue in it is the list's next item, not part
    of the title: "Nghị định số 36/2012/NĐ-CP … quy định chức năng … của Bộ, cơ quan ngang Bộ và Nghị định
    số 55/2011/NĐ-CP ngày …" (a title that cites, "… thực hiện Kết luận số 100 và …", has its cue)."""
    return (
        m.date is not None
        and _AND_BEFORE.search(text, max(prev.tail, m.start - 8), m.start) is not None
        and grammar().cues.search(text, prev.tail, m.start) is None
    )


def _dated_after(m: Mention, other: Mention) -> bool:
    """Whether m is dated after `other`, so that other's title cannot name it."""
    return m.date is not None and other.date is not None and m.date > other.date


def _later_item(text: str, prev: Mention, m: Mention) -> bool:
    """A mention after "và" at the end of a title, dated after the title's document, is the list's next item:
    "Nghị định số 123/2015/NĐ-CP ngày 15/11/2015 … quy định chi tiết và hướng dẫn thi hành một số điều của Luật Hộ
    tịch và Quyết định số 101/QĐ-TTg ngày 23/01/2017 …"."""
    return _dated_after(m, prev) and _AND_BEFORE.search(text, max(prev.tail, m.start - 8), m.start) is not None


def _item_of(text: str, mentions: list[Mention], in_title_of: dict[int, int], i: int) -> int | None:
    """The mention whose list mentions[i] goes on after "và", where the one before it stands in a title (or a title
    within a title): the nearest holder of those titles that it is dated after (see _later_item) or that it parallels
    (see _sibling_of); else None."""
    m, prev = mentions[i], mentions[i - 1]
    if _AND_BEFORE.search(text, max(prev.tail, m.start - 8), m.start) is None:
        return None
    holder = in_title_of.get(i - 1)
    while holder is not None:
        if _dated_after(m, mentions[holder]) or _sibling_of(mentions[holder], prev, m):
            return holder
        holder = in_title_of.get(holder)
    return None


def _join_item(mentions: list[Mention], in_title_of: dict[int, int], i: int, item: int) -> None:
    """mentions[i] is the next item of mentions[item]'s list: its relation, and the title that holds it if any."""
    mentions[i].relation = mentions[item].relation
    if (outer := in_title_of.get(item)) is not None:
        in_title_of[i] = outer


def _sibling_of(holder: Mention, prev: Mention, m: Mention) -> bool:
    """Whether m is another item of the list that `holder` opens, not a document its title names: of
    holder's type, not of the type of the one before it, written in full ("… THÔNG TƯ SỐ 149/2020/TT-BCA … QUY ĐỊNH
    CHI TIẾT … NGHỊ ĐỊNH SỐ 136/2020/NĐ-CP … VÀ THÔNG TƯ SỐ 08/2018/TT-BCA NGÀY …")."""
    return m.type is not None and m.type == holder.type != prev.type and m.date is not None


def _named(mentions: list[Mention], i: int) -> Mention:
    """The mention that the short name mentions[i] defines: the nearest before it with its symbol (or name),
    which may hold other mentions in its title ("Kế hoạch số 407-KH/TU … về thực hiện Chỉ thị số 38-CT/TW
    … (sau đây viết là Kế hoạch số 407-KH/TU)"), else the mention just before it."""
    m = mentions[i]
    for j in range(i - 1, max(-1, i - 9), -1):
        other = mentions[j]
        if other.form != "defined" and (
            (m.symbol and other.symbol and symbol_key(other.symbol) == symbol_key(m.symbol))
            or (m.name and other.name == m.name)
        ):
            return other
    return mentions[i - 1]


def _amends(mentions: list[Mention], parent_of: dict[int, int], i: int, parent: int) -> None:
    """Mention i is an amendment written inside mention `parent`: it shares its relation."""
    parent_of[i] = parent
    mentions[parent].amended_by.append(i)
    mentions[i].relation = mentions[parent].relation
