"""ORM models; importing this package registers every table on `Base.metadata`."""

from server.db.models.audit import AuditEvent, AuditHead
from server.db.models.candidate import Candidate
from server.db.models.consent_text import ConsentText
from server.db.models.data_key import DataKey
from server.db.models.inbound import InboundMessage
from server.db.models.integrity import IntegrityFlag
from server.db.models.interview import Consent, Interview
from server.db.models.invitation import (
    CandidateMessage,
    Invitation,
    InvitePolicy,
    MessageTemplate,
)
from server.db.models.job import Competency, Job, Question
from server.db.models.module import CodeRun, ModuleResult, SurveyResponse
from server.db.models.outbox import Delivery, Endpoint, OutboxEvent
from server.db.models.outcome import Outcome, SelfReportedGroup, WeightVersion
from server.db.models.recording import Recording
from server.db.models.resume import Resume
from server.db.models.review import FeedbackLetter, InterviewNote, ReviewDecision, ScoreMark
from server.db.models.score import AnswerScoreRow
from server.db.models.session import LoginFailure, StaffSession
from server.db.models.user import User
from server.db.models.utterance import Utterance

__all__ = [
    "InboundMessage",
    "Delivery",
    "Endpoint",
    "OutboxEvent",
    "AnswerScoreRow",
    "AuditEvent",
    "AuditHead",
    "Candidate",
    "CodeRun",
    "ModuleResult",
    "SurveyResponse",
    "CandidateMessage",
    "Invitation",
    "InvitePolicy",
    "MessageTemplate",
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
    "Resume",
    "ReviewDecision",
    "ScoreMark",
    "SelfReportedGroup",
    "StaffSession",
    "User",
    "Utterance",
    "WeightVersion",
]
