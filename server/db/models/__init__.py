"""ORM models; importing this package registers every table on `Base.metadata`."""

from server.db.models.audit import AuditEvent, AuditHead
from server.db.models.candidate import Candidate
from server.db.models.consent_text import ConsentText
from server.db.models.data_key import DataKey
from server.db.models.integrity import IntegrityFlag
from server.db.models.interview import Consent, Interview
from server.db.models.job import Competency, Job, Question
from server.db.models.outbox import Delivery, Endpoint, OutboxEvent
from server.db.models.outcome import Outcome, SelfReportedGroup, WeightVersion
from server.db.models.recording import Recording
from server.db.models.review import FeedbackLetter, InterviewNote, ReviewDecision
from server.db.models.score import AnswerScoreRow
from server.db.models.session import LoginFailure, StaffSession
from server.db.models.user import User
from server.db.models.utterance import Utterance

__all__ = [
    "Delivery",
    "Endpoint",
    "OutboxEvent",
    "AnswerScoreRow",
    "AuditEvent",
    "AuditHead",
    "Candidate",
    "Competency",
    "DataKey",
    "Consent",
    "ConsentText",
    "IntegrityFlag",
    "FeedbackLetter",
    "Interview",
    "InterviewNote",
    "Job",
    "LoginFailure",
    "Outcome",
    "Question",
    "Recording",
    "ReviewDecision",
    "SelfReportedGroup",
    "StaffSession",
    "User",
    "Utterance",
    "WeightVersion",
]
