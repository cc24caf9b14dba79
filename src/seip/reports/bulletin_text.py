"""The words of the warning bulletin (:mod:`seip.reports.bulletin`), in Chinese and English: sentence templates
registered with :func:`seip.i18n.register` under the prefix ``bul_``, and label tables kept as
:class:`seip.i18n.Terms`, read at render time in the language of ``--lang``.

May import: seip.analysis, seip.reports.published, seip.i18n, stdlib.

Level names: the Chinese ones are the indicator system's own (``levels`` of the YAML, 无警…巨警); the English
ones are :data:`seip.analysis.warning.LEVELS_EN`, by position.
"""

from __future__ import annotations

from seip import i18n
from seip.analysis import warning
from seip.reports.published import region_label
from seip.reports.words import en, sei_label

i18n.register(
    {
        # chapters
        "bul_ch_overview": ("预警概况", "Overview of alerts"),
        "bul_ch_details": ("预警详情", "Alert details"),
        "bul_ch_watches": ("监视动态", "Watchlist news"),
        "bul_ch_responses": ("应对建议", "Recommended responses"),
        "bul_ch_matrix": ("附表：指标值总表", "Appendix: all indicator values"),
        "bul_ch_method": ("方法说明", "Method"),
        # title page and provenance
        "bul_title": ("{region}{what}专利预警通报", "Patent Early-Warning Bulletin: {what}{region}"),
        "bul_title_all": ("战略性新兴产业", "Strategic Emerging Industries"),
        "bul_title_region": ("{region}", ", {region}"),
        "bul_subtitle": ("{year} 年 · 数据截至 {cutoff}", "{year} · data as of {cutoff}"),
        "bul_p_scope": ("研究范围", "Scope"),
        "bul_p_year": ("评估年", "Evaluation year"),
        "bul_p_as_of": ("评估日", "Assessment date"),
        "bul_p_cutoff": ("数据截止日", "Data cut-off"),
        "bul_p_rules": ("预警指标体系", "Indicator system"),
        "bul_p_alerts": ("预警（项）", "Alerts"),
        "bul_p_generated": ("生成日期", "Generated on"),
        # scope
        "bul_scope_sei": ("战略性新兴产业 {sei}", "strategic emerging industry (SEI) category {sei}"),
        "bul_scope_all": ("全部战略性新兴产业", "all strategic emerging industries (SEI)"),
        "bul_scope_region": ("{what}、{region}", "{what}, nationally and in {region}"),
        "bul_scope_provinces": ("{what}、全国及各省份", "{what}, nationally and in every province"),
        # key findings
        "bul_f_intro": (
            "本通报依据专利预警指标体系（{rules}，{k} 项指标），评估{scope} {year} 年（最近完整申请年）的专利态势，"
            "数据截至 {cutoff}，评估日 {as_of}。共计算指标值 {values} 个，其中 {evaluated} 个基数达到评估要求。",
            "This bulletin applies the patent early-warning indicator system ({rules}, {k} indicators) to {scope} "
            "for {year}, the latest complete filing year, on data up to {cutoff} (assessed on {as_of}). "
            "{values} indicator values were computed, {evaluated} of them on a base large enough to be assessed.",
        ),
        "bul_f_none": (
            "{year} 年没有指标达到{level}及以上，未发出预警。",
            "No indicator reached the {level} level or above in {year}: no alert was issued.",
        ),
        "bul_f_alerts": ("共发出预警 **{n}** 项：{parts}。", "Alerts issued: **{n}** ({parts})."),
        "bul_f_part": ("{level} **{k}** 项", "{k} {level}"),
        "bul_f_worst": (
            "**{level}**：{subject}，指标值 {value}，{rel}{level}阈值 {threshold}。",
            "**{Level}**: {subject}: value {value}, {rel} the {level} threshold of {threshold}.",
        ),
        "bul_f_more": (
            "另有 {k} 项{level}，见“预警详情”与附表。",
            "{k} more {level} alerts are set out under “Alert details” and in the appendix.",
        ),
        "bul_f_kind": (
            "预警最多的指标是{name}（{k} 项，涉及 {seis} 个产业分类）。",
            "The indicator with the most alerts is {name} ({alerts} across {seis}).",
        ),
        "bul_f_region": ("{region}本地区指标预警 {k} 项", "Alerts on the indicators of {region} itself: {k}"),
        "bul_f_region_top": (
            "，最高为{level}（{name}，{sei}）。",
            "; the most severe: [{level}] {name} · {sei}.",
        ),
        "bul_f_region_end": ("。", "."),
        "bul_f_watches": (
            "监视清单 {k} 项，自各自上次运行以来共有新专利 {new} 件、新法律事件 {events} 条。",
            "{k} on the watchlist: {new} and {events} since their last runs.",
        ),
        "bul_reached": ("达到", "at or above"),
        "bul_below": ("低于", "at or below"),
        # overview
        "bul_level": ("预警级别", "Warning level"),
        "bul_count": ("预警（项）", "Alerts"),
        "bul_by_level": ("各级别预警数量", "Alerts by level"),
        "bul_indicator": ("预警指标", "Indicator"),
        "bul_no": ("序号", "No."),
        "bul_lv": ("级别", "Level"),
        "bul_sei": ("产业分类", "SEI category"),
        "bul_region": ("地区", "Region"),
        "bul_value": ("指标值", "Value"),
        "bul_threshold": ("触发阈值", "Threshold reached"),
        "bul_alert_list": ("{year} 年预警一览（按严重程度）", "Alerts of {year}, most severe first"),
        "bul_overview": (
            "警级分为{levels}五级。{year} 年共发出预警 {n} 项，下表按严重程度排列，前 {k} 项在“预警详情”中逐项列出证据。",
            "Warnings are graded on five levels: {levels}. {n} alerts were issued for {year}; the table lists "
            "them from the most severe, and the evidence for the first {k} is set out one by one under “Alert "
            "details”.",
        ),
        "bul_kinds_fig": ("各指标预警数量", "Alerts per indicator"),
        "bul_kinds_note": ("按预警指标和级别统计。", "By indicator and level."),
        # one alert
        "bul_year": ("年份", "Year"),
        "bul_numerator": ("分子", "Numerator"),
        "bul_denominator": ("分母", "Denominator"),
        "bul_base": ("基数", "Base"),
        "bul_filing_year": ("申请年", "Filing year"),
        "bul_axis": ("{name}（{unit}）", "{name} ({unit})"),
        "bul_not_assessed": ("未评估", "not assessed"),
        "bul_history_note": (
            "虚线为各级阈值；灰点为基数不足、未评估的年份。",
            "Dashed lines: the threshold of each level; grey points: years not assessed (base too small).",
        ),
        "bul_at_least": ("不低于", "at or above"),
        "bul_at_most": ("不高于", "at or below"),
        "bul_next": ("；升为{level}的阈值为 {threshold}", "; the {level} threshold is {threshold}"),
        "bul_num_part": ("分子：{text}", "Numerator: {text}"),
        "bul_den_part": ("；分母：{text}", "; denominator: {text}"),
        "bul_evidence": (
            "{year} 年{name}为 **{value}**，{rel}{level}阈值 {threshold}{next}。{basis}；基数 {base}（最低基数 {min_base}）。",
            "{name}, {year}: **{value}**, {rel} the {level} threshold of {threshold}{next}. {basis}; base {base} "
            "(minimum {min_base}).",
        ),
        "bul_history_fig": ("{name}历年变化（{sei}，{region}）", "{name} over the years ({sei}, {region})"),
        "bul_no_history": (
            "该指标描述评估日的状态，没有历年序列。",
            "This indicator describes the state on the assessment date; it has no yearly series.",
        ),
        "bul_command": ("复现命令：{cmd}", "Reproduce with: {cmd}"),
        "bul_alert_title": ("【{level}】{subject}", "[{level}] {subject}"),
        "bul_subject_who": ("（{who}）", " ({who})"),
        "bul_details_all": ("全部", "every alert"),
        "bul_details_top": ("最严重的 {k} 项", "the {k} most severe alerts"),
        "bul_details": (
            "以下逐项列出{which}预警的证据：指标值、确定级别的阈值、分子与分母、历年变化及复现命令。",
            "The evidence for {which}, one by one: the value, the threshold that set its level, numerator and "
            "denominator, the history and the command that reproduces it.",
        ),
        "bul_details_none": (
            "{year} 年没有达到{level}及以上的指标。",
            "No indicator reached the {level} level or above in {year}.",
        ),
        # watches
        "bul_no_watches": (
            "专利库中没有监视清单（seip watch add applicant|ipc|keyword|sei …）。",
            "The corpus has no watchlist (seip watch add applicant|ipc|keyword|sei …).",
        ),
        "bul_w_id": ("编号", "ID"),
        "bul_w_kind": ("类型", "Type"),
        "bul_w_value": ("监视对象", "Watched item"),
        "bul_w_label": ("备注", "Note"),
        "bul_w_matched": ("匹配专利", "Matching patents"),
        "bul_w_new": ("新专利", "New patents"),
        "bul_w_updated": ("更新", "Updated"),
        "bul_w_events": ("新法律事件", "New legal events"),
        "bul_w_summary": ("各监视对象的新动态", "News per watched item"),
        "bul_w_intro": (
            "监视清单（seip watch）中每个对象自其上次运行以来的新动态；本通报只读取，不推进监视进度，"
            "下次运行 seip watch run 仍会报告这些内容。",
            "What is new for each item of the watchlist (seip watch) since its last run. The bulletin only reads "
            "the watches and does not advance them: the next seip watch run still reports the same news.",
        ),
        "bul_w_pub_number": ("公开号", "Publication no."),
        "bul_w_title": ("名称", "Title"),
        "bul_w_applicants": ("申请人", "Applicants"),
        "bul_w_pub_date": ("公开日", "Published"),
        "bul_w_new_list": ("新专利（每个监视对象最多 10 件）", "New patents (at most 10 per watched item)"),
        # responses
        "bul_fired": ("（本期有预警）", " (alerts in this bulletin)"),
        "bul_response": ("**{name}{fired}**：{text}", "**{name}{fired}**: {text}"),
        "bul_responses": (
            "按指标类型给出政府部门、行业组织和企事业单位可采取的应对措施；本期发出预警的类型已标出。",
            "Responses open to government departments, industry associations and firms, by kind of indicator; "
            "the kinds with an alert in this bulletin are marked.",
        ),
        # matrix
        "bul_matrix": (
            "{year} 年每个产业分类 × 地区的全部指标值；括号内为预警级别，* 表示基数不足、未评估。",
            "Every indicator value of {year} per SEI category × region; the warning level is given in brackets, "
            "and * marks values not assessed (base too small).",
        ),
        "bul_in_brackets": ("（{level}）", " ({level})"),
        "bul_cell_sep": ("；", "; "),
        "bul_national": ("全国指标", "National indicators"),
        "bul_regional": ("地区指标", "Regional indicators"),
        "bul_matrix_title": ("{title}（{year} 年）", "{title}, {year}"),
        # method
        "bul_m_id": ("编号", "ID"),
        "bul_m_name": ("指标", "Indicator"),
        "bul_m_measure": ("测度", "Measure"),
        "bul_m_scope": ("范围", "Scope"),
        "bul_m_direction": ("方向", "Direction"),
        "bul_m_min_base": ("最低基数", "Min. base"),
        "bul_m_threshold_col": ("阈值", "Thresholds ({levels})"),
        "bul_m_national": ("全国", "National"),
        "bul_m_province": ("省份", "Province"),
        "bul_m_high": ("越高越警", "Higher is worse"),
        "bul_m_low": ("越低越警", "Lower is worse"),
        "bul_m_table": ("预警指标体系与阈值（{rules}）", "Indicator system and thresholds ({rules})"),
        "bul_m_any_office": ("各专利局", "any office"),
        "bul_m_office": ("{office}", "the {office} office"),
        "bul_m_scope_text": (
            "研究范围：{scope}。评估年 {year} 年（按申请日；默认为最近完整申请年：发明专利申请自申请日起 18 个月公开），"
            "并列出此前 {history} 年；“较前三年均值”取评估年之前 {trailing} 年。只统计向{office}提出的申请，"
            "一件申请（同一申请号的多个公开文本）计 1 件，地区为第一申请人所在省份。",
            "Scope: {scope}. Evaluation year {year}, by filing date (by default the latest complete filing year: "
            "invention applications are published 18 months after filing), shown with the {history} years before "
            "it; the “trailing mean” is the mean of the {trailing} years before the evaluation year. Only "
            "applications filed at {office} are counted, each application once (however many publications share "
            "its number); the region is the province of the first applicant.",
        ),
        "bul_m_levels": (
            "方向为“越高越警”的指标：指标值 ≥ 第一个阈值为{l1}，≥ 第二个为{l2}，≥ 第三个为{l3}，≥ 第四个为{l4}，否则{l0}；"
            "“越低越警”的指标以 ≤ 比较。",
            "Where higher is worse, a value ≥ the first threshold is {l1}, ≥ the second {l2}, ≥ the third {l3} "
            "and ≥ the fourth {l4}, otherwise {l0}; where lower is worse, values are compared with ≤.",
        ),
        "bul_m_base": (
            "基数（指标所依据的件数）低于最低基数的不评估：几件专利算出的占比不说明问题。",
            "A value whose base (the count the indicator rests on) is below the minimum base is not assessed: a "
            "share computed from a handful of patents says nothing.",
        ),
        "bul_m_core": (
            "核心专利：同一局、同一 IPC 小类、同一申请年中价值度前 10% 的专利（专利价值度见 docs/analysis.md）。",
            "Core patents: the top 10% by patent value among the patents of the same office, IPC subclass and "
            "filing year (patent value: docs/analysis.md).",
        ),
        "bul_m_competitors": (
            "关注的竞争对手来自监视清单中的申请人（seip watch add applicant …）。",
            "Watched competitors are the applicants on the watchlist (seip watch add applicant …).",
        ),
        "bul_m_reproduce": (
            "全部指标值可复现：{cmd}；每项预警的复现命令列在其证据之后；加 --sql 可得 DuckDB SQL。",
            "Every value can be reproduced with {cmd}; each alert's own command follows its evidence; add --sql "
            "for the DuckDB SQL.",
        ),
        "bul_m_thresholds": (
            "阈值的依据见 docs/analysis.md（Early warning）；可复制指标体系文件修改阈值后以 --rules 指定。",
            "The reasons for the thresholds are given in docs/analysis.md (Early warning); to change them, copy "
            "the indicator-system file, edit it and pass it with --rules.",
        ),
    }
)

