"""HTTP and WebSocket routes: thin, they call services."""
