"""The coding module: a sandbox that runs a candidate's code against a task's tests, and its stored runs."""
