"""Task structure and task coverage between plans, from reading the seed plans."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from vbpl.cli import app
from vbpl.compare import compare
from vbpl.tasks import parse_tasks

SEEDS = Path(__file__).resolve().parent.parent / "corpora" / "seeds"
DONG_NAI_2021 = SEEDS / "001_cf20e38e42f47376.txt"
DONG_NAI_2025 = SEEDS / "002_47c691eb81eaec76.txt"
QUANG_NGAI = SEEDS / "003_4aef5daab40e0d48.txt"
NINH_THUAN = SEEDS / "004_34544d3a8a892a37.txt"


def _tasks(path: Path):
    return parse_tasks(path.read_text(encoding="utf-8"))


def test_ninh_thuan_tasks():
    tasks = _tasks(NINH_THUAN)
    # "2. Nhiệm vụ trọng tâm năm 2024": a) to d); "1. Mục tiêu" and the budget and organisation parts are not tasks.
    assert [t.key for t in tasks] == ["I.2.a", "I.2.b", "I.2.c", "I.2.d"]
    # The annex (tab-separated) gives the lead and partners: row 2 is the conference of task b).
    assert all(t.lead == ["Sở Khoa học và Công nghệ"] for t in tasks)
    assert "Sở Thông tin và Truyền thông" in tasks[1].partners[0]


def test_dong_nai_2021_tasks():
    keys = [t.key for t in _tasks(DONG_NAI_2021)]
    # Part IV, "NHIỆM VỤ VÀ GIẢI PHÁP CHỦ YẾU": 1 a–d, 2 a–c, 3 a–b, 4 a–e (with đ), 5 a–d.
    assert keys == ["IV.1.a", "IV.1.b", "IV.1.c", "IV.1.d", "IV.2.a", "IV.2.b", "IV.2.c", "IV.3.a", "IV.3.b",
                    "IV.4.a", "IV.4.b", "IV.4.c", "IV.4.d", "IV.4.đ", "IV.4.e", "IV.5.a", "IV.5.b", "IV.5.c",
                    "IV.5.d"]


def test_quang_ngai_hard_wrapped_tasks():
    tasks = {t.key: t for t in _tasks(QUANG_NGAI)}
    assert {"II.1.a", "II.1.b", "II.1.c", "II.2.1.a", "II.2.2.c", "II.2.3.b", "II.3", "II.4.c"} <= set(tasks)
    assert tasks["II.2.2.b"].text.startswith("Tăng cường đầu tư trang thiết bị")


def test_sở_plan_deadlines():
    tasks = _tasks(SEEDS / "000_2ee7c834c98d6cc5.txt")
    assert [t.key for t in tasks] == ["II.1", "II.2", "II.3", "II.4"]  # "Nội dung 1" … "Nội dung 4"
    assert "tháng 7/2026" in tasks[0].deadline


def test_dong_nai_2021_vs_ninh_thuan_2024():
    coverage = compare(_tasks(DONG_NAI_2021), _tasks(NINH_THUAN))
    matched = {p.b.key: p.a.key for p in coverage.pairs}
    # Ninh Thuận c) "Đào tạo nguồn nhân lực" is Đồng Nai's part 4 (đào tạo, tập huấn, bồi dưỡng); d) "Hỗ trợ
    # doanh nghiệp áp dụng các giải pháp" is part 3 (hỗ trợ doanh nghiệp).
    assert matched["I.2.c"].startswith("IV.4.")
    assert matched["I.2.d"].startswith("IV.3.")
    # Đồng Nai's part 5 (tiềm lực khoa học và công nghệ: thử nghiệm, ISO 56000) has no counterpart in Ninh Thuận.
    only_dong_nai = {t.key for t in coverage.only_a}
    assert {"IV.5.a", "IV.5.c", "IV.5.d"} <= only_dong_nai


def test_dong_nai_2025_vs_quang_ngai_share_the_national_wording():
    coverage = compare(_tasks(DONG_NAI_2025), _tasks(QUANG_NGAI))
    matched = {p.a.key: p.b.key for p in coverage.pairs}
    # Both copy tasks of 36/QĐ-TTg: equipment for training, the support network, ISO 56000, international projects.
    assert matched["II.3.c"] == "II.2.2.b"
    assert matched["II.4.c"] == "II.2.3.a"
    assert matched["II.5.c"] == "II.2.1.c"
    assert matched["II.6.c"] == "II.4.c"
    assert all(p.score >= 60 for p in coverage.pairs)


def test_cli_compare_files():
    result = CliRunner().invoke(app, ["compare", str(DONG_NAI_2021), str(NINH_THUAN), "--format", "json"])
    assert result.exit_code == 0, result.output
    assert '"only_a"' in result.output
