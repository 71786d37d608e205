"""The results publication page in a real Chromium, in Chinese and English: masked preview, the
admin's masking choice, and the PDF and Excel downloads. Screenshots go to artifacts/screenshots."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import expect, sync_playwright

from server.services.accounts import create_user
from tests.analytics_data import generate, store
from tests.e2e.conftest import ServerProcess, Store, launch_chromium, login

pytestmark = pytest.mark.browser
SHOTS = Path(__file__).resolve().parents[2] / "artifacts" / "screenshots"
PASSWORD = "correct horse battery"
PEOPLE = [("张三丰", "110101199003071234"), ("李四", "31010419851212567X"), ("Wang Wu", "")]
HEADERS = {"zh": "姓名", "en": "Name"}


def seed(server: ServerProcess, email: str) -> str:
    async def run(db: Store) -> str:
        job_id = await store(db.sessions, generate(n=3, seed=2), names=PEOPLE)
        async with db.sessions.begin() as s:
            await create_user(s, email, "Admin", "admin", PASSWORD, None)
        return job_id

    return server.seed(run)


@pytest.mark.parametrize("language", ["en", "zh"])
def test_publication_page_masks_and_exports(server: ServerProcess, language: str) -> None:
    email = f"pub-{language}@example.test"
    job_id = seed(server, email)
    SHOTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as pw:
        browser = launch_chromium(pw)
        try:
            page = browser.new_page(viewport={"width": 1200, "height": 900})
            errors: list[str] = []
            page.on(
                "console",
                lambda m: errors.append(m.text) if m.type == "error" and "404" not in m.text else None,
            )
            login(page, server, email, PASSWORD, f"/publication?lang={language}&job={job_id}")
            page.wait_for_function("() => window.__publication && window.__publication.ready")
            expect(page.locator("#preview-head th").nth(1)).to_have_text(HEADERS[language])
            table = page.locator("#preview-rows")
            expect(table).to_contain_text("张**")
            expect(table).to_contain_text("**************1234")
            assert "张三丰" not in table.inner_text() and "110101199003071234" not in table.inner_text()

            page.select_option("#p-id-mask", "hidden")
            expect(table).not_to_contain_text("1234")
            page.uncheck("input[name=field][value=score]")
            expect(page.locator("#preview-head th")).to_have_count(4)
            page.screenshot(path=str(SHOTS / f"publication-{language}.png"), full_page=True)
            with page.expect_download() as pdf:
                page.click("#p-pdf")
            assert pdf.value.suggested_filename == "publication.pdf"
            assert Path(pdf.value.path()).read_bytes().startswith(b"%PDF")
            with page.expect_download() as xlsx:
                page.click("#p-xlsx")
            assert xlsx.value.suggested_filename == "publication.xlsx"
            assert not errors, errors
        finally:
            browser.close()
