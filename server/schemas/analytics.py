"""Analytics: outcomes import, validity, calibration and bias-audit reports, self-reported groups."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, Field


class OutcomesImported(BaseModel):
    """How many outcome values were stored, for how many interviews."""

    stored: int
    interviews: int


class CorrelationOut(BaseModel):
    """One predictor's correlation with the outcome, its 95 % interval and sample-size warning."""

    predictor: str
    method: str
    r: float | None
    n: int
    ci_low: float | None
    ci_high: float | None
    warning: str | None


class IncrementalOut(BaseModel):
    """R² of the outcome on HR's recommendation alone, and with the AI's overall score added."""

    n: int
    r2_hr: float
    r2_hr_and_ai: float
    delta_r2: float
    warning: str | None


class ValidityOut(BaseModel):
    """Predictive validity of the AI's scores (per competency and overall) and of HR's recommendation."""

    job_id: str
    metric: str
    n: int
    correlations: list[CorrelationOut]
    hr_recommendation: CorrelationOut
    incremental: IncrementalOut
    range_restriction_note: str
    sample_size_note: str | None


class WeightOut(BaseModel):
    """A competency's current weight, the suggested one, the difference and its bootstrap interval."""

    competency: str
    current: float
    suggested: float | None
    diff: float | None
    ci_low: float | None
    ci_high: float | None


class CalibrationOut(BaseModel):
    """Suggested weights from outcomes or from HR's scores, as a diff against the job's weights."""

    job_id: str
    target: str
    n: int
    r2: float
    warning: str | None
    weights: list[WeightOut]


class GroupRateOut(BaseModel):
    """One group's row of the bias audit (NYC Local Law 144 shape)."""

    group: str
    candidates: int
    selected: int
    selection_rate: float
    impact_ratio: float
    flagged: bool


class IntersectionRowOut(BaseModel):
    """One combination of self-reported values (e.g. female × Asian): counts, rate, ratio, flags."""

    group: list[str]
    candidates: int
    selected: int
    selection_rate: float
    impact_ratio: float | None
    flagged: bool
    excluded: bool


class IntersectionOut(BaseModel):
    """Selection rates by a combination of dimensions; unknown: decided candidates lacking a value."""

    dimensions: list[str]
    rows: list[IntersectionRowOut]
    unknown: int
    unknown_selected: int
    min_share: float


class BiasAuditOut(BaseModel):
    """Selection rates (HR's decisions) and scoring rates (AI overall above the median) per group."""

    job_id: str
    category: str
    decided: int
    selection: list[GroupRateOut]
    scoring: list[GroupRateOut]
    intersectional: list[IntersectionOut] = Field(default_factory=list)
    note: str


class SelfIdIn(BaseModel):
    """A candidate's optional self-reported answers, given separately, with explicit consent."""

    consent: bool
    answers: dict[str, str] = Field(max_length=5)


class SelfIdOut(BaseModel):
    """How many answers were stored (zero when the candidate declined)."""

    stored: int


class StageOut(BaseModel):
    """One funnel stage: how many interviews reached it."""

    stage: str
    count: int


class CountOut(BaseModel):
    """A labelled count and its share of a base (e.g. interviews with a presence flag of a kind)."""

    key: str
    count: int
    rate: float | None


class SummaryStat(BaseModel):
    """Median and mean of a duration, and how many values they are over."""

    n: int
    median: float | None
    mean: float | None


class AgreementOut(BaseModel):
    """How often and how far HR moved the AI's score of one competency."""

    competency: str
    decisions: int
    overrides: int
    override_rate: float | None
    mean_abs_diff: float | None
    mean_diff: float | None


class JobFunnelOut(BaseModel):
    """One job's funnel and candidate satisfaction, for the per-job table."""

    job_id: str
    title: str
    department: str | None
    funnel: list[StageOut]
    satisfaction_n: int = 0
    satisfaction_mean: float | None = None


class StepOut(BaseModel):
    """A step of the candidate's way: how many reached it, stopped there, and the share of the step before."""

    step: str
    reached: int
    stopped: int
    rate: float | None


class SatisfactionOut(BaseModel):
    """Candidates' 1-5 ratings: mean, median, count per rating, and the share of completed who answered."""

    n: int
    median: float | None
    mean: float | None
    distribution: list[CountOut]
    completed: int
    response_rate: float | None


class MarkRateOut(BaseModel):
    """Reviewers' marks on one competency's AI answer scores: how many, and the share not reasonable."""

    competency: str
    marks: int
    not_reasonable: int
    not_reasonable_rate: float | None


class DashboardOut(BaseModel):
    """The HR dashboard's numbers for the jobs, department and period asked for."""

    funnel: list[StageOut]
    dropout: list[CountOut]
    interview_minutes: SummaryStat
    review_hours: SummaryStat
    agreement: list[AgreementOut]
    presence_flags: list[CountOut]
    satisfaction: SatisfactionOut
    jobs: list[JobFunnelOut]
    steps: list[StepOut] = Field(default_factory=list)
    device_check_failed: int = 0
    score_marks: list[MarkRateOut] = Field(default_factory=list)


class WeightsIn(BaseModel):
    """Weights an admin accepts, per competency (normalised to sum to one when stored)."""

    weights: dict[str, float] = Field(max_length=50)
    source: str = Field(default="manual", min_length=1, max_length=60)
    note: str = Field(default="", max_length=2000)


class WeightVersionOut(BaseModel):
    """One accepted version of a job's weights."""

    version: int
    weights: dict[str, float]
    source: str
    accepted_by: str
    note: str
    created_at: datetime


PublicationField = Literal["rank", "name", "id_number", "score", "decision"]


class PublicationIn(BaseModel):
    """What an admin chooses to publish: the columns, how names and ID numbers are masked, the format."""

    title: str = Field(default="", max_length=200)
    fields: list[PublicationField] = Field(min_length=1, max_length=5)
    name_mask: Literal["surname_only", "none"] = "surname_only"
    id_mask: Literal["last4", "hidden"] = "last4"
    format: Literal["json", "xlsx", "pdf"] = "json"
    lang: Literal["zh", "en"] = "zh"


class PublicationOut(BaseModel):
    """The table as it will be published: headers and rows of text, masked."""

    title: str
    headers: list[str]
    rows: list[list[str]]


class PoolMatch(BaseModel):
    """A past candidate whose evidence matches the search."""

    candidate_id: str
    name: str
    interview_id: str
    job_title: str
    score: float
    quantified_results: list[str]


class PoolInviteIn(BaseModel):
    """Invite a pool candidate to another job."""

    candidate_id: str = Field(min_length=1, max_length=40)
    job_id: str = Field(min_length=1, max_length=40)
