"""The words of the landscape report (态势报告) in Chinese and English, and its own helpers (stages, levels, file
names); the words every report shares (counts, dates, places, SEI names) are in :mod:`.words`.

May import: seip.i18n, seip.analysis (stage names), seip.reports.words, stdlib.

Messages are registered under the prefix ``ls_`` and read with :func:`seip.i18n.t` when the report is built, so
``--lang en`` (or ``SEIP_LANG=en``) gives the English report. Sentences are format templates; a template may
leave out a keyword the other language needs (``str.format`` ignores extra keywords), which is how English gets
its plurals (``{apps}`` = "1 application" / "2 applications") while Chinese keeps its classifier (``{n} 件``).
"""

from __future__ import annotations

import re

from seip import i18n
from seip.i18n import t
from seip.reports import words
from seip.reports.words import en, place

MESSAGES: dict[str, tuple[str, str]] = {
    # Title, scope, notes.
    "ls_title": ("{region}{industry}专利态势报告", "{industry}Patent Landscape Report{region}"),
    "ls_scope_sei": ("{name}（战略性新兴产业 {code}）", "{name} (SEI {code})"),
    "ls_scope_query": ("检索式“{q}”命中的专利", 'query "{q}"'),
    "ls_scope_all": ("专利库全部专利", "All patents in the corpus"),
    "ls_in_sei": ("{name}（战略性新兴产业 {code}）", "in {name} (SEI {code})"),
    "ls_in_query": ("检索式“{q}”命中的专利", 'matching the query "{q}"'),
    "ls_in_all": ("专利库全部专利", "in the corpus"),
    "ls_subtitle_date": ("数据截至 {date}", "Data as of {date}"),
    "ls_note": (
        "数据来源：seip 专利库，截至 {date}；统计单位：件（一件专利申请的多个公开文本合并计数）。",
        "Source: seip patent corpus, data as of {date}. Unit: patent applications (the publications of one "
        "application count once).",
    ),
    # Key findings.
    "ls_find_scale": (
        "截至 {date}（专利库最新公开日），{scope}共有专利申请 **{n}** 件（公开文献 {docs} 件），其中发明专利申请 {inv} 件，"
        "占 {share}。",
        "As of {date} (the latest publication date in the corpus), there are **{n}** patent applications {scope}, "
        "published in {docs_en}; {inv} of them are invention applications ({share}).",
    ),
    "ls_find_growth": (
        "{a}—{b} 年申请量年均增长 **{g}**，{peak} 年申请最多（{n} 件）；{next} 年以后的申请因公开滞后尚不完整，未计入判断。",
        "Filings grew at a compound annual rate of **{g}** over {a}–{b}, peaking in {peak} ({apps}); filings "
        "from {next} onwards are incomplete because of the publication lag and are left out of the assessment.",
    ),
    "ls_find_stage": (
        "按技术生命周期规则，该领域处于**{stage}**：{j0}—{j1} 年申请量较前三年变化 {gn}，申请人数量变化 {gp}。",
        "By the technology life-cycle rules the field is in **{stage}**: filings in {j0}–{j1} changed by {gn} "
        "against the three years before, and the number of applicants by {gp}.",
    ),
    "ls_find_applicants": (
        "共有申请人 {n} 个，前四位合计占 {cr4}，HHI 为 {hhi}（{market}）；申请量居首的是 **{top}**（{count} 件，占 {share}）。",
        "There are {applicants}; the top four hold {cr4} of the applications (CR4) and the HHI is {hhi} "
        "({market}). The leading applicant is **{top}** with {apps} ({share}).",
    ),
    "ls_find_provinces": (
        "国内申请人按省份以 {lead} 居前。",
        "Among domestic applicants, the leading provinces are {lead}.",
    ),
    "ls_prov_item": ("{p}（{n} 件）", "{p} ({n})"),
    "ls_find_region": (
        "{name}共有 {n} 件，占 {share}，居第 {rank} 位。",
        " {name} accounts for {apps} ({share}), ranking {ordinal}.",
    ),
    "ls_region_none": (
        "{name}在本领域尚无专利申请。",
        " {name} has no patent applications in this field yet.",
    ),
    "ls_find_map": (
        "专利地图将 {n} 件专利归为 {k} 个技术分支，规模最大的是“{label}”（{size} 件）。",
        'The patent map groups {patents} into {branches}; the largest is "{label}" ({size_en}).',
    ),
    "ls_find_value": (
        "可评价值的专利 {scored} 件中核心专利 {core} 件；有效发明专利 {valid} 件，其中符合国家知识产权局高价值发明专利口径的 {high} 件。",
        "Of {scored} patents with a value score, {core} are core patents; of {valid} invention patents in "
        "force, {high} meet CNIPA's definition of high-value invention patents (高价值发明专利).",
    ),
    "ls_find_lapsed": (
        "已失效（终止、届满、撤回、驳回、放弃、无效）的专利申请 {n} 件，价值最高的 20 件列于“可再利用的失效专利”一章，可供二次开发。",
        "A total of {apps} are no longer pending or in force (lapsed, expired, withdrawn, rejected, abandoned "
        'or invalidated); the 20 most valuable are listed in the chapter "Lapsed patents worth reusing" as '
        "candidates for follow-on development.",
    ),
    "ls_find_alerts": (
        "{year} 年预警指标中 {k} 项达到轻警及以上，最高为**{level}**（{name}）。",
        'In {year}, {indicators} reached the "light" warning level or above; the most severe is **{level}** '
        "({name}).",
    ),
    "ls_find_no_alerts": (
        "{year} 年各项预警指标均未达到轻警。",
        'No early-warning indicator reached the "light" level in {year}.',
    ),
    "ls_market_none": ("无法计算", "not computable"),
    "ls_market_low": ("竞争格局分散", "unconcentrated"),
    "ls_market_mid": ("中度集中", "moderately concentrated"),
    "ls_market_high": ("高度集中", "highly concentrated"),
    "ls_stage_emerging": ("萌芽期", "the emerging stage"),
    "ls_stage_growth": ("成长期", "the growth stage"),
    "ls_stage_mature": ("成熟期", "the mature stage"),
    "ls_stage_decline": ("衰退期", "the decline stage"),
    "ls_stage_undetermined": ("无法判断（数据不足）", "an undetermined stage (too little data)"),
    # Common column headings.
    "ls_col_year": ("申请年", "Filing year"),
    "ls_col_apps": ("申请量（件）", "Applications"),
    "ls_col_yoy": ("同比增长", "YoY growth"),
    "ls_col_share": ("占比", "Share"),
    "ls_col_type": ("专利类型", "Patent type"),
    "ls_col_applicant": ("申请人", "Applicant"),
    "ls_col_pub": ("公开号", "Publication no."),
    "ls_col_title": ("名称", "Title"),
    "ls_col_value": ("价值度", "Value score"),
    "ls_unknown": ("未知", "Unknown"),
    "ls_other": ("其他", "Other"),
    # Filing trends.
    "ls_trend": ("申请趋势", "Filing trends"),
    "ls_trend_text": (
        "{scope}的申请量逐年变化如图所示。{late}",
        "Annual applications {scope} are shown below. {late}",
    ),
    "ls_trend_late": (
        "{year} 年及以后的数据因公开滞后不完整。",
        "Figures for {year} and later are incomplete because of the publication lag.",
    ),
    "ls_fig_trend": ("专利申请量及同比增长", "Patent applications and year-on-year growth"),
    "ls_fig_trend_type": ("各类型专利申请量", "Applications by patent type"),
    "ls_fig_filed_granted": ("申请量与授权量", "Applications and grants"),
    "ls_col_calendar": ("年份", "Year"),
    "ls_col_series": ("指标", "Series"),
    "ls_col_count": ("数量（件）", "Count"),
    "ls_series_apps": ("申请量", "Applications"),
    "ls_series_grants": ("授权量", "Grants"),
    "ls_grant_note": (
        "授权量按授权年统计，授权日缺失时以中国授权公告文本（B/C/U/Y/S）的公开日代替。",
        "Grants are counted by grant year; where the grant date is missing, the publication date of the Chinese "
        "grant publication (kind B/C/U/Y/S) is used.",
    ),
    # Technology life cycle.
    "ls_life": ("技术生命周期", "Technology life cycle"),
    "ls_life_text": (
        "以申请人数量为横轴、申请量为纵轴，按年份连线，可观察技术所处阶段。比较 {j0}—{j1} 年（J）与 {b0}—{b1} 年（B）："
        "申请量 {nb} → {nj}（{gn}），申请人 {pb} → {pj}（{gp}），判断为 **{stage}**。",
        "Plotting the number of applicants (horizontal) against applications (vertical), year by year, shows "
        "the stage a technology is in. Comparing {j0}–{j1} (J) with {b0}–{b1} (B): applications {nb} → {nj} "
        "({gn}), applicants {pb} → {pj} ({gp}); the field is in **{stage}**.",
    ),
    "ls_fig_life": (
        "技术生命周期图（申请人数量—申请量）",
        "Technology life cycle (applicants vs applications)",
    ),
    "ls_life_table": ("技术生命周期指标（按申请年）", "Technology life-cycle indicators by filing year"),
    "ls_col_applicants_n": ("申请人数量", "Applicants"),
    "ls_col_applications": ("申请量", "Applications"),
    "ls_col_applicants": ("申请人数", "Applicants"),
    "ls_col_a": ("发明", "Inventions"),
    "ls_col_b": ("实用新型", "Utility models"),
    "ls_col_c": ("失效", "Ended"),
    "ls_col_v": ("技术生长率 v", "v"),
    "ls_col_alpha": ("成熟系数 α", "α"),
    "ls_col_beta": ("衰老系数 β", "β"),
    "ls_col_complete": ("数据完整", "Complete"),
    "ls_life_note": (
        "v = 当年发明申请 ÷ 近五年发明申请；α = 发明 ÷（发明 + 实用新型）；β =（发明 + 实用新型）÷（发明 + 实用新型 + 失效）。",
        "v (growth rate) = the year's invention filings ÷ invention filings of the last five years; α (maturity) "
        "= inventions ÷ (inventions + utility models); β (ageing) = (inventions + utility models) ÷ (inventions "
        "+ utility models + rights ended).",
    ),
    "ls_life_rules": (
        "判断规则依次检验，第一条成立者为结论：",
        "The rules are tested in order; the first that holds names the stage:",
    ),
    "ls_life_rule": ("{mark} {stage}：{condition}", "{mark} {stage}: {condition}"),
    "ls_otherwise": ("其余情况", "otherwise"),
    # Applicants.
    "ls_applicants": ("创新主体", "Key applicants"),
    "ls_tab_applicants": ("主要申请人", "Leading applicants"),
    "ls_col_applicant_type": ("申请人类型", "Applicant type"),
    "ls_col_enterprise": ("企业", "Enterprise"),
    "ls_col_partner": ("合作高校/院所", "University or institute"),
    "ls_col_partner_type": ("类型", "Type"),
    "ls_col_joint": ("合作申请（件）", "Joint applications"),
    "ls_tab_links": ("产学研合作申请（前10位）", "Industry–academia joint applications (top 10)"),
    "ls_applicants_text": (
        "共有申请人 {n} 个；前四位申请人合计占 {cr4}（CR4），赫芬达尔—赫希曼指数 HHI = {hhi}，{market}"
        "（HHI < 1500 为分散，1500—2500 为中度集中，> 2500 为高度集中）。",
        "There are {applicants}; the four largest hold {cr4} of the applications (CR4), and the "
        "Herfindahl–Hirschman index HHI = {hhi} marks the field as {market} (below 1,500: unconcentrated; "
        "1,500–2,500: moderately concentrated; above 2,500: highly concentrated).",
    ),
    "ls_fig_applicants": ("主要申请人申请量", "Applications of the leading applicants"),
    "ls_fig_applicant_types": ("申请人类型构成", "Applications by applicant type"),
    "ls_types_note": (
        "共同申请按每位申请人的类型分别计数，占比之和可能大于 100%。",
        "A joint application counts once for each co-applicant's type, so shares may add up to more than 100%.",
    ),
    "ls_fig_applicant_years": ("主要申请人近年申请量", "Recent filings of the leading applicants"),
    "ls_no_links": (
        "本领域没有企业与高校或科研院所的共同申请。",
        "No enterprise filed jointly with a university or research institute in this field.",
    ),
    # Regions.
    "ls_regions": ("区域分布", "Geographic distribution"),
    "ls_regions_text": (
        "国内申请按第一申请人所在省份统计；受理局反映专利布局的国家和地区。",
        "Domestic applications are counted by the province of the first applicant; the filing offices show "
        "where protection is sought.",
    ),
    "ls_col_province": ("省份", "Province"),
    "ls_col_office": ("受理局", "Filing office"),
    "ls_col_city": ("城市", "City"),
    "ls_fig_provinces": ("各省份申请量（前15位）", "Applications by province (top 15)"),
    "ls_fig_offices": ("受理局构成", "Applications by filing office"),
    "ls_region_section": ("{name}的位置", "Position of {name}"),
    "ls_tab_region_applicants": ("{name}主要申请人", "Leading applicants in {name}"),
    "ls_region_text": (
        "{name}共有专利申请 {n} 件，占全国（国内申请）{share}，在 {k} 个有申请的省份中居第 {rank} 位。申请人类型：{kinds}。",
        "{name} has {apps}, {share} of the domestic total, ranking {ordinal} among the {k} provinces with "
        "filings. Applicant types: {kinds}.",
    ),
    "ls_region_empty": (
        "{name}在本领域尚无专利申请。",
        "{name} has no patent applications in this field yet.",
    ),
    "ls_fig_region_trend": ("{name}申请量及同比增长", "{name}: applications and year-on-year growth"),
    "ls_fig_region_cities": ("{name}各城市申请量", "{name}: applications by city"),
    # Patent map.
    "ls_map": ("专利地图与技术分解", "Patent map and technology breakdown"),
    "ls_map_none": (
        "所选专利太少或缺少可用文本，未生成专利地图。",
        "The selection has too few patents, or too little usable text, for a patent map.",
    ),
    "ls_map_text": (
        "依据标题、摘要和首项权利要求的文本相似度，将 {n} 件专利布局为二维地图：等高线越高，专利越密集；"
        "聚类得到 {k} 个技术分支，以各分支最具区分度的关键词命名（c-TF-IDF）。",
        "The map lays out {patents} in two dimensions by the similarity of their titles, abstracts and first "
        "claims: the higher the contour, the denser the patents. Clustering finds {branches}, each named by its "
        "most distinctive terms (c-TF-IDF), which are words of the patents' Chinese text.",
    ),
    "ls_map_region": (
        "红点为{region}申请人的专利。",
        " Red dots mark the patents of applicants from {region}.",
    ),
    "ls_tab_breakdown": ("技术分解表", "Technology breakdown"),
    # Value.
    "ls_value": ("高价值与核心专利", "High-value and core patents"),
    "ls_col_app_date": ("申请日", "Filing date"),
    "ls_col_status": ("法律状态", "Legal status"),
    "ls_col_core": ("核心专利", "Core patent"),
    "ls_tab_top_value": ("价值度最高的专利（前20件）", "Highest-valued patents (top 20)"),
    "ls_col_criterion": ("高价值条件", "High-value criterion"),
    "ls_col_criterion_n": ("符合的有效发明（件）", "Inventions in force meeting it"),
    "ls_tab_criteria": ("高价值发明专利各条件", "High-value invention patents by criterion"),
    "ls_value_text": (
        "专利价值度由法律、技术、经济三个维度的可测指标加权得到（0—100），在同一受理局 × IPC 小类 × 申请年的群组内归一；"
        "群组内排名前 10% 的为核心专利。本领域可评分专利 {scored} 件，核心专利 {core} 件。",
        "The patent value score (0–100) weights measurable legal, technical and economic indicators and is "
        "normalised within peer groups of the same office × IPC subclass × filing year; the top 10% of each "
        "group are core patents. In this field {scored_en} have a score and {core} are core patents.",
    ),
    "ls_high_text": (
        "有效发明专利 {valid} 件，其中符合国家知识产权局高价值发明专利口径（满足五项条件之一）的 {high} 件。",
        "Of {valid} invention patents in force, {high} are high-value invention patents (高价值发明专利) by "
        "CNIPA's definition (meeting at least one of five criteria).",
    ),
    "ls_value_note": (
        "质押金额与获奖条件需导入相应清单（seip import-awards）后才能评估；未导入时按未满足计。",
        "The pledge and award criteria can be assessed only once the lists are imported (seip import-awards); "
        "until then they count as not met.",
    ),
    "ls_crit_sei": ("属于战略性新兴产业", "In a strategic emerging industry"),
    "ls_crit_overseas_family": ("有海外同族", "Patent family member abroad"),
    "ls_crit_maintained_10y": ("维持超过10年", "Maintained for more than 10 years"),
    "ls_crit_high_pledge": ("较高质押融资额", "High pledge financing amount"),
    "ls_crit_award": ("获国家科技奖或中国专利奖", "National S&T award or China Patent Award"),
    # Lapsed patents.
    "ls_lapsed": ("可再利用的失效专利", "Lapsed patents worth reusing"),
    "ls_col_reason": ("失效原因", "Reason"),
    "ls_col_reason_n": ("件数", "Applications"),
    "ls_tab_reasons": ("失效专利按原因", "Lapsed patents by reason"),
    "ls_not_before": ("不早于 {date}", "not before {date}"),
    "ls_col_rank": ("序号", "No."),
    "ls_col_former": ("原申请人", "Former applicants"),
    "ls_col_end_date": ("失效日期", "End date"),
    "ls_tab_lapsed": ("价值最高的失效专利（前20件）", "Most valuable lapsed patents (top 20)"),
    "ls_lapsed_text": (
        "已失效的专利申请共 {n} 件。失效专利的技术方案可以自由实施，价值较高者适合二次开发。完整清单可用 "
        "`seip lapsed{sei} --out 失效专利.xlsx` 导出。",
        "A total of {apps} have lapsed or otherwise ended. The technology of lapsed patents is free to use, "
        "and the more valuable ones suit follow-on development. The full list is exported by "
        "`seip --lang en lapsed{sei} --out lapsed-patents.xlsx`.",
    ),
    # Early warning.
    "ls_warning": ("专利预警", "Patent early warning"),
    "ls_warning_none": (
        "按预警指标体系（{source}），{year} 年没有指标达到轻警及以上。",
        'Under the warning indicator system ({source}), no indicator reached the "light" level or above in {year}.',
    ),
    "ls_warning_text": (
        "按预警指标体系（{source}）评估 {year} 年（最近完整申请年），警级分为无警、轻警、中警、重警、巨警。",
        "The indicators of the warning system ({source}) are evaluated for {year}, the last complete filing "
        "year, on five levels: none, light, moderate, severe and extreme.",
    ),
    "ls_subject": ("（{s}）", " ({s})"),
    "ls_col_level": ("警级", "Level"),
    "ls_col_indicator": ("预警指标", "Indicator"),
    "ls_col_sei": ("产业", "SEI"),
    "ls_col_region": ("地区", "Region"),
    "ls_col_indicator_value": ("指标值", "Value"),
    "ls_col_basis": ("分子 / 分母", "Numerator / denominator"),
    "ls_col_history": ("历史值", "Earlier values"),
    "ls_tab_alerts": ("{year} 年预警", "Warnings for {year}"),
    "ls_warning_note": (
        "每项预警的定义、阈值与可复现的命令见 seip warn --json。",
        "seip warn --json gives each warning's definition, thresholds and the command that reproduces it.",
    ),
    # Method and data.
    "ls_method": ("方法与数据说明", "Method and data"),
    "ls_col_source_format": ("数据格式", "Source format"),
    "ls_col_files": ("文件数", "Files"),
    "ls_col_rows_read": ("读取行数", "Rows read"),
    "ls_col_imported": ("新增专利", "Patents added"),
    "ls_col_last": ("最近导入", "Last import"),
    "ls_tab_sources": ("数据来源（导入记录）", "Data sources (import log)"),
    "ls_method_scope": (
        "研究范围：{scope}{region}。数据截止日 {date}（专利库最新公开日），最近完整申请年 {year} 年（发明专利申请自申请日起 18 个月公开）。",
        "Scope: patent applications {scope}{region}. Data cut-off: {date} (the latest publication date in the "
        "corpus); the last complete filing year is {year} (invention applications are published 18 months "
        "after filing).",
    ),
    "ls_method_region": (
        "，区域分析以第一申请人所在省份为{region}",
        "; the regional analysis takes first applicants in {region}",
    ),
    "ls_method_1": (
        "统计单位为专利申请（件）：同一申请号的多个公开文本合并为 1 件，以最近导入且有效性已知的文本为准。",
        "The unit of count is the patent application: the publications of one application number count once, "
        "represented by the most recently imported one whose legal status is known.",
    ),
    "ls_method_2": (
        "年份按申请日；授权量按授权日。列表维度（申请人、申请人类型、IPC 小类、产业分类）对每个取值分别计数。",
        "Years are filing years; grants are counted by grant date. Dimensions holding lists (applicants, "
        "applicant types, IPC subclasses, SEI categories) count an application once for each of its values.",
    ),
    "ls_method_3": (
        "战略性新兴产业分类依据《战略性新兴产业分类（2018）》及国家知识产权局《战略性新兴产业分类与国际专利分类参照关系表（2021）》。",
        "SEI (strategic emerging industries, 战略性新兴产业) categories follow the National Bureau of Statistics' "
        "Strategic Emerging Industries Classification (2018) and CNIPA's concordance of SEI categories with the "
        "IPC (2021).",
    ),
    "ls_method_4": (
        "技术生命周期、专利价值度、高价值发明专利、失效专利与预警指标的定义与阈值见 docs/analysis.md 与 docs/indicators.md。",
        "The definitions and thresholds of the technology life cycle, the patent value score, high-value "
        "invention patents, lapsed patents and the warning indicators are in docs/analysis.md and "
        "docs/indicators.md.",
    ),
    "ls_method_5": (
        "专利地图：文本向量（rjieba 分词与汉字二元组的 TF-IDF，经截断 SVD 降至 256 维）、PaCMAP 二维布局、HDBSCAN 聚类、"
        "c-TF-IDF 命名；见 docs/reports.md。",
        "Patent map: text vectors (TF-IDF of rjieba words and Han character bigrams, reduced to 256 "
        "dimensions by a truncated SVD), PaCMAP layout in two dimensions, HDBSCAN clustering, c-TF-IDF "
        "labels; see docs/reports.md.",
    ),
    "ls_method_6": (
        "图表背后的全部数据见同名 .xlsx 附表。",
        "All data behind the charts are in the .xlsx appendix of the same name.",
    ),
    # Provenance sheet of the appendix.
    "ls_prov_scope": ("研究范围", "Scope"),
    "ls_prov_region": ("地区", "Region"),
    "ls_prov_all_regions": ("全国", "All regions"),
    "ls_prov_query": ("检索式", "Query"),
    "ls_prov_cutoff": ("数据截止日", "Data cut-off"),
    "ls_prov_apps": ("专利申请（件）", "Patent applications"),
    "ls_prov_docs": ("公开文献（件）", "Published documents"),
    "ls_prov_rules": ("预警指标体系", "Warning indicator system"),
    "ls_prov_generated": ("生成日期", "Generated on"),
    # Default output files.
    "ls_file_landscape": ("{name}专利态势报告", "{name}patent-landscape"),
    "ls_file_map": ("{name}专利地图", "{name}patent-map"),
}
i18n.register(MESSAGES)


