"""The words of the indicator report (:mod:`seip.reports.indicator_report`), in Chinese and English: sentence
templates registered with :func:`seip.i18n.register` under the prefix ``indr_``, and label tables kept as
:class:`seip.i18n.Terms`, read at render time in the language of ``--lang``.

May import: seip.analysis, seip.reports.published, seip.i18n, stdlib.

Indicator names follow the registry's definitions (:mod:`seip.analysis.indicators`: the words before the colon).
Plan files are data (Chinese): the names of the shipped plan (Heilongjiang's 14th Five-Year Plan table) have an
English rendering in :data:`PLAN_TERMS`, with the Chinese kept where a reader must match the official document;
a target computed by an indicator takes that indicator's name; any other plan keeps its own words.
"""

from __future__ import annotations

from seip import i18n
from seip.reports.words import en

i18n.register(
    {
        # chapters
        "indr_ch_overview": ("指标总览", "Indicators at a glance"),
        "indr_ch_targets": ("规划目标监测", "Plan targets"),
        "indr_ch_valid": ("有效发明专利", "Valid invention patents"),
        "indr_ch_high_value": ("高价值发明专利", "High-value invention patents"),
        "indr_ch_sei": (
            "战略性新兴产业与国际布局",
            "Strategic emerging industries and international filings",
        ),
        "indr_ch_lapsed": ("失效与期满专利", "Lapsed and expired patents"),
        "indr_ch_criteria": ("高价值条件的可评估性", "Which high-value criteria can be assessed"),
        "indr_ch_other": ("其他指标", "Other indicators"),
        "indr_ch_cities": ("各市（地）指标", "Cities"),
        "indr_ch_method": ("说明与假设", "Notes and assumptions"),
        # title page and provenance
        "indr_title": ("{region}知识产权统计指标报告", "Intellectual Property Statistics Report: {region}"),
        "indr_subtitle": (
            "{when} · 每万人口指标按 2020 年人口普查",
            "{when} · figures per 10,000 residents from the 2020 census",
        ),
        "indr_p_region": ("地区", "Region"),
        "indr_p_when": ("统计时点", "Reference date"),
        "indr_p_cutoff": ("数据截止日", "Data cut-off"),
        "indr_p_plan": ("规划", "Plan"),
        "indr_p_generated": ("生成日期", "Generated on"),
        # the reference date
        "indr_year_end": ("{year} 年末", "end of {year}"),
        "indr_corpus_now": (
            "专利库现状（数据截至 {cutoff}）",
            "the corpus as it stands (data as of {cutoff})",
        ),
        "indr_at_year_end": ("{year} 年末", "At the end of {year}"),
        "indr_at_corpus_now": (
            "专利库现状（数据截至 {cutoff}）",
            "In the corpus as it stands (data as of {cutoff})",
        ),
        "indr_now": ("现状", "now"),
        "indr_place": ("，在 31 个省份中居第 {rank} 位", ", ranking {rank} of the 31 provinces"),
        # units
        "indr_u_per_10k": ("件/万人", "per 10,000 residents"),
        "indr_u_families": ("个", "families"),
        "indr_u_applications": ("件", "applications"),
        "indr_u_patents": ("件", "patents"),
        # key findings
        "indr_f_valid": (
            "{when}，专利库中{region}（第一申请人所在地）有效发明专利 **{v}** 件{undetermined}，每万人口发明专利拥有量 "
            "**{v10}** 件{place}；全国为 {national} 件。",
            "{when}, the corpus holds **{v}** valid invention patents whose first applicant is located in "
            "{region}{undetermined}: **{v10}** per 10,000 residents{place} (national figure: {national}).",
        ),
        "indr_f_undetermined": (
            "（另有 {k} 件无法确定是否有效）",
            " (plus {k} whose validity cannot be determined)",
        ),
        "indr_f_high_value": (
            "高价值发明专利 **{h}** 件（占有效发明专利 {share}），每万人口 **{h10}** 件{place}。",
            "High-value invention patents (高价值发明专利, CNIPA definition) number **{h}** ({share} of valid "
            "invention patents), or **{h10}** per 10,000 residents{place}.",
        ),
        "indr_f_criteria": (
            "高价值发明专利五项条件中可在本库评估的有 {k} 项（{done}）",
            "Of the five high-value criteria, {k} can be assessed in this corpus ({done})",
        ),
        "indr_f_criteria_none": ("无", "none"),
        "indr_f_criteria_missing": (
            "；无法评估：{missing}，按未满足计，数值为下限。",
            "; the others cannot and count as not met, so the figures are lower bounds: {missing}.",
        ),
        "indr_f_criteria_end": ("。", "."),
        "indr_f_sei": (
            "战略性新兴产业发明专利 {s} 件；PCT 国际申请 {p} 件、海外布局专利族 {o} 个（{when}）。",
            "Invention patents in strategic emerging industries: {s}; PCT applications: {p}; patent families "
            "filed abroad: {o} ({when}).",
        ),
        "indr_f_sei_year": ("{year} 年申请", "filed in {year}"),
        "indr_f_sei_all": ("库中全部申请", "all applications in the corpus"),
        "indr_f_trend": (
            "有效发明专利由 {a} 年末的 {av} 件变为{b} {bv} 件。",
            "Valid invention patents went from {av} at the end of {a} to {bv} {b}.",
        ),
        "indr_f_trend_now": ("现状的", "today"),
        "indr_f_trend_year": ("{year} 年末的", "at the end of {year}"),
        "indr_f_target": (
            "规划目标“{name}”{base_year} 年 {base} → {target_year} 年 {target}：按专利库增长计算的进度 {growth}，"
            "时间进度 {expected}，{state}时间进度。",
            "Plan target “{name}”: {base} in {base_year} → {target} in {target_year}. Progress measured by the "
            "corpus's growth is {growth} with {expected} of the plan period elapsed: {state}.",
        ),
        "indr_f_on_track": ("达到", "on schedule"),
        "indr_f_behind": ("落后于", "behind schedule"),
        "indr_f_city": (
            "各市（地）中{city}有效发明专利最多（{v} 件）。",
            "Among the cities, {city} holds the most valid invention patents ({v}).",
        ),
        # overview
        "indr_c_name": ("指标", "Indicator"),
        "indr_c_value": ("数值", "Value"),
        "indr_c_unit": ("单位", "Unit"),
        "indr_c_numerator": ("分子", "Numerator"),
        "indr_c_denominator": ("分母（常住人口）", "Population"),
        "indr_c_undetermined": ("待定", "Undetermined"),
        "indr_c_national": ("全国", "National"),
        "indr_c_rank": ("省份排名", "Rank among provinces"),
        "indr_overview_title": ("{region}知识产权统计指标（{when}）", "IP statistics of {region} ({when})"),
        "indr_overview": (
            "以下为{region}的全部官方统计指标（{when}）。分子为统计的件数，每万人口指标的分母为 2020 年第七次全国人口普查"
            "常住人口；“待定”为无法确定在统计时点是否有效的件数，未计入数值（数值为下限，数值 + 待定为上限）。",
            "Every official IP statistic of {region} ({when}). The numerator is the number of patents counted; the "
            "denominator of the figures per 10,000 residents is the resident population of the 7th national census "
            "(2020). “Undetermined” counts patents whose validity at the reference date cannot be told: they are "
            "left out of the value, which is therefore a lower bound (value + undetermined is the upper bound).",
        ),
        # one indicator
        "indr_definition": ("定义：{text}", "Definition: {text}"),
        "indr_value": (
            "{when}{region}{name} **{v}** {unit}（分子 {numerator}{denominator}{undetermined}）{place}；全国 {national} {unit}。",
            "{when}, {region}: **{v}** {unit} (numerator {numerator}{denominator}{undetermined}){place}; "
            "national figure {national} {unit}.",
        ),
        "indr_v_denominator": ("，分母 {k}", ", denominator {k}"),
        "indr_v_undetermined": ("，待定 {k}", ", undetermined {k}"),
        "indr_province": ("省份", "Province"),
        "indr_rank": ("排名", "Rank"),
        "indr_here": ("本地区", "This region"),
        "indr_others": ("其他省份", "Other provinces"),
        "indr_provinces_fig": ("各省份{name}", "{name} by province"),
        "indr_provinces_note": ("{when}；本地区以深色标出。", "{when}; the report's region in red."),
        "indr_year_end_col": ("年末", "Year end"),
        "indr_flow_note": (
            "按申请（优先权）日所在年份统计当年申请；国际申请自优先权日起 18 个月公布，最近两年不完整。",
            "Applications counted in the year of their filing (priority) date; international applications are "
            "published 18 months after priority, so the last two years are incomplete.",
        ),
        "indr_stock_note": (
            "各年为当年 12 月 31 日的存量；“现状”为专利库现状。",
            "Each year: the stock on 31 December; “now”: the corpus as it stands.",
        ),
        "indr_flow_fig": ("{region}{name}（按申请年）", "{name}, {region}, by filing year"),
        "indr_stock_fig": ("{region}{name}历年变化", "{name}, {region}, over the years"),
        # high-value criteria
        "indr_k_name": ("条件", "Criterion"),
        "indr_k_evaluated": ("可评估", "Assessable"),
        "indr_k_patents": ("全库符合（件）", "Meeting it (corpus)"),
        "indr_k_region": ("{region}符合（件）", "Meeting it ({region})"),
        "indr_k_basis": ("依据", "Basis"),
        "indr_k_title": ("高价值发明专利条件的可评估性", "Which high-value criteria can be assessed"),
        "indr_criteria": (
            "国家知识产权局口径：有效发明专利满足五项条件之一即为高价值发明专利。下表说明每项条件能否在本库评估、依据什么；"
            "不能评估的条件按未满足计，因此高价值发明专利数为下限。质押金额和获奖清单可用 seip import-awards 导入。",
            "By CNIPA's definition, a valid invention patent meeting any one of five criteria is a high-value "
            "invention patent (高价值发明专利). The table shows whether each criterion can be assessed in this corpus "
            "and on what basis; a criterion that cannot be assessed counts as not met, so the number of high-value "
            "invention patents is a lower bound. Pledge amounts and award lists can be imported with seip "
            "import-awards.",
        ),
        # plan targets
        "indr_s_plan": ("按规划数计算的进度", "Plan figures"),
        "indr_s_growth": ("按专利库增长计算的进度", "Corpus growth"),
        "indr_s_time": ("时间进度", "Time elapsed"),
        "indr_t_target": ("目标", "Target"),
        "indr_t_series": ("进度", "Progress"),
        "indr_t_value": ("完成程度", "Completion"),
        "indr_t_fig": (
            "规划目标完成进度与时间进度",
            "Progress towards the plan targets against time elapsed",
        ),
        "indr_t_fig_note": (
            "完成程度 = 已完成的变化 ÷ 规划要求的变化；时间进度 = 规划期已过去的比例。",
            "Completion = change achieved ÷ change the plan requires; time elapsed = share of the plan period "
            "that has passed.",
        ),
        "indr_t_not_patent": ("非专利指标，专利库无法计算", "Not a patent figure: not computable"),
        "indr_t_on_track": ("达到时间进度", "On schedule"),
        "indr_t_behind": ("落后于时间进度", "Behind schedule"),
        "indr_t_base": ("{year} 基期值", "Base ({year})"),
        "indr_t_goal": ("{year} 目标值", "Target ({year})"),
        "indr_t_computed": ("专利库计算值", "Computed"),
        "indr_t_computed_base": ("基期计算值", "Computed, base year"),
        "indr_t_progress": ("按规划数进度", "Progress (plan)"),
        "indr_t_growth": ("按增长进度", "Progress (growth)"),
        "indr_t_state": ("判断", "Assessment"),
        "indr_t_intro": (
            "规划：{plan}（{source}），基期 {base_year} 年，目标年 {target_year} 年；统计时点为{when}，规划期已过去 {expected}。",
            "Plan: {plan}. Source: {source}. Base year {base_year}, target year {target_year}; reference date: "
            "{when}, when {expected} of the plan period had elapsed.",
        ),
        "indr_t_ref_base": ("规划公布的基期值", "Base-year value in the plan"),
        "indr_t_coverage": ("覆盖率", "Coverage"),
        "indr_t_ref_title": (
            "专利库覆盖程度（规划公布的基期数值与计算值）",
            "Corpus coverage: the plan's base-year figures against computed values",
        ),
        "indr_t_low": (
            "专利库只覆盖{region}专利的一部分（{name}覆盖率 {coverage}），按规划数计算的进度不能说明完成情况；"
            "按专利库增长计算的进度把专利库自基期以来的增长与规划要求的增长相比，适用于均匀抽样的专利库。",
            "The corpus covers only part of {region}'s patents ({name}: coverage {coverage}), so progress against "
            "the plan's own figures says nothing about completion. Progress by growth compares the corpus's growth "
            "since the base year with the growth the plan asks for, which holds for a corpus sampling the region "
            "evenly.",
        ),
        "indr_t_reproduce": (
            "进度定义见 docs/indicators.md（Plan targets）；复现：{cmd}。",
            "Progress is defined in docs/indicators.md (Plan targets); reproduce with {cmd}.",
        ),
        "indr_no_plan": (
            "随附的规划目标（{file}）是{plan_region}的；{region}的规划目标可写成同样格式的 YAML，以 --targets 指定。",
            "The plan targets shipped with seip ({file}) are {plan_region}'s; write the targets of {region} as a "
            "YAML file in the same format and pass it with --targets.",
        ),
        # cities
        "indr_city": ("市（地）", "City"),
        "indr_cities_title": ("{province}各市（地）指标", "Indicators of the cities of {province}"),
        "indr_cities": (
            "{province}各市（地）按第一申请人所在城市统计（{when}）；表头为简称，指标定义见前文各节。",
            "The cities of {province}, by the city of the first applicant ({when}); the column heads are "
            "abbreviated, the definitions are given in the sections above.",
        ),
        "indr_cities_fig": (
            "{province}各市（地）每万人口发明专利拥有量",
            "Valid invention patents per 10,000 residents by city, {province}",
        ),
        # method
        "indr_m_stock_year": (
            "{year} 年 12 月 31 日：在该日前授权且未终止的为有效；今日有效的专利视为自授权起一直有效；已失效但数据没有失效日期、"
            "或法律状态、授权日未知的计入“待定”",
            "31 December {year}: a patent granted before that day and not ended is valid; a patent valid today is "
            "taken to have been valid since its grant; a patent that ended without a recorded end date, or whose "
            "legal status or grant date is unknown, is counted as undetermined",
        ),
        "indr_m_stock_now": (
            "专利库现状：按记录的法律状态判断是否有效，状态未知的计入“待定”",
            "the corpus as it stands: validity follows the recorded legal status, and an unknown status is "
            "counted as undetermined",
        ),
        "indr_m_unit": (
            "统计单位为专利申请（件）：同一申请的多个公开文本合并计 1 件，以代表文本为准。",
            "The unit is the patent application: the publications of one application count once, represented by "
            "one of them.",
        ),
        "indr_m_region": (
            "地区为第一申请人所在省、市；专利权人取第一申请人，不跟踪权利转让。国内指中国内地（不含港澳台）。",
            "The region is the province and city of the first applicant, who is taken as the owner (transfers of "
            "rights are not followed). Domestic means mainland China (Hong Kong, Macao and Taiwan excluded).",
        ),
        "indr_m_when": ("统计时点：{stock}。", "Reference date: {stock}."),
        "indr_m_population": (
            "人口为 2020 年第七次全国人口普查常住人口，各年一律使用（{source}）。",
            "Population: the resident population of the 7th national census (2020), used for every year "
            "({source}).",
        ),
        "indr_m_criteria": (
            "高价值发明专利的条件(1)(2)按现有分类和同族数据判断（不回溯），条件(3)(4)(5)按统计时点及以前的日期判断。",
            "High-value criteria (1) and (2) are judged on today's classification and family data (not back-dated), "
            "criteria (3), (4) and (5) on dates up to the reference date.",
        ),
        "indr_m_flows": (
            "PCT 国际申请与海外布局按申请年计流量；未给年份时为库中全部申请。",
            "PCT applications and families filed abroad are flows, counted by filing year; without a year, all "
            "applications in the corpus.",
        ),
        "indr_m_corpus": (
            "专利库是所导入数据的集合，不是官方统计全量：数值反映专利库覆盖的部分，规划进度应结合覆盖率阅读。",
            "The corpus holds the data imported into it, not the official statistics in full: values reflect the "
            "part it covers, and progress towards the plan must be read with the coverage in mind.",
        ),
        "indr_m_reproduce": (
            "全部数值可复现：{cmd}；趋势各点即 --year 为该年时的值。定义见 docs/indicators.md。",
            "Every value can be reproduced with {cmd}; each point of a trend is the value with --year set to that "
            "year. Definitions: docs/indicators.md.",
        ),
    }
)

