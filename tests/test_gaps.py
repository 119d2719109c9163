"""Gaps, peers and the province table on the bundled corpus, from reading the seed plans."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from vbpl.cli import app
from vbpl.gaps import gaps
from vbpl.peers import peers
from vbpl.province_report import province_table
from vbpl.provinces import current_provinces

ROOT = Path(__file__).resolve().parent.parent


def _covered(report) -> dict[str, list]:
    return {p.province: p.documents for p in report.provinces if p.covered}


def test_34_provinces():
    provinces = current_provinces()
    assert len(provinces) == 34
    assert {"Khánh Hòa", "Đồng Nai", "Quảng Ngãi", "Hà Nội", "Hồ Chí Minh"} <= set(provinces)
    assert "Ninh Thuận" not in provinces


def test_gaps_36(corpus):
    _, store, cg = corpus
    report = gaps(cg, store, "36/QĐ-TTg")
    assert report.date.isoformat() == "2021-01-11"
    covered = _covered(report)
    # Đồng Nai: 12015/KH-UBND (01/10/2021) lists it and "thực hiện … theo Quyết định 36"; the 2026 Sở plan rests
    # on it. Quảng Ngãi's 2025 draft opens "Thực hiện Quyết định số 36/QĐ-TTg". Ninh Thuận's 2024 draft cites it:
    # Ninh Thuận is part of Khánh Hòa since 1 July 2025.
    assert set(covered) == {"Đồng Nai", "Quảng Ngãi", "Khánh Hòa"}
    assert len(report.missing) == 31
    first = covered["Đồng Nai"][0]
    assert first.label.startswith("Kế hoạch 12015/KH-UBND") and first.relation == "implements"
    assert first.lag.days == 263 and first.lag.months == 8 and not first.lag.approximate
    ninh_thuan = covered["Khánh Hòa"][0]
    assert ninh_thuan.province == "Ninh Thuận" and ninh_thuan.relation == "implements"
    assert ninh_thuan.date.precision == "month" and ninh_thuan.date.date.isoformat() == "2024-04-30"
    assert ninh_thuan.lag.approximate and ninh_thuan.lag.months == 39
    assert covered["Quảng Ngãi"][0].date.date.isoformat() == "2025-06-30"


def test_gaps_1322_only_dong_nai(corpus):
    _, store, cg = corpus
    report = gaps(cg, store, "1322/QĐ-TTg")
    covered = _covered(report)
    assert set(covered) == {"Đồng Nai"}  # neither the Quảng Ngãi nor the Ninh Thuận plan cites it
    assert covered["Đồng Nai"][0].lag.days == 396  # 31/8/2020 → 01/10/2021


def test_gaps_38_ct_tw_stated_by_another_text(corpus):
    _, store, cg = corpus
    documents = _covered(gaps(cg, store, "38-CT/TW"))["Đồng Nai"]
    # 1295/QĐ-UBND implements it; it also says Kế hoạch 407-KH/TU of the Tỉnh ủy carries it out.
    labels = {d.label.split(" (")[0]: d for d in documents}
    assert labels["Quyết định 1295/QĐ-UBND"].stated_in is None
    assert labels["Kế hoạch 407-KH/TU"].stated_in is not None and not labels["Kế hoạch 407-KH/TU"].in_corpus


def test_peers_of_ninh_thuan_plan(corpus):
    _, store, cg = corpus
    ninh_thuan = store.document("004_34544d3a8a892a37.txt")
    report = peers(cg, store, str(ninh_thuan.id))
    assert report.parents == ["Quyết định 36/QĐ-TTg (2021-01-11)"]
    assert len(report.peers) == 3  # the other plans resting on 36/QĐ-TTg: Quảng Ngãi's and Đồng Nai's two
    top = report.recommendations[0]
    # Both Đồng Nai plans also rest on 1322/QĐ-TTg (the national programme); the Ninh Thuận plan does not cite it.
    assert top.label.startswith("Quyết định 1322/QĐ-TTg") and top.peers == 2
    assert all("@" not in r.node for r in report.recommendations)


def test_province_table(corpus):
    _, store, cg = corpus
    rows = {r.province: r for r in province_table(cg, store)}
    assert {"Đồng Nai", "Quảng Ngãi", "Khánh Hòa"} <= set(rows)
    khanh_hoa = rows["Khánh Hòa"].plans[0]
    assert khanh_hoa.province == "Ninh Thuận"
    assert [i.label.split(" (")[0] for i in khanh_hoa.implements] == ["Quyết định 36/QĐ-TTg"]
    assert any(t.kind == "money" and t.value == 74_580_000 for t in khanh_hoa.targets)
    dong_nai = {p.label.split(" (")[0]: p for p in rows["Đồng Nai"].plans}
    plan_2021 = dong_nai["Kế hoạch 12015/KH-UBND"]
    assert {"Quyết định 1322/QĐ-TTg (2020-08-31)", "Quyết định 36/QĐ-TTg (2021-01-11)"} <= {
        i.label for i in plan_2021.implements}
    assert any(t.unit == "chuyên gia" and t.value == 10 for t in plan_2021.targets)


def test_cli_gaps_json_and_csv(corpus):
    db, _, _ = corpus
    runner = CliRunner()
    result = runner.invoke(app, ["gaps", "--national", "qd 36 ttg", "--db", str(db), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["national"] == "quyet-dinh/36-qd-ttg/2021" and len(data["rows"]) == 34
    result = runner.invoke(app, ["gaps", "--national", "36/QĐ-TTg", "--db", str(db), "--format", "csv"])
    assert result.exit_code == 0 and result.output.startswith("province,")
    assert runner.invoke(app, ["gaps", "--national", "99999/QĐ-TTg", "--db", str(db)]).exit_code == 1
    for command in (["provinces"], ["peers", "12015/KH-UBND"]):
        assert runner.invoke(app, [*command, "--db", str(db)]).exit_code == 0