def sei_name(code: str | None) -> str:
    """The name of an SEI category or industry as the landscape report and map print it (headline case in
    English)."""
    return words.sei_name(code, headline=True)


def stage(key: str) -> str:
    """A life-cycle stage in a sentence (``成长期`` / ``the growth stage``)."""
    return t(f"ls_stage_{key}")


def stage_name(key: str) -> str:
    """A life-cycle stage as a label (``成长期`` / ``growth``)."""
    from seip.analysis.lifecycle import STAGES

    zh, english = STAGES.get(key, (key, key))
    return english if en() else zh


def level(alert: dict) -> str:
    """An alert's warning level (the rule file's Chinese name, or the English level)."""
    return str(alert["level_en"]).capitalize() if en() else str(alert["level_zh"])


def indicator(alert: dict) -> str:
    return str(alert["name_en"] if en() else alert["name_zh"])


def file_stem(kind: str, sei: str | None, region: str | None) -> str:
    """The default output name (without suffix) of a landscape report (``kind="landscape"``) or patent map
    (``"map"``): 北京市人工智能产业专利态势报告 / artificial-intelligence-beijing-patent-landscape."""
    name = sei_name(sei) if sei else ""
    if en():
        parts = [w for w in (name, place(region) if region else "") if w]
        slug = "-".join(re.sub(r"[^a-z0-9]+", "-", w.lower()).strip("-") for w in parts)
        return t(f"ls_file_{kind}", name=f"{slug}-" if slug else "")
    if kind == "landscape" and name and not name.endswith("产业"):
        name = f"{name}产业"
    return t(f"ls_file_{kind}", name=f"{region or ''}{name}")
