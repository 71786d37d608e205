"""The composition root: FastAPI app, API, auth, persistence, live interview orchestration."""
