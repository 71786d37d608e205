"""The analytics queries and outcome import on real SQLite and PostgreSQL (migrated by 0016)."""

from __future__ import annotations

import json

import pytest
from scipy import stats
from sqlalchemy.ext.asyncio import AsyncEngine

from server.db.engine import make_sessionmaker
from server.db.models import User
from server.errors import NotFound
from server.services import analytics, outcomes
from tests.analytics_data import generate, store

ADMIN = User(email="admin@example.test", name="Admin", role="admin", department=None)
FINANCE = User(email="hr@example.test", name="HR", role="hr", department="Finance")


async def test_import_then_reports_on_a_real_database(engine: AsyncEngine) -> None:
    sessions = make_sessionmaker(engine)
    data = generate(n=80, seed=3)
    job_id = await store(sessions, data)
    hired = [i for i in range(80) if data.advanced[i]]
    body = json.dumps(
        [{"interview_id": data.interview_ids[i], "performance": float(data.performance[i])} for i in hired]
    ).encode()
    async with sessions.begin() as s:
        imported = await outcomes.import_outcomes(s, ADMIN, body, "application/json")
    assert imported.stored == len(hired)
    async with sessions.begin() as s:  # the same values again replace, not duplicate
        await outcomes.import_outcomes(s, ADMIN, body, "application/json")
    async with sessions() as s:
        report = await analytics.validity(s, ADMIN, job_id, "performance")
        audit = await analytics.audit(s, ADMIN, job_id, "sex")
        with pytest.raises(NotFound):
            await analytics.validity(s, FINANCE, job_id, "performance")
    assert report.n == len(hired)
    expected = stats.pearsonr(data.scores[data.advanced].mean(axis=1), data.performance[data.advanced])
    overall = next(c for c in report.correlations if c.predictor == "ai_overall")
    assert overall.r == pytest.approx(expected.statistic, abs=1e-9)
    assert sum(g.candidates for g in audit.selection) == 80
