// The candidate's status page, device check, new-link request and unsubscribe page (zh and en).
Object.assign(I18N.zh, {
  your_status: "您的面试进度", st_invited: "已邀请", st_scheduled: "已预约", st_in_progress: "进行中",
  st_completed: "已完成", st_under_review: "评估中", st_decision_sent: "结果已发送", st_cancelled: "已取消",
  deadline: "截止时间", slot: "预约时间", retakes: "可重新参加次数",
  device_check: "设备与网络检查", camera: "摄像头", microphone: "麦克风", network: "与服务器的连接",
  checking: "检查中…", ok: "正常", failed: "未通过", mic_hint: "请说几句话，音量条应随之跳动。",
  expired_title: "此链接已过期", expired_text: "链接已过期或已超过截止时间。您可以申请一个新链接。",
  new_link: "给我发送新链接", unsubscribe_title: "退订提醒", unsubscribe_text: "退订后，您将不再收到本次面试的提醒。面试链接仍然有效。",
  unsubscribe_btn: "退订", unsubscribed: "已退订：您不会再收到本次面试的提醒。",
});
Object.assign(I18N.en, {
  your_status: "Your interview", st_invited: "Invited", st_scheduled: "Scheduled", st_in_progress: "In progress",
  st_completed: "Completed", st_under_review: "Under review", st_decision_sent: "Decision sent", st_cancelled: "Cancelled",
  deadline: "Complete by", slot: "Scheduled for", retakes: "Retakes allowed",
  device_check: "Device and network check", camera: "Camera", microphone: "Microphone", network: "Connection to the server",
  checking: "checking…", ok: "OK", failed: "failed", mic_hint: "Say a few words: the bar should move.",
  expired_title: "This link has expired", expired_text: "The link has expired or its deadline has passed. You can ask for a new one.",
  new_link: "Send me a new link", unsubscribe_title: "Unsubscribe from reminders",
  unsubscribe_text: "You will get no more reminders about this interview. Your interview link keeps working.",
  unsubscribe_btn: "Unsubscribe", unsubscribed: "Unsubscribed: you will get no more reminders about this interview.",
});
