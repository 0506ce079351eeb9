"""The guide on a phone: the comparison page shows every column of every table at 390 px."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.sync_api import BrowserContext

PHONE = {"viewport": {"width": 390, "height": 844}, "device_scale_factor": 1}


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_table_on_the_comparison_page_hides_columns_on_a_phone(
    new_context: Callable[..., BrowserContext], scheme: str
) -> None:
    page = new_context(**PHONE, color_scheme=scheme).new_page()
    page.goto("where-advice-differs/")
    tables = page.eval_on_selector_all(
        "article table",
        """tables => tables.map(t => {
            const box = t.closest('.md-typeset__scrollwrap') || t;
            const cells = [...t.querySelectorAll('th, td')].map(c => c.getBoundingClientRect());
            return {
                text: t.innerText.slice(0, 40),
                overflow: t.scrollWidth - t.clientWidth,
                wrapOverflow: box.scrollWidth - box.clientWidth,
                outside: cells.filter(r => r.right > window.innerWidth + 0.5 || r.left < -0.5).length,
            };
        })""",
    )
    assert len(tables) >= 10, "the page should have a block per question"
    for table in tables:
        assert table["overflow"] <= 1 and table["wrapOverflow"] <= 1, table
        assert table["outside"] == 0, table
    # Nor does the page itself scroll sideways.
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
