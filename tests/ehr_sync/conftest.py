from tests.server.conftest import engine

__all__ = ["engine"]
