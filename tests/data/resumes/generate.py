"""Writes the resume corpus: truth JSON plus the resume as PDF (one or two columns), DOCX (paragraphs or
tables) or plain text, in English and Chinese, with protected attributes (age, gender, marital status,
birth date, a photo) planted for the guard to drop. Deterministic (seeded); run from the repo root:

    python tests/data/resumes/generate.py

Needs fpdf2, python-docx and Pillow (dev extra). Even-numbered resumes are the tuning half, odd the held-out half.
"""

from __future__ import annotations

import io
import json
import random
from datetime import datetime, timezone
from pathlib import Path

HERE = Path(__file__).resolve().parent
FONT = "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"
LAYOUTS = ("pdf_one", "pdf_two", "docx_para", "docx_table", "txt_after", "txt_before")
N_PER_LANGUAGE = 17

EN = {
    "orgs": [
        "Northwind Traders Ltd", "Contoso Inc.", "Fabrikam", "Globex Corporation", "Initech", "Umbrella Labs",
        "Acme Analytics", "Blue Harbor Bank", "Vertex Software", "Pinecrest Health", "Lumen Games",
        "Orbital Logistics", "Tailspin Toys", "Wingtip Solutions", "Adatum Corp", "Proseware",
    ],
    "titles": [
        "Software Engineer", "Senior Backend Engineer", "Product Manager", "Data Analyst", "UX Designer",
        "Engineering Manager", "QA Engineer", "DevOps Engineer", "Marketing Specialist", "Financial Analyst",
        "Research Scientist", "Sales Representative", "Technical Lead", "Machine Learning Engineer",
    ],
    "schools": [
        "University of Edinburgh", "Tsinghua University", "Georgia Institute of Technology",
        "Imperial College London", "University of Toronto", "Boston College", "National University of Singapore",
        "King's College London", "University of Michigan", "Delft University of Technology",
    ],
    "fields": [
        "Computer Science", "Economics", "Statistics", "Mechanical Engineering", "Mathematics", "Marketing",
        "Psychology", "Electrical Engineering",
    ],
    "skills": [
        "Python", "Go", "SQL", "Kubernetes", "React", "TypeScript", "Java", "C++", "Docker", "AWS", "Tableau",
        "Excel", "Figma", "Spark", "Machine Learning", "PostgreSQL", "Redis", "Terraform", "Git", "Linux",
    ],
    "highlights": [
        "Led a team of {n} engineers to rebuild the billing pipeline",
        "Cut page load time by {p}% through caching and lazy loading",
        "Launched a self-service portal used by {k}k customers",
        "Migrated {n} services to Kubernetes with zero downtime",
        "Mentored {n} junior analysts",
        "Grew qualified leads by {p}% in two quarters",
        "Designed the experiment platform behind {n} product launches",
        "Owned the end-to-end redesign of the onboarding flow across web, iOS and Android, working with design, "
        "legal and support, which lifted week-one retention by {p}%",
    ],
    "achievements": [
        "Employee of the Year {y}", "Winner, City Hackathon {y}", "Best Paper Award, KDD {y}",
        "Dean's List {y}", "AWS Certified Solutions Architect ({y})", "Patent granted for stream deduplication ({y})",
    ],
    "headings": {
        "education": ["EDUCATION", "Education", "Academic Background"],
        "experience": [
            "EXPERIENCE", "Work Experience", "Professional Experience", "Employment History", "Relevant Experience",
        ],
        "skills": ["SKILLS", "Skills", "Technical Skills"],
        "achievements": ["AWARDS", "Achievements", "Awards & Honours"],
        "summary": ["Summary", "PROFILE"],
    },
    "names": ["Alex Morgan", "Priya Raman", "Tom Becker", "Sara Lindqvist", "Omar Haddad", "Julia Chen"],
    "summary": "Engineer and team lead who likes measurable results.",
}
ZH = {
    "orgs": [
        "北京字节跳动科技有限公司", "腾讯科技（深圳）有限公司", "阿里巴巴集团", "美团", "京东集团", "华为技术有限公司",
        "网易", "招商银行", "小红书", "蔚来汽车", "上海拉扎斯信息科技有限公司", "百度在线网络技术有限公司", "滴滴出行",
        "平安科技", "携程集团", "快手",
    ],
    "titles": [
        "后端开发工程师", "高级产品经理", "数据分析师", "算法工程师", "前端开发工程师", "测试工程师", "运营专员",
        "技术经理", "UI设计师", "财务分析师", "销售经理", "项目经理", "架构师",
    ],
    "schools": [
        "清华大学", "北京大学", "浙江大学", "复旦大学", "上海交通大学", "华中科技大学", "南京大学", "中国人民大学",
        "武汉大学", "电子科技大学",
    ],
    "fields": ["计算机科学与技术", "软件工程", "统计学", "金融学", "电子信息工程", "市场营销", "数学与应用数学", "工商管理"],
    "skills": [
        "Python", "Java", "Go", "MySQL", "Redis", "Kafka", "Spring Boot", "机器学习", "数据分析", "Axure", "SQL",
        "Hadoop", "项目管理", "Vue", "React", "Linux", "Docker",
    ],
    "highlights": [
        "带领{n}人团队完成支付系统重构", "将接口平均响应时间降低{p}%", "负责日活{k}万的推荐系统",
        "主导{n}个核心业务从单体迁移到微服务", "指导{n}名新人完成入职培训", "搭建数据看板，支持{n}个业务部门决策",
        "负责订单系统的整体架构设计与性能优化，协调产品、测试和运维团队，在大促期间支撑每秒{k}万笔订单且零故障",
    ],
    "achievements": [
        "{y}年度优秀员工", "{y}年全国大学生数学建模竞赛一等奖", "国家奖学金（{y}）", "{y}年公司技术创新奖",
        "获得PMP认证（{y}）",
    ],
    "headings": {
        "education": ["教育背景", "教育经历", "【教育背景】"],
        "experience": ["工作经历", "工作经验", "【工作经历】", "工作履历"],
        "skills": ["专业技能", "技能特长", "【专业技能】"],
        "achievements": ["获奖情况", "荣誉奖项", "【获奖情况】"],
        "summary": ["自我评价", "个人简介"],
    },
    "names": ["张伟", "李娜", "王芳", "刘洋", "陈静", "赵磊"],
    "summary": "五年互联网经验，注重结果与团队协作。",
}
DEGREE_TEXT = {
    "en": {
        "bachelor": ["B.Sc. in {f}", "Bachelor of Science in {f}", "BA, {f}"],
        "master": ["M.Sc. {f}", "Master of Science in {f}"],
        "phd": ["PhD in {f}"],
        "mba": ["MBA"],
    },
    "zh": {"bachelor": ["{f} 本科", "本科 {f}"], "master": ["{f} 硕士", "硕士研究生 {f}"], "phd": ["{f} 博士"], "mba": ["MBA"]},
}


