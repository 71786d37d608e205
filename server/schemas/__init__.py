"""API request and response models, one module per domain (kept apart from the ORM models).

Everything is re-exported here, so `from server.schemas import X` names a schema wherever it lives.
"""

from server.schemas.admin import (
    ConnectorCreated,
    ConnectorIn,
    ConnectorKindOut,
    ConnectorOut,
    DeliveryOut,
    ErasureOut,
    MetricsOut,
)
from server.schemas.auth import LoginIn, LoginOut, SessionsRevoked, UserOut
from server.schemas.candidate import AnswerOut, ConsentIn, ConsentOut, InviteOut, OfferIn
from server.schemas.common import Ack, Health, Timestamp
from server.schemas.greenhouse import (
    CompleteTestStatus,
    PartnerTest,
    PendingTestStatus,
    SentTest,
    TestStatus,
)
from server.schemas.interviews import (
    ControlIn,
    CoverageOut,
    FlagOut,
    InterviewDetail,
    InterviewFilter,
    InterviewSummary,
    RecordingOut,
    ScoreOut,
    UtteranceOut,
    WatchIn,
)
from server.schemas.jobs import (
    ImportedCandidate,
    JobCreated,
    JobOut,
    PlanCompetency,
    PlanOut,
    PlanQuestion,
)
from server.schemas.review import (
    AuditOut,
    CompetencyDecisionIn,
    CompetencyReviewOut,
    LetterIn,
    LetterOut,
    NoteIn,
    NoteOut,
    Recommendation,
    ReviewIn,
    ReviewOut,
)

__all__ = [
    "Ack",
    "AnswerOut",
    "AuditOut",
    "CompetencyDecisionIn",
    "CompetencyReviewOut",
    "CompleteTestStatus",
    "ConnectorCreated",
    "ConnectorIn",
    "ConnectorKindOut",
    "ConnectorOut",
    "ConsentIn",
    "ConsentOut",
    "ControlIn",
    "CoverageOut",
    "DeliveryOut",
    "ErasureOut",
    "FlagOut",
    "Health",
    "ImportedCandidate",
    "InterviewDetail",
    "InterviewFilter",
    "InterviewSummary",
    "InviteOut",
    "JobCreated",
    "JobOut",
    "LetterIn",
    "LetterOut",
    "LoginIn",
    "LoginOut",
    "SessionsRevoked",
    "MetricsOut",
    "NoteIn",
    "NoteOut",
    "OfferIn",
    "PartnerTest",
    "PendingTestStatus",
    "PlanCompetency",
    "PlanOut",
    "PlanQuestion",
    "Recommendation",
    "RecordingOut",
    "ReviewIn",
    "ReviewOut",
    "ScoreOut",
    "SentTest",
    "TestStatus",
    "Timestamp",
    "UserOut",
    "UtteranceOut",
    "WatchIn",
]