#: What each measure's numerator and denominator are ({v} = the value, formatted; "" = none).
NUMERATORS = i18n.Terms(
    {
        "foreign_share": ("外国申请人的申请 {v} 件", "{v} applications by foreign applicants"),
        "growth": ("当年申请 {v} 件", "{v} applications in the year"),
        "concentration": ("不同申请人 {v} 个", "{v} distinct applicants"),
        "region_share": ("当年占全国 {v}", "{v} of the national total in the year"),
        "region_rank": ("当年全国第 {v} 位", "national rank {v} in the year"),
        "competitor_filings": ("当年新公开申请 {v} 件", "{v} applications published in the year"),
        "event_surge": ("当年发生事件的申请 {v} 件", "{v} applications with such an event in the year"),
        "core_expiring": ("期限将满的核心专利 {v} 件", "{v} core patents reaching the end of their term"),
        "core_lapsed": ("近期失效的核心专利 {v} 件", "{v} core patents that lapsed recently"),
    }
)
DENOMINATORS = i18n.Terms(
    {
        "foreign_share": (
            "申请人国别已知的申请 {v} 件",
            "{v} applications whose applicant's country is known",
        ),
        "growth": ("前三年平均 {v} 件", "{v} a year on average over the trailing years"),
        "concentration": ("申请 {v} 件", "{v} applications"),
        "region_share": (
            "前三年平均占全国 {v}",
            "{v} of the national total on average over the trailing years",
        ),
        "region_rank": ("上年第 {v} 位", "rank {v} the year before"),
        "competitor_filings": ("前三年平均 {v} 件", "{v} a year on average over the trailing years"),
        "event_surge": ("前三年平均 {v} 件", "{v} a year on average over the trailing years"),
        "core_expiring": ("有效核心专利 {v} 件", "{v} core patents in force"),
        "core_lapsed": ("", ""),
    }
)
#: Measures whose numerator and denominator are shares (printed as percentages).
SHARE_PARTS = ("region_share",)
#: Recommended responses per measure (the kind of indicator), for government, associations and firms.
RESPONSES = i18n.Terms(
    {
        "foreign_share": (
            "国外申请人在该领域布局较重：组织对重点国外申请人的专利分析与侵权风险排查；企业在产品上市、出口前开展自由实施（FTO）分析；对威胁较大的核心专利评估无效宣告的可能，必要时通过产业联盟、专利池统一应对。",
            "Foreign applicants hold a heavy position in the field: analyse the portfolios of the leading foreign "
            "applicants and screen for infringement risk; firms should run freedom-to-operate (FTO) analyses "
            "before launching or exporting products; assess invalidation of the most threatening core patents and, "
            "where needed, respond jointly through industry alliances or patent pools.",
        ),
        "growth": (
            "申请量较近三年明显变化：核实增长或下降来自哪些申请人和技术分支；对国外申请人的集中布局，提示相关企业跟踪其新公开专利并调整研发与布局方向。",
            "Filings have changed markedly against the last three years: find out which applicants and technology "
            "branches drive the rise or fall; where foreign applicants are building up a position, alert the firms "
            "concerned to follow their new publications and adjust R&D and filing strategy.",
        ),
        "concentration": (
            "少数申请人掌握多数专利，存在技术垄断和许可壁垒：识别龙头申请人的核心专利和布局空白，围绕核心专利开展外围、改进专利布局，准备许可或交叉许可谈判。",
            "A few applicants hold most of the patents, with a risk of technology monopoly and licensing barriers: "
            "identify the leaders' core patents and the gaps in their coverage, file peripheral and improvement "
            "patents around the core patents, and prepare licence or cross-licence negotiations.",
        ),
        "region_share": (
            "本地区在全国的份额下降：分析份额流失的技术分支和主体，对重点企业、高校院所开展专利导航和高价值专利培育，落实专利资助与奖励政策，加强产学研合作。",
            "The region's national share is falling: analyse the technology branches and players behind the loss, "
            "run patent navigation and high-value patent cultivation with key firms, universities and institutes, "
            "apply the patent funding and award policies, and strengthen industry–academia cooperation.",
        ),
        "region_rank": (
            "本地区全国排名下降：与排名上升的省份对比主体结构和技术方向，把指标纳入目标考核与年度推进计划，跟踪下一年度变化。",
            "The region has lost places in the national ranking: compare its players and technology directions "
            "with the provinces that rose, include the indicator in target assessment and the annual work plan, and "
            "follow its change next year.",
        ),
        "competitor_filings": (
            "关注的竞争对手有新公开的申请：跟踪其技术方向和权利要求范围，评估与本企业产品的关系；对授权前的申请可提出公众意见，对授权后的专利评估无效宣告。",
            "A watched competitor has new published applications: follow their technical direction and claim "
            "scope and assess how they bear on your products; submit third-party observations on applications "
            "before grant and assess invalidation of granted patents.",
        ),
        "event_surge": (
            "无效、诉讼或转让事件增多：排查本地区核心专利的稳定性并做好答辩准备；对诉讼启动维权援助和应诉指导（12330）；对集中转让关注关键技术外流或被收购，引导本地承接转化。",
            "Invalidation, litigation or transfer events are rising: check the validity of the region's core "
            "patents and prepare defences; offer enforcement assistance and litigation guidance (the 12330 IP "
            "hotline); where transfers cluster, watch for key technology leaving the region or being acquired and "
            "steer its take-up by local firms.",
        ),
        "core_expiring": (
            "核心专利将在两年内期满：权利人应提前布局改进和替代技术、接续专利保护；对他人核心专利的到期，相关企业可提前准备技术承接和产品上市。",
            "Core patents will expire within two years: owners should file improvement and substitute "
            "technologies early to extend their protection; firms facing others' expiring core patents can prepare "
            "to take up the technology and launch products.",
        ),
        "core_lapsed": (
            "核心专利近期失效：核实失效原因，因未缴年费失效的评估请求恢复权利的可能（专利法实施细则规定的期限内）；他人的失效核心专利可组织二次开发（见失效专利文献汇编）。",
            "Core patents have lapsed recently: check why; where fees went unpaid, assess a request for "
            "restoration of rights within the period set by the Implementing Regulations of the Patent Law; others' "
            "lapsed core patents can be developed further (see the lapsed-patent compilation).",
        ),
    }
)
#: Units of the warning values, for the axis of the history charts.
UNITS = i18n.Terms(
    {
        "share": ("占比", "share"),
        "ratio": ("相对变化", "relative change"),
        "index": ("指数", "index"),
        "places": ("位次", "places"),
        "applications": ("件", "applications"),
        "patents": ("件", "patents"),
    }
)
#: The built-in measures, for the method table.
MEASURES = i18n.Terms(
    {
        "foreign_share": ("外国申请人占比", "Foreign applicants' share"),
        "growth": ("较前三年均值增长", "Growth against the trailing mean"),
        "concentration": ("集中度", "Concentration"),
        "region_share": ("全国占比变化", "Change of national share"),
        "region_rank": ("全国排名变化", "Change of national rank"),
        "competitor_filings": ("竞争对手新公开申请", "Watched competitors' new filings"),
        "event_surge": ("法律事件激增", "Surge of legal events"),
        "core_expiring": ("核心专利即将期满", "Core patents about to expire"),
        "core_lapsed": ("核心专利近期失效", "Core patents recently lapsed"),
    }
)
WATCH_KINDS = i18n.Terms(
    {
        "applicant": ("申请人", "Applicant"),
        "ipc": ("IPC 分类", "IPC class"),
        "keyword": ("关键词", "Keyword"),
        "sei": ("产业分类", "SEI category"),
    }
)
#: Short English column heads of the shipped indicators for the appendix tables (the Chinese names are short).
SHORT_EN = {
    "foreign_share": "Foreign share",
    "foreign_growth": "Foreign growth",
    "concentration_cr4": "CR4",
    "concentration_hhi": "HHI",
    "region_growth": "Regional growth",
    "region_share_change": "Regional share change",
    "region_rank_change": "Places lost",
    "competitor_filings": "Competitor filings",
    "invalidation_surge": "Invalidation surge",
    "litigation_surge": "Litigation surge",
    "transfer_surge": "Transfer surge",
    "core_expiring": "Core expiring",
    "core_lapsed": "Core lapsed",
}
TERMS = (NUMERATORS, DENOMINATORS, RESPONSES, UNITS, MEASURES, WATCH_KINDS)


def level(rules: warning.Rules, k: int, *, capital: bool = True) -> str:
    """Level ``k`` (0 = none … 4): the system's own Chinese name, or the English one (``Severe``/``severe``)."""
    if not en():
        return rules.levels[k]
    name = warning.LEVELS_EN[k]
    return name.capitalize() if capital else name


def levels(rules: warning.Rules) -> list[str]:
    return [level(rules, k) for k in range(len(rules.levels))]


def spec_name(spec: warning.Spec) -> str:
    return spec.name_en if en() else spec.name_zh


def short_name(spec: warning.Spec) -> str:
    """A column head for the appendix: the Chinese name, or a short English one for the shipped indicators."""
    return SHORT_EN.get(spec.id, spec.name_en) if en() else spec.name_zh


def alert_name(a: dict) -> str:
    return a["name_en"] if en() else a["name_zh"]


def subject(a: dict) -> str:
    """``指标（对象） · 1.5 人工智能 · 全国`` — an alert's indicator, watched subject, category and region."""
    who = i18n.t("bul_subject_who", who=a["subject"]) if a.get("subject") else ""
    return f"{alert_name(a)}{who} · {sei_label(a['sei'])} · {region_label(a['region'])}"
