// Page translations. The candidate page follows the job's language; staff pages the user's choice.
const I18N = {
  zh: {
    notice: "开始之前", version: "告知版本", agree: "我同意录音录像并转写（参加面试所必需）。",
    agree_ai: "我同意由 AI 给出参考评分（由人工复核）。不勾选则仅由人工评估。",
    agree_presence: "我同意对视频进行在场检测（无人脸、多人、视线离开）。",
    withdraw: "撤回同意并删除我的数据", withdraw_confirm: "撤回同意会立即结束面试并删除您的数据。确定吗？",
    human_only: "候选人要求人工评估（无 AI 评分）", consented_to: "候选人同意的内容",
    scope_recording: "录音录像", scope_ai: "AI 评估", scope_presence: "在场检测", yes_short: "是", no_short: "否",
    continue: "继续", join: "加入面试", leave: "离开", captions: "我们听到的内容",
    connecting: "正在连接…", connected: "已连接", ended: "面试已结束", question: "问题",
    transcript: "转写", login: "登录", email: "邮箱", password: "密码", interviews: "面试列表",
    current: "当前问题", speaking: "正在说话", silent: "安静", waiting: "加入后，第一个问题会显示在这里。",
    review: "复核", recording: "录像", scorecard: "评分卡", competency: "能力项", ai_score: "AI 评分",
    human_score: "人工评分", coverage: "覆盖", evidence: "证据", reasons: "依据", decision: "决定",
    status: "状态", recommendation: "建议", comment: "说明（必填）", submit: "提交复核", history: "修改记录",
    notes: "面试官笔记", report: "报告", print: "打印 / 导出 PDF", candidate: "候选人", job: "职位",
    created: "创建时间", score: "分数", all: "全部", filter: "筛选", min_score: "最低分",
    pending_review: "待复核", next_round: "进入复试", rejected: "未通过", on_hold: "待定",
    strong_yes: "强烈推荐", yes: "推荐", no: "不推荐", strong_no: "强烈不推荐",
    covered: "已覆盖", weak: "证据不足", not_yet: "未覆盖", saved: "已保存", ai_said: "AI 建议",
    decided_by: "决定人", overall: "总分", needs_review: "AI 评分，需人工决定",
    scheduled: "未开始", live: "进行中", finished: "已结束", interrupted: "已中断", cancelled: "已取消",
    controls: "控制", inject: "插入问题", skip: "跳过问题", pause: "暂停 AI", resume: "继续 AI",
    take_over: "接管", hand_back: "交还 AI", end: "结束面试", add_note: "添加笔记", outline: "面试提纲",
    suggestions: "建议追问", flags: "诚信提示", progress: "进度", send: "发送", time_left: "剩余时间",
    flag_tab_hidden: "离开了面试页面", flag_reconnected: "重新连接", flag_no_face: "画面中没有人脸",
    flag_multiple_faces: "画面中有多张人脸", flag_looking_away: "长时间看向别处", date_from: "开始日期",
    connectors: "HR 系统对接", add_connector: "添加对接", name: "名称", kind: "类型", secret: "密钥（加密保存；webhook 留空则自动生成）",
    options: "选项（JSON）", add: "添加", deliveries: "投递记录", event: "事件", interview: "面试", attempts: "尝试次数",
    last_error: "最近错误", retry: "重新投递",
    letter: "反馈信", letter_note: "根据候选人的回答起草，不含分数和结论。批准之前不会发送。", draft: "起草反馈信",
    save: "保存", approve: "批准并发送", approved_by: "批准人", draft_status: "草稿（未发送）", date_to: "结束日期", console: "控制台", ask_placeholder: "输入要问候选人的问题…", note_placeholder: "输入笔记…", provisional: "暂定", final: "最终", ev_star: "情境/任务", ev_action: "行动", ev_result: "结果",
    publication: "结果公示", pub_title: "标题", pub_lang: "表格语言", pub_fields: "公示字段", pub_rank: "排名", pub_name: "姓名",
    pub_id: "身份证号", pub_score: "成绩", pub_decision: "结果", pub_name_mask: "姓名显示", pub_surname_only: "仅显示姓（张**）",
    pub_full_name: "完整姓名", pub_id_mask: "身份证号显示", pub_last4: "仅显示后四位", pub_hidden: "不显示", export_pdf: "导出 PDF",
    calibration: "建议权重（依据入职后绩效）", current_weight: "当前", suggested_weight: "建议", weight_diff: "变化", weight_ci: "95% 区间",
    accept_weights: "采用这些权重（管理员）", accepted_version: "已采用为版本", bias_audit: "偏差审计（自报性别）", group: "群体",
    applicants: "候选人数", selected: "通过数", selection_rate: "通过率", impact_ratio: "影响比", below_four_fifths: "低于五分之四",
    warn_small_sample: "样本少于 30，结果不稳定", warn_too_few: "样本太少，无法计算", warn_no_positive_relation: "没有正向关系，不建议调整",
    analytics: "招聘数据分析", department: "部门", export_csv: "导出 CSV", export_xlsx: "导出 Excel", funnel: "招聘漏斗",
    dropout: "按题目的流失", agreement: "AI 与 HR 评分一致性", decisions: "复核数", overrides: "修改数", override_rate: "修改率",
    mean_abs_diff: "平均 |HR − AI|", mean_diff: "平均 HR − AI", times: "用时", measure: "指标", median: "中位数", mean: "平均值",
    presence_flags: "在场检测标记", flag: "标记", count: "数量", share_completed: "占完成面试比例", per_job: "按职位",
    stage_invited: "已邀请", stage_started: "已开始", stage_completed: "已完成", stage_reviewed: "已复核", stage_advanced: "进入下一轮", stage_hired: "已录用",
    interview_minutes: "面试时长（分钟）", review_hours: "面试结束到 HR 复核（小时）", satisfaction: "候选人满意度（尚未收集）",
    definitions: "已邀请：创建的面试；已开始：候选人已加入；已完成：面试结束；已复核：HR 已作出决定；进入下一轮：HR 推进；已录用：已导入入职后结果。",
    ev_specific: "具体细节", ev_plan: "计划步骤", agent_paused: "AI 已暂停", agent_taken_over: "面试官已接管",
  },
  en: {
    calibration: "Suggested weights (from performance outcomes)", warn_small_sample: "fewer than 30: unstable",
    warn_too_few: "too few to compute", warn_no_positive_relation: "no positive relation: no change suggested",
    stage_invited: "Invited", stage_started: "Started", stage_completed: "Completed", stage_reviewed: "Reviewed",
    stage_advanced: "Advanced", stage_hired: "Hired", interview_minutes: "Interview length (minutes)",
    review_hours: "Interview end to HR review (hours)", satisfaction: "Candidate satisfaction (not collected yet)",
    funnel: "Funnel", dropout: "Drop-out", override_rate: "Override rate (%)", job: "Job", department: "Department",
    agree: "I agree to the recording and transcription (needed to take part).",
    agree_ai: "I agree to AI-suggested scores, reviewed by a person. Leave unticked for a human-only evaluation.",
    agree_presence: "I agree to video presence checks (no face, several faces, looking away).",
    withdraw: "Withdraw consent and delete my data",
    withdraw_confirm: "Withdrawing ends the interview now and deletes your data. Are you sure?",
    human_only: "Human evaluation requested (no AI scores)", consented_to: "The candidate agreed to",
    scope_recording: "recording", scope_ai: "AI evaluation", scope_presence: "presence checks",
    yes_short: "yes", no_short: "no",
    connecting: "Connecting…", connected: "Connected", ended: "Interview ended", question: "Question",
    speaking: "speaking", silent: "silent", pending_review: "Pending review", next_round: "Next round",
    rejected: "Rejected", on_hold: "On hold", strong_yes: "Strong yes", yes: "Yes", no: "No",
    strong_no: "Strong no", covered: "covered", weak: "weak evidence", not_yet: "not covered",
    saved: "Saved", ai_said: "AI suggests", decided_by: "Decided by", overall: "Overall",
    needs_review: "AI scores; a human decides", all: "All", provisional: "provisional", final: "final",
    agent_paused: "Agent paused", agent_taken_over: "Interviewer has taken over", review: "Review",
    report: "Report", console: "Console", scheduled: "scheduled", live: "live", finished: "finished",
    interrupted: "interrupted", cancelled: "cancelled", approved_by: "Approved by", draft_status: "Draft (not sent)",
    approve: "Approve and send", flag_tab_hidden: "left the interview tab",
    flag_reconnected: "reconnected", flag_no_face: "no face in view", flag_multiple_faces: "several faces in view", flag_looking_away: "looking away for long",
  },
};
function t(lang, key, fallback) { return (I18N[lang] && I18N[lang][key]) || (I18N.en[key]) || fallback || key; }
function translatePage(lang) {
  document.documentElement.lang = lang;
  if (lang === "en") return;
  document.querySelectorAll("[data-i18n]").forEach((el) => {
    const v = I18N[lang] && I18N[lang][el.dataset.i18n];
    if (v) el.textContent = v;
  });
  document.querySelectorAll("[data-i18n-placeholder]").forEach((el) => {
    const v = I18N[lang] && I18N[lang][el.dataset.i18nPlaceholder];
    if (v) { el.placeholder = v; el.setAttribute("aria-label", v); }
  });
}
