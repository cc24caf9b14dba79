"""The words of the lapsed-patent compilation — the PDF/HTML (:mod:`.lapsed_report`) and the workbook
(:mod:`.lapsed_book`) — in Chinese and English (key prefix ``lap_``), and the compiled industry as a title
says it; dates, counts, SEI names and provinces come from :mod:`.words`.

May import: seip.i18n, seip.analysis, seip.reports.words.

Every function reads the language when called (``seip --lang en`` sets it after import). English follows
patent-analytics usage: "lapsed", "end date", "value score", "core patent"; SEI names and provinces come from
package data (``name_en`` of the SEI table, the pinyin of ``seip/records/data/cn_pinyin.csv``); applicants,
titles and abstracts stay as stored.
"""

from __future__ import annotations

from seip import i18n
from seip.analysis import lapsed
from seip.reports.words import en, industry, sei_name

#: Reasons of the end (legal statuses), as the analysis layer names them in both languages.
REASONS = i18n.Terms(lapsed.REASONS)
#: Basis of the end date, in the PDF entries (``BOOK_BASIS``: the workbook's shorter cells).
BASIS = i18n.Terms(
    {"event": ("法律事件日期", "legal-event date"), "term": ("按法定期限推算", "statutory term"),
     "unknown": ("日期未知", "date unknown")}
)  # fmt: skip
BOOK_BASIS = i18n.Terms(
    {
        "event": ("法律事件", "legal event"),
        "term": ("法定期限推算", "statutory term"),
        "unknown": ("未知", "unknown"),
    }
)
YES_NO = i18n.Terms({True: ("是", "yes"), False: ("否", "no")})
#: Column headings of the workbook's entry sheets: those of ``seip lapsed`` (capitalised in English) and four
#: of the compilation's own.
HEADERS = i18n.Terms(
    {k: (zh, en[:1].upper() + en[1:]) for k, (zh, en) in lapsed.XLSX_HEADERS.items()}
    | {"group": ("分组", "Group"), "end_basis": ("失效日期依据", "Basis of the end date"),
       "value_score": ("价值度", "Value score"), "abstract": ("摘要（节选）", "Abstract (excerpt)")}
)  # fmt: skip

