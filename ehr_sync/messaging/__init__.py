"""Messages to people (candidates, staff): e-mail, DingTalk/WeCom work notifications, an SMS hook."""
