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
  pick_slot: "选择面试时间", slot_zone: "以下时间按您所在的时区显示", no_slots: "暂时没有可选时间，请稍后再来或联系招聘人员。",
  moves_left: "还可更改次数", booked_for: "已预约", reschedule: "更改时间", cancel_slot: "取消此时间",
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
  pick_slot: "Pick a time for your interview", slot_zone: "Times are shown in your time zone", no_slots: "No times are free right now; please come back later or contact the recruiter.",
  moves_left: "Changes left", booked_for: "Booked for", reschedule: "Change the time", cancel_slot: "Cancel this time",
});
// HR's view of what was sent to the candidate (the review page).
Object.assign(I18N.zh, {
  messages_title: "发给候选人的消息", msg_kind: "类型", msg_channel: "渠道", msg_due: "时间", msg_status: "结果",
  msg_reason: "原因", not_invited: "尚未发送邀请。", link_requested: "候选人申请了新链接：", next_step: "下一步",
  draft_next_round: "起草复试邀请", draft_rejection: "起草未通过通知（使用已批准的反馈信）", approve_send: "批准并发送",
  kind_invitation: "邀请", kind_reminder: "提醒", kind_next_step: "下一步", kind_staff: "员工", kind_schedule: "面试时间",
  ms_pending: "待发送", ms_sent: "已发送", ms_bounced: "退信", ms_failed: "发送失败", ms_cancelled: "已取消",
  ms_skipped: "未发送", ms_draft: "草稿（待批准）",
});
Object.assign(I18N.en, {
  messages_title: "Messages to the candidate", msg_kind: "Kind", msg_channel: "Channel", msg_due: "When", msg_status: "Outcome",
  msg_reason: "Why", not_invited: "No invitation has been sent yet.", link_requested: "The candidate asked for a new link at ",
  next_step: "Next step", draft_next_round: "Draft a next-round invitation",
  draft_rejection: "Draft the rejection (with the approved feedback letter)", approve_send: "Approve and send",
  kind_invitation: "invitation", kind_reminder: "reminder", kind_next_step: "next step", kind_staff: "staff", kind_schedule: "interview time",
  ms_pending: "pending", ms_sent: "sent", ms_bounced: "bounced", ms_failed: "failed", ms_cancelled: "cancelled",
  ms_skipped: "not sent", ms_draft: "draft (awaiting approval)",
});
