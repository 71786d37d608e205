"""What an operator watches: Prometheus metrics, readiness, and structured logs."""
