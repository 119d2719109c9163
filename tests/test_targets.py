"""Numeric targets, as a reader of the plans would list them."""

from __future__ import annotations

from pathlib import Path

import pytest

from vbpl.targets import targets

SEEDS = Path(__file__).resolve().parent.parent / "corpora" / "seeds"


@pytest.mark.parametrize(("text", "value", "unit", "kind", "qualifier"), [
    ("100% doanh nghiệp được hỗ trợ", 100, "%", "percent", None),
    ("Có ít nhất 50 doanh nghiệp áp dụng", 50, "doanh nghiệp", "count", "at_least"),
    ("Đào tạo 20 chuyên gia năng suất", 20, "chuyên gia", "count", None),
    ("Tổng kinh phí thực hiện: **74.580.000** đồng (Bảy mươi bốn triệu)", 74_580_000, "đồng", "money", None),
    ("tổng kinh phí khoảng 1,5 tỷ đồng", 1_500_000_000, "đồng", "money", "about"),
    ("năng suất lao động bình quân hàng năm từ 7,5% trở lên", 7.5, "%", "percent", "at_least"),
])
def test_one_target(text, value, unit, kind, qualifier):
    [found] = targets(text)
    assert (found.value, found.unit, found.kind, found.qualifier) == (value, unit, kind, qualifier)


def test_history_and_cost_lines_are_not_targets():
    assert targets("Sau 10 năm triển khai, đã có 640 doanh nghiệp được hỗ trợ") == []
    assert targets("-\tTiền thuê xe\tNgày\t5\t1.000.000\t5.000.000 đồng") == []
    assert targets("Đơn giá 10.000 đồng") == []  # a price, not a budget


def test_dong_nai_2021_targets():
    found = targets((SEEDS / "001_cf20e38e42f47376.txt").read_text(encoding="utf-8"))
    # "ít nhất 45 doanh nghiệp", "ít nhất 2 doanh nghiệp", "khoảng 10 chuyên gia", "ít nhất 1 Câu lạc bộ";
    # "đã có 640 doanh nghiệp" is what the previous programme did.
    counts = {(t.value, t.unit) for t in found}
    assert {(45, "doanh nghiệp"), (2, "doanh nghiệp"), (10, "chuyên gia"), (1, "câu lạc bộ")} <= counts
    assert (640, "doanh nghiệp") not in counts


def test_quang_ngai_targets():
    found = targets((SEEDS / "003_4aef5daab40e0d48.txt").read_text(encoding="utf-8"))
    percents = {t.value for t in found if t.kind == "percent"}
    assert percents == {7.5, 55}
    [firms] = [t for t in found if t.unit == "doanh nghiệp"]
    assert (firms.value, firms.upper) == (5, 10)  # "khoảng 05 - 10 doanh nghiệp"


def test_budgets():
    budget = {t.value for t in targets((SEEDS / "000_2ee7c834c98d6cc5.txt").read_text(encoding="utf-8"))
              if t.kind == "money"}
    assert budget == {455_000_000}