#: Official indicators as the report names them (the English names are the registry's, before the colon).
NAMES = i18n.Terms(
    {
        "valid_invention_patents": ("有效发明专利拥有量", "Valid invention patents"),
        "valid_invention_per_10k": ("每万人口发明专利拥有量", "Valid invention patents per 10,000 residents"),
        "high_value_invention_patents": ("高价值发明专利拥有量", "High-value invention patents"),
        "high_value_invention_per_10k": (
            "每万人口高价值发明专利拥有量",
            "High-value invention patents per 10,000 residents",
        ),
        "sei_invention_patents": ("战略性新兴产业发明专利拥有量", "SEI invention patents"),
        "pct_applications": ("PCT国际专利申请量", "PCT applications"),
        "overseas_families": ("海外专利布局（专利族）", "Overseas filings by family"),
        "lapsed_patents": ("失效专利（提前终止）", "Lapsed patents (ended before term)"),
        "expired_patents": ("期限届满专利", "Expired patents"),
    }
)
#: Column heads of the cities' table, short enough for nine columns on A4.
SHORT = i18n.Terms(
    {
        "valid_invention_patents": ("有效发明", "Valid inv."),
        "valid_invention_per_10k": ("每万人口发明", "Inv. /10k"),
        "high_value_invention_patents": ("高价值发明", "High-value"),
        "high_value_invention_per_10k": ("每万人口高价值", "High-value /10k"),
        "sei_invention_patents": ("战新发明", "SEI inv."),
        "pct_applications": ("PCT申请", "PCT"),
        "overseas_families": ("海外专利族", "Families abroad"),
        "lapsed_patents": ("失效", "Lapsed"),
        "expired_patents": ("期满", "Expired"),
    }
)
#: Chapters: a key (its title is ``indr_ch_<key>``) and the indicators it holds, in order.
CHAPTERS = [
    ("valid", ("valid_invention_patents", "valid_invention_per_10k")),
    ("high_value", ("high_value_invention_patents", "high_value_invention_per_10k")),
    ("sei", ("sei_invention_patents", "pct_applications", "overseas_families")),
    ("lapsed", ("lapsed_patents", "expired_patents")),
]
#: The words of the shipped plan file (targets_heilongjiang_14th.yaml) in English; other plans keep theirs.
PLAN_TERMS = i18n.Terms(
    {
        "“十四五”黑龙江省知识产权发展主要指标": (
            "“十四五”黑龙江省知识产权发展主要指标",
            "Main IP development indicators of Heilongjiang's 14th Five-Year Plan (“十四五”黑龙江省知识产权发展主要指标)",
        ),
        "黑龙江省人民政府关于印发黑龙江省“十四五”知识产权保护和运用规划的通知（2021），二、主要指标表": (
            "黑龙江省人民政府关于印发黑龙江省“十四五”知识产权保护和运用规划的通知（2021），二、主要指标表",
            "Notice of the Heilongjiang Provincial Government on the 14th Five-Year Plan for IP Protection and Use "
            "(2021), part 2, table of main indicators",
        ),
        "有效注册商标数量": ("有效注册商标数量", "Valid registered trademarks"),
        "著作权登记数量": ("著作权登记数量", "Copyright registrations"),
        "地理标志商标": ("地理标志商标", "Geographical-indication trademarks"),
        "技术合同成交额": ("技术合同成交额", "Turnover of technology contracts"),
        "知识产权质押融资登记金额": ("知识产权质押融资登记金额", "Registered IP pledge financing"),
        "知识产权优势企业数量": ("知识产权优势企业数量", "IP-advantage enterprises"),
        "知识产权保护社会满意度": ("知识产权保护社会满意度", "Public satisfaction with IP protection"),
        # units
        "件": ("件", "count"),
        "万件": ("万件", "10,000s"),
        "亿元": ("亿元", "CNY 100 million"),
        "家": ("家", "firms"),
        "分": ("分", "points"),
    }
)
#: Chinese terms the English text keeps on purpose, so a reader can match the official documents.
KEPT_CHINESE = ("高价值发明专利", "“十四五”黑龙江省知识产权发展主要指标")
TERMS = (NAMES, SHORT, PLAN_TERMS)


def name(indicator_id: str) -> str:
    return NAMES.get(indicator_id, indicator_id)


def plan_word(text: str) -> str:
    """A word of a plan file in the current language (as written when the plan is not the shipped one)."""
    return PLAN_TERMS.get(text, text)


def target_name(target: dict) -> str:
    """A plan target's name: the plan's own words in Chinese; in English the computing indicator's name, or the
    shipped plan's English rendering."""
    if en() and target.get("indicator") in NAMES:
        return NAMES[target["indicator"]]
    return plan_word(target["name"])


def target_unit(target: dict) -> str:
    """A plan target's unit in the current language (patents per 10,000 residents for a per-10k indicator)."""
    unit, ind = target.get("unit") or "", target.get("indicator") or ""
    if en() and ind.endswith("per_10k"):
        return i18n.t("indr_u_per_10k")
    if en() and ind:
        return {"件": "patents", "万件": "10,000 patents"}.get(unit, plan_word(unit))
    return plan_word(unit)
