"""The interviewing agent: the plan of questions and the turn-taking policy. Pure logic, no I/O."""