def fmt_date(lang: str, style: int, y: int, m: int) -> str:
    months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    full = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
            "November", "December"]
    if lang == "en":
        return [f"{months[m - 1]} {y}", f"{m:02d}/{y}", f"{y}-{m:02d}", f"{full[m - 1]} {y}", f"{months[m - 1]}. {y}",
                f"{m:02d}/{y}"][style % 6]
    return [f"{y}.{m:02d}", f"{y}年{m}月", f"{y}/{m:02d}", f"{y}.{m}", f"{y}年{m:02d}月", f"{y}-{m:02d}"][style % 6]


def fmt_range(lang: str, style: int, start: tuple[int, int], end: tuple[int, int] | None) -> str:
    sep = {"en": [" – ", " - ", " to ", " – ", " — ", "–"], "zh": ["-", " - ", " 至 ", " ~ ", "—", "～"]}[lang][style % 6]
    present = {"en": ["Present", "Present", "present", "Now", "Current", "Today"],
               "zh": ["至今", "至今", "今", "至今", "现在", "至今"]}[lang][style % 6]
    tail = present if end is None else fmt_date(lang, style, *end)
    return fmt_date(lang, style, *start) + sep + tail


def make_truth(i: int, lang: str, rng: random.Random) -> dict:
    pool = EN if lang == "en" else ZH
    layout = LAYOUTS[i % len(LAYOUTS)]
    style = rng.randrange(6)
    # Jobs, newest first, sometimes with a gap or an overlap.
    n_jobs = rng.choice([2, 3, 3, 4])
    jobs = []
    year, month = 2025, rng.randrange(1, 13)
    end: tuple[int, int] | None = None
    orgs = rng.sample(pool["orgs"], n_jobs)
    titles = rng.sample(pool["titles"], n_jobs)
    for j in range(n_jobs):
        length = rng.randrange(10, 40)
        s_idx = (year * 12 + month - 1) - length
        start = (s_idx // 12, s_idx % 12 + 1)
        hl = []
        for t in rng.sample(pool["highlights"], rng.randrange(1, 4)):
            hl.append(t.format(n=rng.randrange(3, 15), p=rng.randrange(10, 60), k=rng.randrange(5, 500)))
        jobs.append({"organisation": orgs[j], "title": titles[j], "start": start, "end": end, "highlights": hl})
        shift = rng.choice([1, 1, 1, 6, -3])  # months between this job's start and the previous job's end
        e_idx = s_idx - shift
        end = (e_idx // 12, e_idx % 12 + 1)
        year, month = end
    edu = []
    grad = end[0] if end else 2015
    levels = rng.choice([["bachelor"], ["master", "bachelor"], ["bachelor"], ["mba", "bachelor"], ["phd", "bachelor"]])
    for k, level in enumerate(levels):
        years = {"bachelor": 4, "master": 2, "mba": 2, "phd": 4}[level]
        e_year = grad - (0 if k == 0 else 2 if levels[0] in ("master", "mba") else 4)
        field = None if level == "mba" else rng.choice(pool["fields"])
        edu.append({
            "school": rng.choice(pool["schools"]), "degree": level, "field": field,
            "start": (e_year - years, 9), "end": (e_year, 6 if lang == "en" else 7),
            "text": rng.choice(DEGREE_TEXT[lang][level]).format(f=field or ""),
        })
    skills = rng.sample(pool["skills"], rng.randrange(5, 10))
    ach = [a.format(y=rng.randrange(2014, 2025)) for a in rng.sample(pool["achievements"], rng.randrange(1, 4))]
    age = rng.randrange(24, 45)
    if lang == "en":
        gender, marital = rng.choice(["Female", "Male"]), rng.choice(["Married", "Single"])
        protected = [f"Age: {age}", f"Gender: {gender}", f"Marital status: {marital}",
                     f"Date of birth: {rng.randrange(1, 28)} March {2025 - age}"]
    else:
        gender, marital = rng.choice(["女", "男"]), rng.choice(["已婚", "未婚"])
        protected = [f"年龄：{age}岁", f"性别：{gender}", f"婚姻状况：{marital}", f"出生年月：{2025 - age}.03",
                     "民族：汉族 | 政治面貌：群众"]
    job_forms = {"docx_table": ["pipe"], "pdf_two": ["pipe", "before", "at"]}.get(layout, ["pipe", "before", "at", "three"])
    return {
        "job_form": rng.choice(job_forms),
        "edu_form": rng.choice(["pipe", "dates_first", "stacked"] if layout != "docx_table" else ["pipe"]),
        "skills_form": rng.choice(["flat", "grouped"]),
        "projects": rng.random() < 0.4,
        "id": f"{lang}{i:02d}", "language": lang, "layout": layout, "style": style,
        "split": "tune" if i % 2 == 0 else "test", "name": rng.choice(pool["names"]),
        "experience": jobs, "education": edu, "skills": skills, "achievements": ach, "protected": protected,
        "photo": layout in ("pdf_one", "pdf_two", "docx_para"),
    }


def _heading(t: dict, key: str, rng: random.Random) -> str:
    return rng.choice((EN if t["language"] == "en" else ZH)["headings"][key])


def blocks(t: dict, rng: random.Random, before: bool) -> list[tuple[str, str]]:
    """The resume as (kind, text) blocks: heading, plain, right (a date at the right), bullet."""
    lang, style = t["language"], t["style"]
    out: list[tuple[str, str]] = [("name", t["name"]), ("plain", "  |  ".join(t["protected"][:3]))]
    out.append(("plain", "email@example.com | +00 000 0000"))
    out.append(("plain", t["protected"][3]))
    out += [("heading", _heading(t, "summary", rng)), ("plain", (EN if lang == "en" else ZH)["summary"])]
    out.append(("heading", _heading(t, "experience", rng)))
    form = "before" if before and t["job_form"] == "pipe" else t["job_form"]
    for job in t["experience"]:
        rng_text = fmt_range(lang, style, job["start"], job["end"])
        org, title = job["organisation"], job["title"]
        if form == "before":
            out.append(("plain", title))
            out.append(("dated", f"{org}|{rng_text}"))
        elif form == "at":
            out.append(("dated", (f"{title} at {org}" if lang == "en" else f"{org}，{title}") + f"|{rng_text}"))
        elif form == "three":
            out += [("plain", org), ("plain", title), ("plain", rng_text)]
        else:
            out.append(("dated", f"{org}  |  {title}|{rng_text}"))
        out += [("bullet", h) for h in job["highlights"]]
    if t["projects"]:
        out.append(("heading", "Projects" if lang == "en" else "项目经历"))
        name = "Open-source log shipper" if lang == "en" else "开源日志采集工具"
        out.append(("dated", f"{name}  |  {'Maintainer' if lang == 'en' else '维护者'}|{fmt_range(lang, style, (2020, 1), None)}"))
        out.append(("bullet", "Wrote the Kafka sink" if lang == "en" else "编写 Kafka 输出模块"))
    out.append(("heading", _heading(t, "education", rng)))
    for e in t["education"]:
        when = fmt_range(lang, style, e["start"], e["end"])
        if t["edu_form"] == "dates_first":
            out.append(("plain", f"{when}   {e['school']}   {e['text'].strip()}"))
        elif t["edu_form"] == "stacked":
            out += [("plain", e["school"]), ("plain", e["text"].strip()), ("plain", when)]
        else:
            out.append(("dated", f"{e['school']}  |  {e['text'].strip()}|{when}"))
    out.append(("heading", _heading(t, "skills", rng)))
    if t["skills_form"] == "grouped":
        half = len(t["skills"]) // 2
        labels = ("Languages", "Tools") if lang == "en" else ("编程语言", "工具")
        colon = ": " if lang == "en" else "："
        out.append(("plain", labels[0] + colon + ", ".join(t["skills"][:half])))
        out.append(("plain", labels[1] + colon + ", ".join(t["skills"][half:])))
    else:
        out.append(("plain", ("、" if lang == "zh" and style % 2 else ", ").join(t["skills"])))
    out.append(("heading", _heading(t, "achievements", rng)))
    out += [("bullet", a) for a in t["achievements"]]
    return out


def write_txt(t: dict, rng: random.Random, before: bool) -> bytes:
    lines = []
    for kind, text in blocks(t, rng, before):
        if kind == "heading":
            lines += ["", text.upper() if t["language"] == "en" else text]
        elif kind == "dated":
            left, date = text.rsplit("|", 1)
            lines.append(f"{left.strip()}    {date}")
        elif kind == "bullet":
            lines.append(f"- {text}")
        else:
            lines.append(text)
    data = "\n".join(lines) + "\n"
    return data.encode("gb18030" if t["language"] == "zh" and t["style"] == 3 else "utf-8")


def _photo() -> bytes:
    from PIL import Image

    buf = io.BytesIO()
    Image.new("L", (30, 40), 128).save(buf, "PNG")
    return buf.getvalue()


def write_docx(t: dict, rng: random.Random, table: bool) -> bytes:
    import docx
    from docx.shared import Inches

    doc = docx.Document()
    doc.core_properties.created = datetime(2026, 1, 1, tzinfo=timezone.utc)
    if t["photo"]:
        doc.add_picture(io.BytesIO(_photo()), width=Inches(0.6))
    items = blocks(t, rng, before=False)
    k = 0
    while k < len(items):
        kind, text = items[k]
        if kind == "heading":
            doc.add_heading(text, level=2)
        elif kind == "dated" and table:
            tbl = doc.add_table(rows=0, cols=3)
            while k < len(items) and items[k][0] in ("dated", "bullet"):
                kind, text = items[k]
                if kind == "dated":
                    left, date = text.rsplit("|", 1)
                    a, b = [s.strip() for s in left.split("|")]
                    cells = tbl.add_row().cells
                    cells[0].text, cells[1].text, cells[2].text = date, a, b
                else:
                    merged = tbl.add_row().cells
                    m = merged[0].merge(merged[2])
                    m.text = "• " + text if not m.text else m.text + "\n• " + text
                    while k + 1 < len(items) and items[k + 1][0] == "bullet":
                        k += 1
                        m.add_paragraph("• " + items[k][1])
                k += 1
            continue
        elif kind == "dated":
            left, date = text.rsplit("|", 1)
            doc.add_paragraph(f"{left.strip()}\t{date}")
        elif kind == "bullet":
            doc.add_paragraph(text, style="List Bullet")
        else:
            doc.add_paragraph(text)
        k += 1
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def _pdf():
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.set_creation_date(datetime(2026, 1, 1, tzinfo=timezone.utc))
    pdf.add_font("wqy", fname=FONT, collection_font_number=0)
    pdf.set_auto_page_break(True, margin=15)
    pdf.add_page()
    return pdf


def write_pdf_one(t: dict, rng: random.Random) -> bytes:
    pdf = _pdf()
    if t["photo"]:
        pdf.image(io.BytesIO(_photo()), x=180, y=10, w=15)
    for kind, text in blocks(t, rng, before=t["style"] % 2 == 1):
        pdf.set_x(15)
        if kind == "name":
            pdf.set_font("wqy", size=16)
            pdf.cell(150, 9, text, new_x="LMARGIN", new_y="NEXT")
        elif kind == "heading":
            pdf.set_font("wqy", size=12)
            pdf.ln(2)
            pdf.cell(180, 7, text, new_x="LMARGIN", new_y="NEXT")
        elif kind == "dated":
            pdf.set_font("wqy", size=10)
            left, date = text.rsplit("|", 1)
            pdf.cell(130, 6, left.replace("  |  ", " | "))
            pdf.cell(50, 6, date, align="R", new_x="LMARGIN", new_y="NEXT")
        elif kind == "bullet":
            pdf.set_font("wqy", size=10)
            pdf.multi_cell(180, 6, "· " + text, new_x="LMARGIN", new_y="NEXT")
        else:
            pdf.set_font("wqy", size=10)
            pdf.cell(180, 6, text, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def write_pdf_two(t: dict, rng: random.Random) -> bytes:
    """Sidebar (contacts, education, skills, awards) on the left, experience on the right."""
    pdf = _pdf()
    items = blocks(t, rng, before=t["style"] % 2 == 0)
    side_keys = ("education", "skills", "achievements")
    main: list[tuple[str, str]] = []
    side: list[tuple[str, str]] = []
    target = side
    for kind, text in items:
        if kind == "heading":
            hs = EN["headings"] if t["language"] == "en" else ZH["headings"]
            target = side if any(text in hs[k] for k in side_keys) else main
        elif kind in ("name", "plain") and target is side and not side:
            target = side
        target.append((kind, text))
    # Contacts and protected lines stay in the sidebar; summary/experience go to the main column.
    if t["photo"]:
        pdf.image(io.BytesIO(_photo()), x=12, y=10, w=15)
    pdf.set_y(30)
    for kind, text in side:
        pdf.set_x(10)
        pdf.set_font("wqy", size=12 if kind in ("heading", "name") else 8)
        if kind == "dated":
            left, date = text.rsplit("|", 1)
            for piece in [s.strip() for s in left.split("|")] + [date]:
                pdf.set_x(10)
                pdf.cell(58, 5, piece, new_x="LMARGIN", new_y="NEXT")
        elif kind == "plain" and len(text) > 24:
            pdf.multi_cell(58, 5, text, new_x="LMARGIN", new_y="NEXT")
        else:
            pdf.cell(58, 6, ("· " if kind == "bullet" else "") + text.replace("  |  ", ", "), new_x="LMARGIN", new_y="NEXT")
    pdf.set_y(12)
    for kind, text in main:
        pdf.set_x(75)
        pdf.set_font("wqy", size=12 if kind == "heading" else 9)
        if kind == "dated":
            left, date = text.rsplit("|", 1)
            pdf.cell(80, 6, left.replace("  |  ", " | "))
            pdf.cell(45, 6, date, align="R", new_x="LMARGIN", new_y="NEXT")
        elif kind == "bullet":
            pdf.multi_cell(125, 6, "· " + text, new_x="LMARGIN", new_y="NEXT")
        else:
            pdf.cell(125, 6, text, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def write(t: dict, rng: random.Random) -> tuple[str, bytes]:
    layout = t["layout"]
    if layout == "pdf_one":
        return "pdf", write_pdf_one(t, rng)
    if layout == "pdf_two":
        return "pdf", write_pdf_two(t, rng)
    if layout.startswith("docx"):
        return "docx", write_docx(t, rng, table=layout == "docx_table")
    return "txt", write_txt(t, rng, before=layout == "txt_before")


def _json_truth(t: dict, file: str) -> dict:
    def ym(d):
        return None if d is None else f"{d[0]}-{d[1]:02d}"

    return {
        "id": t["id"], "file": file, "language": t["language"], "layout": t["layout"], "split": t["split"],
        "variant": {k: t[k] for k in ("job_form", "edu_form", "skills_form", "projects", "style")},
        "experience": [
            {"organisation": j["organisation"], "title": j["title"], "start": ym(j["start"]), "end": ym(j["end"]),
             "highlights": j["highlights"]}
            for j in t["experience"]
        ],
        "education": [
            {"school": e["school"], "degree": e["degree"], "field": e["field"], "start": ym(e["start"]),
             "end": ym(e["end"])}
            for e in t["education"]
        ],
        "skills": t["skills"], "achievements": t["achievements"], "protected": t["protected"],
        "photo": t["photo"],
    }


def scanned_pdf() -> bytes:
    """A PDF with only an image on its page (a scan): no text layer."""
    from fpdf import FPDF
    from PIL import Image, ImageDraw

    img = Image.new("L", (400, 200), 255)
    ImageDraw.Draw(img).text((20, 20), "Work Experience 2019 - 2021", fill=0)
    buf = io.BytesIO()
    img.save(buf, "PNG")
    pdf = FPDF()
    pdf.set_creation_date(datetime(2026, 1, 1, tzinfo=timezone.utc))
    pdf.add_page()
    pdf.image(buf, x=10, y=10, w=150)
    return bytes(pdf.output())


def main() -> None:
    for lang in ("en", "zh"):
        for i in range(N_PER_LANGUAGE):
            rng = random.Random(f"{lang}-{i}")
            t = make_truth(i, lang, rng)
            ext, data = write(t, rng)
            file = f"{t['id']}.{ext}"
            (HERE / file).write_bytes(data)
            (HERE / f"{t['id']}.json").write_text(
                json.dumps(_json_truth(t, file), ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
            )
    (HERE / "scanned.pdf").write_bytes(scanned_pdf())


if __name__ == "__main__":
    main()
