"""Business logic between routes and repositories."""