i18n.register(
    {
        # scope and title
        "lap_all": ("专利库全部专利", "the whole corpus"),
        "lap_all_sei": ("战略性新兴产业", "Strategic Emerging Industries"),
        "lap_scope_sei": ("{name}（战略性新兴产业 {code}）", "{name} (SEI {code})"),
        "lap_scope_query": ("检索式“{query}”命中", "matching the query “{query}”"),
        "lap_scope_region": ("第一申请人在{region}", "with the first applicant in {region}"),
        "lap_title": ("{region}{industry}失效专利文献汇编", "Compilation of Lapsed Patents: {industry}{region}"),
        "lap_title_region": ("{region}", " — {region}"),
        "lap_ungrouped": ("未归入技术分支", "Not in a technology branch"),
        "lap_unclassified": ("未分类", "Unclassified"),
        # findings
        "lap_since": ("失效日不早于 {date}", "counting those that ended on or after {date}"),
        "lap_any_time": ("不限失效时间", "whenever they ended"),
        "lap_find_total": (
            "截至 {as_of}，{scope}已失效（终止、届满、无效、放弃、撤回、驳回）的专利申请共 **{n}** 件（{since}；"
            "失效日期未知的 {undated} 件按其可能的最早失效日判断）。数据截至 {cutoff}。",
            "As of {as_of}, **{n}** patent application{s} in {scope} had ended — lapsed for unpaid fees, expired, "
            "invalidated, abandoned, withdrawn or rejected — {since}; the {undated} without a known end date are "
            "placed at the earliest day they can have ended. Data as of {cutoff}.",
        ),
        "lap_find_reasons": ("按失效原因：{items}。", "By reason: {items}."),
        "lap_reason_item": ("{reason} {n} 件（{pct}）", "{reason} {n} ({pct})"),
        "lap_item_sep": ("，", "; "),
        "lap_list_sep": ("、", "; "),
        "lap_fact_sep": ("；", "; "),
        "lap_find_years": (
            "有确切失效日期的 {dated} 件中，{year} 年失效最多（{n} 件）。",
            "Of the {dated} with a known end date, the most ended in {year} ({n}).",
        ),
        "lap_find_no_years": (
            "数据中没有这些专利的失效日期（法律事件），图表按其可能的最早失效年份（授权日或公开日所在年份）统计。",
            "The data hold no end dates (legal events) for these patents: the charts count each in the earliest "
            "year it can have ended (the year of grant or of publication).",
        ),
        "lap_find_value": (
            "可评价值度的 {scored} 件中，按价值度属于其群组前 10% 的核心专利 {core} 件；价值最高的是 {pub}“{title}”"
            "（{score}，{reason}）。",
            "Of the {scored} that could be scored, {core} {are} core patent{s} (top 10% by value score among "
            "comparable patents); the most valuable is {pub} “{title}” (score {score}, {reason}).",
        ),
        "lap_find_groups": ("涉及{word} {k} 个，最多的是 {group}（{n} 件）。", "They span {k} {word}; the largest is {group} ({n})."),
        "lap_find_holders": ("原申请（专利权）人以 {items} 居前。", "Leading former applicants and owners: {items}."),
        "lap_holder_item": ("{holder}（{n} 件）", "{holder} ({n})"),
        "lap_find_book": (
            "汇编一章按{word}分组列出价值最高的 {n} 件{all}；全部条目见同名 .xlsx 工作簿（按价值排序，含按失效原因和按产业分类的工作表）。",
            "The compilation chapter lists the {n} most valuable, grouped by {word}{all}; every entry is in the "
            ".xlsx workbook of the same name (ranked by value, with sheets by reason and by SEI category).",
        ),
        "lap_find_book_all": ("（即全部）", " (that is, all of them)"),
        "lap_word_ipc": ("IPC 小类", "IPC subclass"),
        "lap_word_ipc_many": ("IPC 小类", "IPC subclasses"),
        "lap_word_branch": ("技术分支", "technology branch"),
        "lap_word_branch_many": ("技术分支", "technology branches"),
        # overview
        "lap_overview": ("概况", "Overview"),
        "lap_reason": ("失效原因", "Reason"),
        "lap_count": ("件数", "Patents"),
        "lap_share": ("占比", "Share"),
        "lap_by_reason": ("失效专利按原因", "Lapsed patents by reason"),
        "lap_year": ("失效年份", "Year ended"),
        "lap_date_basis": ("日期", "Date"),
        "lap_dated": ("有确切失效日期", "known end date"),
        "lap_undated": ("日期未知（最早可能年份）", "date unknown (earliest possible year)"),
        "lap_type": ("专利类型", "Patent type"),
        "lap_by_type": ("失效专利按类型", "Lapsed patents by patent type"),
        "lap_group_ipc": ("IPC 小类", "IPC subclass"),
        "lap_group_branch": ("技术分支", "Technology branch"),
        "lap_ipc_title": ("小类名称（英文）", "Subclass title"),
        "lap_holder": ("原申请（专利权）人", "Former applicant / owner"),
        "lap_top_holders": ("失效专利较多的原申请人（前10位）", "Former applicants with the most lapsed patents (top 10)"),
        "lap_intro": (
            "失效专利的技术方案已进入公有领域，可以自由实施；价值度较高者适合二次开发、改进后重新申请，或作为规避设计的参考。"
            "下图为失效原因和失效年份的分布。",
            "The technical solutions of lapsed patents have passed into the public domain and may be practised "
            "freely; the more valuable ones lend themselves to further development, to new filings on "
            "improvements, or serve as references for design-around. The charts below show why and when they "
            "ended.",
        ),
        "lap_reasons_chart": ("失效原因构成", "Reasons for lapse"),
        "lap_reasons_note": ("共 {n} 件。", "{n} patent{s} in total."),
        "lap_years_chart": ("各年失效专利数量", "Lapsed patents by year of lapse"),
        "lap_years_note": (
            "失效年份取法律事件日期或法定期限；数据没有失效日期的，按其可能的最早失效年份（权利：授权日；申请：公开日）计入，以浅色标出。",
            "The year is that of the legal event or of the statutory end of term; entries without an end date in "
            "the data are counted in the earliest year they can have ended (rights: grant; applications: "
            "publication), shown in a lighter shade.",
        ),
        "lap_groups_chart_ipc": ("失效专利较多的IPC 小类（前15位）", "IPC subclasses with the most lapsed patents (top 15)"),
        "lap_groups_chart_branch": ("失效专利较多的技术分支（前15位）", "Technology branches with the most lapsed patents (top 15)"),
        # entries and the compilation chapter
        "lap_untitled": ("（无标题）", "(untitled)"),
        "lap_end_dated": ("{date}（{basis}）", "{date} ({basis})"),
        "lap_end_after": ("日期未知，不早于 {date}", "date unknown, not before {date}"),
        "lap_end_unknown": ("日期未知", "date unknown"),
        "lap_meta_holder": ("原申请（专利权）人：{x}", "Former applicant / owner: {x}"),
        "lap_meta_app": ("申请号 {x}", "Application no. {x}"),
        "lap_meta_filed": ("申请日 {x}", "Filed {x}"),
        "lap_meta_granted": ("授权日 {x}", "Granted {x}"),
        "lap_meta_end": ("失效：{reason}，{end}", "Ended: {reason}, {end}"),
        "lap_meta_value": ("价值度 {score}{core}", "Value score {score}{core}"),
        "lap_meta_core": ("（核心专利）", " (core patent)"),
        "lap_meta_ipc": ("IPC {x}", "IPC {x}"),
        "lap_meta_sep": ("｜", " | "),
        "lap_abstract": ("摘要：{text}", "Abstract: {text}"),
        "lap_group_head": ("{n} 件，按价值度从高到低。", "{n} patent{s}, by value score, highest first."),
        "lap_group_name": ("{group}（{title}）", "{group} ({title})"),
        "lap_chapter": ("失效专利汇编", "The Compilation"),
        "lap_chapter_ipc": ("IPC 小类（主分类号）", "IPC subclass of the main classification"),
        "lap_chapter_branch": ("专利地图技术分支", "technology branch of the patent map"),
        "lap_chapter_intro": (
            "按{word}分组，组按件数从多到少，组内按价值度从高到低；序号为全部失效专利中的价值排序。",
            "Entries are grouped by {word}, largest group first, and ranked by value score within each group; "
            "the number before each entry is its rank by value among all lapsed patents of the compilation.",
        ),
        "lap_chapter_limit": (
            "本章列出价值最高的 {n} 件，全部 {total} 件见同名 .xlsx 工作簿。",
            " This chapter lists the {n} most valuable; all {total} are in the .xlsx workbook of the same name.",
        ),
        # method
        "lap_method": ("方法说明", "Method and Data"),
        "lap_method_scope": (
            "研究范围：{scope}。评估日 {as_of}，数据截止日 {cutoff}（专利库最新公开日）。",
            "Scope: {scope}. Assessed as of {as_of}; data cut-off {cutoff} (the latest publication date in the "
            "corpus). It is the lapsed-patent compilation (失效专利文献汇编) called for by provincial IP policy.",
        ),
        "lap_method_ipc": ("IPC 小类取主分类号的前四位", "the IPC subclass is the first four characters of the main IPC symbol"),
        "lap_method_branch": (
            "技术分支为专利地图（文本向量、PaCMAP 布局、HDBSCAN 聚类、c-TF-IDF 命名）的分支，见 docs/reports.md",
            "technology branches are those of the patent map (text vectors, PaCMAP layout, HDBSCAN clusters named "
            "by c-TF-IDF terms); see docs/reports.md",
        ),
        "lap_method_note": ("**{k}**：{v}", "**{k}**: {v}."),
        "lap_method_group": ("**分组**：{group}。", "**Grouping**: {group}."),
        "lap_method_sei": (
            "**产业分类**：战略性新兴产业分类（2018），按国家知识产权局战略性新兴产业与国际专利分类参照关系表（2021）由 IPC 归类。",
            "**SEI**: the strategic emerging industry categories (战略性新兴产业, 2018 classification), assigned "
            "from the IPC symbols by the SEI–IPC concordance of CNIPA (国家知识产权局, 2021).",
        ),
        "lap_method_region": (
            "**地区**：第一申请人所在省份。**检索式**：一件申请的任一公开文本命中即选入。",
            "**Region**: the province of the first applicant. **Query**: an application is included when any of "
            "its published documents matches.",
        ),
        "lap_method_cmd": (
            "**复现**：{cmd}（不含地区和检索式条件）；定义见 docs/analysis.md（Lapsed patents）。",
            "**Reproduce**: {cmd} (without the region and query conditions); definitions in docs/analysis.md "
            "(Lapsed patents).",
        ),
        "lap_method_file": ("失效专利.xlsx", "lapsed.xlsx"),
        # cover facts, provenance (PDF and workbook)
        "lap_subtitle": ("{since}数据截至 {cutoff}", "{since}Data as of {cutoff}"),
        "lap_subtitle_since": ("失效日不早于 {date} · ", "Ended on or after {date} · "),
        "lap_scope": ("研究范围", "Scope"),
        "lap_since_label": ("失效日不早于", "Ended on or after"),
        "lap_as_of": ("评估日", "As of"),
        "lap_cutoff": ("数据截止日", "Data cut-off"),
        "lap_total": ("失效专利（件）", "Lapsed patents"),
        "lap_generated": ("生成日期", "Generated"),
        "lap_book_subtitle": ("数据截至 {cutoff} · 编制日期 {today}", "Data as of {cutoff} · compiled {today}"),
        "lap_publisher": ("编制单位", "Publisher"),
        "lap_book_scope": ("汇编范围", "Scope"),
        "lap_any_date": ("不限", "any date"),
        "lap_grouping": ("分组", "Grouping"),
        "lap_grouping_ipc": ("IPC 小类（主分类号前四位）", "IPC subclass (first four characters of the main IPC)"),
        "lap_grouping_branch": ("专利地图技术分支", "technology branch of the patent map"),
        "lap_sources": ("数据来源", "Sources"),
        "lap_source_item": ("{fmt} {files} 个文件，{rows} 行", "{fmt}: {files} file{s}, {rows} rows"),
        "lap_sheets": ("工作表", "Sheets"),
        "lap_sheet_item": ("{sheet}（{desc}）", "{sheet} ({desc})"),
        # workbook sheets and headings
        "lap_sheet_cover": ("封面", "Cover"),
        "lap_sheet_contents": ("目录", "Contents"),
        "lap_sheet_entries": ("失效专利", "Lapsed patents"),
        "lap_sheet_reasons": ("按失效原因", "By reason"),
        "lap_desc_cover": ("汇编范围、方法与数据来源", "scope, method and data sources"),
        "lap_desc_contents": ("各工作表", "the sheets of this workbook"),
        "lap_desc_entries": ("全部条目，按价值度从高到低", "every entry, most valuable first"),
        "lap_desc_reasons": ("件数、占比、核心专利及按年份分布", "counts, shares, core patents and years of lapse"),
        "lap_desc_sei": ("{name}（{code}）的条目", "entries of {name} ({code})"),
        "lap_contents_title": ("目录", "Contents"),
        "lap_head_sheet": ("工作表", "Sheet"),
        "lap_head_desc": ("内容", "Contents"),
        "lap_head_rows": ("行数", "Rows"),
        "lap_reasons_title": ("失效专利按失效原因", "Lapsed patents by reason"),
        "lap_head_dated": ("有确切失效日期", "With a known end date"),
        "lap_head_core": ("核心专利", "Core patents"),
        "lap_head_mean": ("平均价值度", "Mean value score"),
        "lap_sum": ("合计", "Total"),
        "lap_years_title": ("按失效年份（日期未知者按最早可能年份）", "By year of lapse (undated entries at the earliest possible year)"),
        "lap_head_undated": ("其中日期未知", "of which undated"),
    }
)  # fmt: skip


def sector(code: str | None) -> str:
    """The compiled industry as a title says it: ``人工智能产业``, ``Artificial intelligence``."""
    if not code:
        return i18n.t("lap_all_sei")
    return sei_name(code) if en() else industry(code)
