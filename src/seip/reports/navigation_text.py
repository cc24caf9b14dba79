"""The words of the navigation report (产业专利导航报告) in Chinese and English: its sentences as format templates,
section and figure titles, column headings and value labels (registered with the prefix ``nav_``), and the few
helpers of its own (counts with their units, growth, column headings, scope and title); the words every report
shares (lists, brackets, ranks, dates, places, SEI names) are in :mod:`.words`.

May import: seip.i18n, seip.reports.words, seip.reports.landscape_tech, stdlib.

Every text is read at render time (``t``, ``Terms``), never at import time, so ``--lang`` decides. Chinese texts
are the report's original wording; the English follows patent-landscape usage (applications, grants, RTA) and
keeps a Chinese term in brackets only where a reader needs it to find the official document (GB/T 39551's title).
"""

from __future__ import annotations

from functools import cache

from seip import i18n
from seip.i18n import MESSAGES, Terms, t
from seip.reports.words import en, listing, place, sei_name

# fmt: off
TEXTS: dict[str, tuple[str, str]] = {
    # --- titles, cover, provenance -------------------------------------------------------------------------
    "nav_title": ("{region}{industry}专利导航报告", "{region} {industry}Patent Navigation Report"),
    "nav_industry": ("{name}产业", "{name} Industry"),
    "nav_scope_sei": ("{name}产业（战略性新兴产业 {sei}）", "{name} (SEI category {sei})"),
    "nav_scope_query": ("检索式“{q}”命中的专利", "patents matching the query “{q}”"),
    "nav_subtitle": ("{scope} · 数据截至 {date}", "{scope} · data as of {date}"),
    "nav_note": ("数据来源：seip 专利库，截至 {date}；统计单位：件（一件申请的多个公开文本合并计数）。",
                 "Source: seip patent corpus, as of {date}. Unit: applications (the publications of one application "
                 "count once)."),
    "nav_p_scope": ("研究范围", "Scope"), "nav_p_region": ("区域", "Region"), "nav_p_query": ("检索式", "Query"),
    "nav_p_cutoff": ("数据截止日", "Data cut-off"), "nav_p_apps": ("专利申请（件）", "Patent applications"),
    "nav_p_targets": ("目标分支", "Target branches"), "nav_p_generated": ("生成日期", "Generated"),
    # --- small words ---------------------------------------------------------------------------------------
    "nav_years": ("{a}—{b} 年", "{a}–{b}"), "nav_span": ("{a}—{b}", "{a}–{b}"),
    "nav_new": ("新出现", "new"), "nav_times": ("{x:.1f} 倍", "{x:.1f}×"),
    "nav_world": ("全球", "World"), "nav_nation": ("全国", "National"), "nav_cn_applicants": ("中国申请人", "Chinese applicants"),
    "nav_other_peers": ("其他{p}", "Other {p}"), "nav_yes": ("是", "yes"), "nav_no": ("否", "no"),
    "nav_team_of": ("{lead}团队（{applicant}）", "the {lead} team ({applicant})"),
    "nav_unit_app": ("{n} 件", "{n} application|{n} applications"),
    "nav_unit_patent": ("{n} 件", "{n} patent|{n} patents"),
    "nav_unit_person": ("{n} 人", "{n} inventor|{n} inventors"),
    "nav_unit_member": ("{n} 人", "{n} member|{n} members"),
    "nav_unit_branch": ("{n} 个", "{n} branch|{n} branches"),
    "nav_unit_applicant": ("{n} 个", "{n} applicant|{n} applicants"),
    "nav_unit_team": ("{n} 个", "{n} inventor team|{n} inventor teams"),
    "nav_unit_core": ("{n} 件", "{n} core patent|{n} core patents"),
    "nav_kind_count": ("{k} {v} 家", "{k} {v}"), "nav_place_n": ("{place} {n}", "{place} ({n})"),
    # --- key findings --------------------------------------------------------------------------------------
    "nav_f_scale": ("截至 {date}，{scope}在全球共有专利申请 **{apps}** 件，其中中国申请人 {china}（{china_pct}）。{jw}申请量较 {bw}"
                    "变化 {g}，中国申请人变化 {g_cn}；技术生命周期处于**{stage}**。",
                    "As of {date} there are **{apps}** patent applications worldwide in {scope}; Chinese applicants filed "
                    "{china_n} of them ({china_pct}). Filings in {jw} changed by {g} against {bw} ({g_cn} for Chinese "
                    "applicants). Technology life-cycle stage: **{stage}**."),
    "nav_f_hot": ("增长最快的技术分支（IPC 大组）为 {names}，{jw}申请量分别为前三年的 {mults}。",
                  "The fastest-growing technology branches (IPC main groups) are led by {names}. Their filings in {jw} stand at "
                  "{mults} the level of the three years before, respectively."),
    "nav_f_leader": ("全球申请量居首的是 **{a}**（{n}，占 {share}）", "The largest filer worldwide is **{a}** ({n}, {share})"),
    "nav_f_leader_cn": ("；中国申请人中居首的是 **{a}**（{n}）", "; among Chinese applicants it is **{a}** ({n})"),
    "nav_f_region": ("{r}共有 {n}，占全国（国内申请）{share}，在 {peers} 个有申请的{p}中居第 **{rank}** 位；{jw}较前三年变化 {g}"
                     "（全国 {g_nat}）。",
                     "{r} accounts for {n}, {share} of domestic applications, ranking **{rank}** among the {peers} {ps} "
                     "with filings; its filings in {jw} changed by {g} against the three years before (nation: {g_nat})."),
    "nav_f_region_none": ("{r}在本领域尚无专利申请（按第一申请人所在地），以下定位与路径据此给出。",
                          "{r} has no patent application in this field (by first applicant's location); the positioning "
                          "and paths below start from there."),
    "nav_f_strong": ("{r}的优势分支（专业化指数 RTA ≥ {strong}）有 {n}：{items}。",
                     "{r} is specialised (RTA ≥ {strong}) in {n}: {items}."),
    "nav_f_strong_item": ("{code}（{n}，RTA {rta:.2f}）", "{code} ({n}, RTA {rta:.2f})"),
    "nav_f_weak": ("热点分支中{r}薄弱或空白的有 {n}（{names}），是技术补强的重点方向。",
                   "Among the hotspots, {r} is weak or absent in {n} ({names}): the priorities for catching up."),
    "nav_f_talent": ("{r}有申请人 {a} 个、发明人 {i} 人，识别出发明人团队 {teams} 个；有效专利 {valid} 件，核心专利 {core} 件。",
                     "{r} has {a_n}, {i_n} and {teams_n}; {valid_n} of its applications are in force "
                     "and it holds {core_n}."),
    "nav_f_advice": ("建议{items}。", "Recommended: {items}."),
    "nav_f_advice_teams": ("引进或合作 {who} 等目标分支的外地发明人团队",
                           "attract or partner with inventor teams outside the region in the target branches, such as "
                           "{who}"),
    "nav_f_advice_pair": ("推动 {e} 与 {p} 开展产学研合作", "foster industry–academia collaboration between {e} and {p}"),
    "nav_f_lists": ("目标分支中可许可或收购的{r}以外有效专利 {lic} 件、可再利用的失效专利 {reuse} 件；价值最高者与重点企业、发明人"
                    "团队一并列于第四章清单。",
                    "In the target branches, {lic} patents in force held outside {r} could be licensed or acquired and "
                    "{reuse} lapsed patents are free to reuse; the most valuable are listed in chapter 4 with the key "
                    "enterprises and inventor teams."),
    # --- chapter 1: industry direction ---------------------------------------------------------------------
    "nav_s_direction": ("产业发展方向", "Industry direction"),
    "nav_s_trends": ("全球与中国专利申请趋势", "Filing trends worldwide and in China"),
    "nav_direction_intro": ("依据 GB/T 39551《专利导航指南》产业规划类导航，本章从全球与中国的专利申请趋势、技术生命周期、技术热点和"
                            "主要创新主体四个方面揭示产业发展方向。",
                            "Following the industrial-planning navigation of GB/T 39551 (专利导航指南, Guidelines for "
                            "Patent Navigation), this chapter traces the direction of the industry through worldwide and "
                            "Chinese filing trends, the technology life cycle, technology hotspots and the key players."),
    "nav_trend_text": ("{scope}的全球专利申请量逐年变化如图所示，{jw}共 {n_j}，较 {bw}（{n_b}）变化 {g}；中国申请人 {jw}申请 "
                       "{china_j}，占同期全球的 {share}。",
                       "The figure shows worldwide filings in {scope} by year: {n_j} in {jw}, {g} against {bw} ({n_b}). "
                       "Chinese applicants filed {china_j} in {jw}, {share} of the world total."),
    "nav_trend_peak": ("完整年份中 {year} 年申请最多（{n}）；{next} 年以后因公开滞后尚不完整。",
                       " Among complete years, filings peaked in {year} ({n}); figures from {next} on are incomplete "
                       "because of the publication lag."),
    "nav_fig_world": ("全球与中国申请人专利申请量", "Patent applications worldwide and by Chinese applicants"),
    "nav_offices_text": ("按受理局（公开国家或组织）统计，专利布局以 {items} 为主；各受理局近三年与前三年的对比反映布局重心的变化。",
                         "By filing office (country or organisation of publication), filings concentrate at {items}; "
                         "comparing each office's last three years with the three before shows where protection is "
                         "shifting."),
    "nav_fig_offices": ("主要受理局专利申请量趋势", "Applications at the main offices by year"),
    "nav_tab_offices": ("主要受理局申请量与增长", "Main offices: applications and growth"),
    "nav_countries": ("第一申请人国别已知的申请 {n}（占 {share}），其中中国申请人占 {cn}{rest}。国别缺失的多为境外公开文本，其来源以"
                      "受理局近似。",
                      "The first applicant's country is known for {n} ({share}), {cn} of them Chinese{rest}. Applications "
                      "without a country are mostly publications abroad, whose origin the office approximates."),
    "nav_countries_rest": ("；其余来自 {items}", "; the others come from {items}"),
    # hotspots
    "nav_s_hotspots": ("技术热点", "Technology hotspots"),
    "nav_hot_text": ("技术热点以 IPC 大组为技术分支识别：{jw}申请不少于 {floor} 件（且不少于同期申请量的 {min_share:.1%}）、增长快于"
                     "产业整体（{g}）的分支中，增长最快的 {n} 个为热点。",
                     "Hotspots are found among IPC main groups (technology branches): of the branches with at least "
                     "{floor} applications in {jw} (and at least {min_share:.1%} of the period's filings) that grow faster "
                     "than the industry as a whole ({g}), the {n} fastest are hotspots. "),
    "nav_hot_lead": ("居前的是 {names}。", "The leading ones are {names}."),
    "nav_hot_none": ("本期没有满足条件的分支。", "No branch meets these conditions in this period."),
    "nav_fig_hot": ("技术热点近三年与前三年申请量", "Hotspots: applications in the last three years and the three before"),
    "nav_tab_hot": ("技术热点（增长最快的 IPC 大组）", "Technology hotspots (fastest-growing IPC main groups)"),
    "nav_wipo_text": ("按世界知识产权组织（WIPO）35 个技术领域统计，{rest}", "Across the 35 WIPO technology fields, {rest}"),
    "nav_wipo_fast": ("增长最快的是 {items}。", "the fastest-growing are {items}."),
    "nav_wipo_none": ("各领域增长均未快于产业整体。", "no field grows faster than the industry as a whole."),
    "nav_fig_wipo": ("WIPO 技术领域申请量", "Applications by WIPO technology field"),
    "nav_tab_wipo": ("WIPO 技术领域申请量与增长", "WIPO technology fields: applications and growth"),
    "nav_s_map": ("专利地图与技术分支", "Patent map and technology branches"),
    "nav_map_text": ("依据文本相似度把 {n} 件专利布局为地形图，聚成 {k} 个技术分支（以最具区分度的关键词命名）。",
                     "Laid out by text similarity, {n} patents form the topographic map below, grouped into {k} technology "
                     "branches named after their most distinctive terms."),
    "nav_map_dots": ("红点为{r}申请人的专利。", " Red dots are patents of applicants from {r}."),
    "nav_map_fast": ("增长最快的分支是“{label}”（{g}）。", " The fastest-growing branch is “{label}” ({g})."),
    "nav_tab_branches": ("专利地图技术分支（按申请计）", "Patent map technology branches (in applications)"),
    # players
    "nav_s_players": ("主要创新主体", "Key players"),
    "nav_players_text": ("全球申请量前 {n} 位的申请人中，{kinds}。", "The top {n} applicants worldwide by type: {kinds}. "),
    "nav_players_rising": ("近三年增长最快的是 {items}。", "The fastest-growing over the last three years are {items}. "),
    "nav_core_def": ("核心专利指价值度在同一受理局、IPC 小类与申请年群组中居前 10% 的专利。",
                     "Core patents are those in the top 10% by value score within their office, IPC subclass and "
                     "filing-year cohort."),
    "nav_fig_players": ("全球主要申请人申请量", "Top applicants worldwide: applications"),
    "nav_tab_players": ("全球主要申请人", "Top applicants worldwide"),
    "nav_players_cn": ("中国申请人中，{a} 居首；前 {k} 位合计申请 {n} 件（共同申请分别计数）。",
                       "Among Chinese applicants {a} leads; the top {k} together filed {n} applications (a joint "
                       "application counts for each applicant)."),
    "nav_tab_players_cn": ("中国主要申请人", "Top Chinese applicants"),
    # --- chapter 2: the region's position ------------------------------------------------------------------
    "nav_s_position": ("{r}产业定位", "Position of {r}"),
    "nav_s_scale": ("产业规模与结构", "Scale and structure"),
    "nav_position_intro": ("本章把{r}与全国其他{p}比较，从产业结构、创新主体、技术、人才和专利运营五个方面给出{r}在本产业中的位置。",
                           "This chapter compares {r} with the other {ps} and places it in the industry from five angles: "
                           "industrial structure, innovators, technology, talent and patent operations."),
    "nav_scale_text": ("国内申请按第一申请人所在{p}统计。{r}共有 {n}，占全国 {share}，",
                       "Domestic applications are counted by the first applicant's {p}. {r} has {n}, {share} of the "
                       "national total, "),
    "nav_scale_rank": ("在 {peers} 个{p}中居第 {rank} 位。", "ranking {rank} of {peers} {ps}. "),
    "nav_scale_none": ("尚无申请。", "none so far. "),
    "nav_scale_trend": ("{jw}{r}申请 {n_j}，较 {bw}变化 {g}，全国同期变化 {g_nat}，",
                        "In {jw} {r} filed {n_j}, {g} against {bw}, while the nation changed by {g_nat}: "),
    "nav_share_up": ("占全国比重上升。", "its national share rose."),
    "nav_share_down": ("占全国比重下降。", "its national share fell."),
    "nav_share_na": ("比重无从比较。", "its share cannot be compared."),
    "nav_fig_peers": ("各{p}申请量", "Applications by {p}"),
    "nav_fig_region_trend": ("{r}申请量及占全国比重", "{r}: applications and share of the national total"),
    "nav_rta_text": ("专业化指数（显示性技术优势 RTA）= {r}某分支申请占{r}全部分支申请的比重 ÷ 全国该分支占全国的比重：大于 1 表示{r}"
                     "在该分支相对集中。RTA ≥ {strong} 且不少于 3 件为优势，< {weak} 为薄弱，没有申请为空白，其余为均势。",
                     "The specialisation index (revealed technological advantage, RTA) is a branch's share of {r}'s "
                     "applications divided by its share of the nation's: above 1, {r} concentrates on the branch more than "
                     "the country does. RTA ≥ {strong} with at least 3 applications is a strength, below {weak} a "
                     "weakness, no application a gap (absent), anything else on par."),
    "nav_fig_rta": ("{r}主要技术分支专业化指数", "{r}: specialisation index (RTA) of the main branches"),
    "nav_rta_note": ("技术分支为全国申请量前 15 的 IPC 大组；RTA = 1 为全国平均水平。{note}",
                     "Branches: the 15 IPC main groups with most domestic applications; RTA = 1 is the national "
                     "average. {note}"),
    "nav_tab_rta": ("{r}在主要技术分支的定位", "{r}: position in the main branches"),
    "nav_tab_sei": ("{r}在战略性新兴产业各分类的定位", "{r}: position in the SEI categories"),
    "nav_s_enterprises": ("创新主体定位", "Innovators"),
    "nav_types_text": ("{r}有申请人 {a} 个（以第一申请人所在地计）。企业参与的申请占{r}申请的 {share}（全国 {nat}），",
                       "{r} has {a} applicants (located by first applicant). Enterprises take part in {share} of {r}'s "
                       "applications (nation: {nat}), "),
    "nav_types_higher": ("企业创新主体地位高于全国水平。", "a larger role as innovators than in the country as a whole."),
    "nav_types_lower": ("企业创新主体地位低于全国水平，高校与科研院所占比较高。",
                        "a smaller role than nationally, with universities and research institutes weighing more."),
    "nav_fig_types": ("申请人类型构成：{r}与全国", "Applicant types: {r} and the nation"),
    "nav_types_note": ("共同申请按每位申请人的类型分别计数，占比为各类型申请占本范围申请的比重（合计可超过 100%）。",
                       "A joint application counts once for each applicant's type; shares are of all applications in the "
                       "scope (they may add up to more than 100%)."),
    "nav_region_top": ("{r}申请量居首的是 {a}（{n}，核心专利 {core} 件）。",
                       "The largest filer in {r} is {a} ({n}, {core_n})."),
    "nav_tab_region_players": ("{r}主要申请人", "Top applicants in {r}"),
    "nav_s_technology": ("技术定位", "Technology"),
    "nav_tech_mine": ("{r}申请最多的技术分支为 {items}。", "The largest technology branches of {r} are {items}."),
    "nav_tech_mine_item": ("{code}（{title}，{n}）", "{code} ({title}, {n})"),
    "nav_tech_none": ("{r}尚无申请。", "{r} has no application yet."),
    "nav_tech_hot": ("在 {n} 个技术热点中，{r}有布局的 {m} 个{names}，其余 {rest} 个尚属空白。",
                     " Of the {n} technology hotspots, {r} files in {m}{names}; the other {rest} are gaps."),
    "nav_tab_tech_hot": ("技术热点中的{r}", "{r} in the technology hotspots"),
    "nav_fig_tech_mix": ("技术分支构成：{r}与全国", "Technology mix: {r} and the nation"),
    "nav_s_talent": ("人才定位", "Talent"),
    "nav_talent_text": ("发明人是产业人才的直接体现。以发明人姓名与其所在申请人（第一申请人）识别个人，共有发明人 {i} 人，其中{r} {ri} 人。"
                        "两位发明人共同完成不少于 2 件申请即视为合作，合作关系连通的 3 人以上群体为一个发明人团队，全部识别出团队 "
                        "{teams} 个，{r} {rt} 个。",
                        "Inventors embody an industry's talent. Identifying each inventor by name and (first) applicant, "
                        "there are {i} inventors, {ri} of them in {r}. Two inventors who share at least 2 applications "
                        "collaborate, and a connected group of 3 or more collaborators is an inventor team: {teams} teams "
                        "in all, {rt} in {r}."),
    "nav_team_top": ("规模最大的团队以 {lead} 为带头人（{a}，{m} 人，团队申请 {n} 件）。",
                     "The largest team is led by {lead} ({a}; {m} members, {n} team applications)."),
    "nav_fig_teams": ("主要发明人团队申请量", "Main inventor teams: applications"),
    "nav_teams_note": ("团队申请：至少两名团队成员共同完成的申请。", "Team applications: applications with at least two team members."),
    "nav_tab_inventors": ("{r}主要发明人", "Top inventors in {r}"),
    "nav_no_inventors": ("{r}的申请没有发明人信息。", "The applications of {r} carry no inventor names."),
    "nav_team_region": ("{r}最大的发明人团队以 {lead} 为带头人（{a}，{m} 人，团队申请 {n} 件）。",
                        "The largest team in {r} is led by {lead} ({a}; {m} members, {n} team applications)."),
    "nav_tab_teams": ("{r}发明人团队", "Inventor teams in {r}"),
    "nav_no_teams": ("{r}尚未形成 3 人以上、稳定合作的发明人团队。", "{r} has no stable inventor team of 3 or more yet."),
    "nav_s_operations": ("专利运营定位", "Patent operations"),
    "nav_ops_text": ("{r}有效专利 {valid} 件，占其申请的 {share}（全国 {nat}）。专利运营以法律事件计：{rest}",
                     "{r} has {valid} patents in force, {share} of its applications (nation: {nat}). Patent operations, "
                     "counted from legal events: {rest}"),
    "nav_ops_item": ("{name} {n} 件（全国 {nat} 件）", "{name} {n} (nation: {nat})"),
    "nav_ops_none": ("专利库中没有本领域的转让、许可或质押法律事件（导入含法律事件的数据后可统计）。",
                     "the corpus holds no transfer, licence or pledge event in this field (import data with legal events "
                     "to count them)."),
    "nav_fig_status": ("法律状态构成：{r}与全国", "Legal status: {r} and the nation"),
    "nav_tab_ops": ("专利转让、许可与质押（有相应法律事件的申请）", "Transfers, licences and pledges (applications with such legal events)"),
    # --- chapter 3: development paths ----------------------------------------------------------------------
    "nav_s_paths": ("发展路径", "Development paths"),
    "nav_paths_intro": ("根据上两章的定位，从技术、企业、人才、合作和运营五个方面提出发展路径，每条路径都给出所依据的数据。",
                        "From the positioning above, this chapter proposes paths in five areas (technology, enterprises, "
                        "talent, collaboration and IP operations), each with the figures it rests on."),
    "nav_path_here": ("{r} {n}、RTA {rta:.2f}", "{r}: {n}, RTA {rta:.2f}"),
    "nav_path_none": ("{r}尚无申请", "none in {r}"),
    "nav_path_lead": ("，全国以{leader}（{n}）居首", "; the national leader is {leader} ({n})"),
    "nav_path_branch": ("**{code}**（{title}）：全球{jw} {n_j}（{g}）；{here}{lead}。",
                        "**{code}** ({title}): {n_j} worldwide in {jw} ({g}); {here}{lead}."),
    "nav_advice_core": ("已在目标分支布局且有核心专利，建议列为重点培育对象，开展高价值专利培育。",
                        "Already files in the target branches and holds core patents: cultivate as a key enterprise and "
                        "develop high-value patents."),
    "nav_advice_growing": ("近三年增长较快，建议列入培育库，引导向目标分支布局。",
                           "Growing fast over the last three years: add to the cultivation pool and steer its filings "
                           "towards the target branches."),
    "nav_advice_invest": ("建议加强研发投入与专利布局，向目标分支拓展。",
                          "Invest more in R&D and patenting, and extend into the target branches."),
    "nav_why_weak": ("技术热点中{r}薄弱（RTA < {weak}）或空白的分支", "the hotspots where {r} is weak (RTA < {weak}) or absent"),
    "nav_why_hot": ("技术热点（{r}在热点中均不弱）", "the technology hotspots ({r} is weak in none of them)"),
    "nav_why_top": ("全国申请量最大的分支（本期没有热点）", "the largest branches (no hotspot in this period)"),
    "nav_targets": ("目标分支为{why}，共 {n} 个，建议作为补强与布局的重点：",
                    "The target branches are {why}, {n} in all; they should be the focus of reinforcement and new filings:"),
    "nav_keep_strong": ("同时巩固{r}的优势分支 {names}，以高价值专利培育和专利组合布局保持领先。",
                        "At the same time, {r} should consolidate its strengths in {names} through high-value patent "
                        "cultivation and portfolio building."),
    "nav_firm": ("**{a}**：{n}（近三年 {n_j} 件，{g}），核心专利 {core} 件，目标分支 {n_t} 件；{advice}",
                 "**{a}**: {n} ({n_j} in the last three years, {g}), {core_n}, {n_t} in the target branches. "
                 "{advice}"),
    "nav_tab_talent": ("外地重点发明人（目标分支）", "Key inventors outside the region (target branches)"),
    "nav_coop_def": ("重合度 = 双方在共同 IPC 大组中申请量较小者之和，反映技术上的互补基础；目标分支中的重合优先，其次本地高校与院所、"
                     "对方在共同分支的申请量；每家企业至多列 3 个对象。",
                     "Overlap = the sum, over the IPC main groups both parties file in, of the smaller of their two "
                     "counts: their common technical ground. Pairs rank by overlap in the target branches, then overall "
                     "overlap, local universities and institutes, and the partner's filings in the shared groups; at most "
                     "3 partners per enterprise."),
    "nav_tab_links": ("{r}现有产学研合作", "Existing industry–academia collaboration in {r}"),
    "nav_no_links": ("{r}在本领域尚无企业与高校、科研院所的共同申请。",
                     "{r} has no joint application of an enterprise with a university or research institute in this "
                     "field."),
    "nav_pair_first": ("首选合作对象：{e} 与 {p}（共同分支 {shared}，重合度 {o}）。",
                       "First choice: {e} with {p} (shared branches {shared}; overlap {o})."),
    "nav_tab_pairs": ("产学研合作候选", "Candidate industry–academia pairs"),
    "nav_no_pairs": ("{r}没有在本领域申请的企业，暂无可匹配的产学研合作对象。",
                     "{r} has no enterprise filing in this field, so no collaboration pair can be matched."),
    "nav_no_firm": ("{r}尚无在本领域申请的企业，建议以引进为主：从“主要创新主体”与第四章清单中选择目标企业招商或合作。",
                    "{r} has no enterprise filing in this field, so attracting firms comes first: choose targets for "
                    "investment promotion or partnership from “Key players” and the lists of chapter 4."),
    "nav_s_tech_path": ("技术发展路径", "Technology path"), "nav_s_firm_path": ("企业培育路径", "Enterprise cultivation"),
    "nav_s_talent_path": ("人才引进路径", "Talent attraction"), "nav_s_coop_path": ("协同创新路径", "Collaborative innovation"),
    "nav_s_ops_path": ("知识产权运营路径", "IP operations"),
    "nav_firms_intro": ("{r}在本领域申请量居前的企业及建议：", "Leading enterprises of {r} in this field, with recommendations:"),
    "nav_talent_intro": ("目标分支中申请最多的{r}以外发明人与团队，可作为引进、柔性合作或委托研发的对象：",
                         "Inventors outside {r} with most applications in the target branches: candidates for recruitment, "
                         "flexible collaboration or contract research."),
    "nav_no_talent": ("目标分支中没有可识别的外地发明人。", "No inventor outside the region is identified in the target branches."),
    "nav_ops_path": ("目标分支中，{r}以外权利人持有的有效专利 {lic} 件，可通过许可或转让获取；已失效、可自由实施的专利 {reuse} 件，"
                     "可二次开发。按价值度排列的清单见第四章。",
                     "In the target branches, holders outside {r} own {lic} patents in force that could be licensed or "
                     "acquired, and {reuse} lapsed patents are free to practise and build on. Chapter 4 lists them by value "
                     "score."),
    # --- chapter 4: lists ----------------------------------------------------------------------------------
    "nav_s_lists": ("清单", "Lists"),
    "nav_lists_intro": ("清单按第三章的目标分支生成：企业按申请量，团队按团队申请量，专利按价值度（0—100，越高越好）排列。",
                        "The lists follow the target branches of chapter 3: enterprises ranked by applications, teams by "
                        "team applications, patents by value score (0–100, higher is better)."),
    "nav_s_firm_list": ("重点企业清单", "Key enterprises"), "nav_tab_firms": ("{r}重点企业清单", "Key enterprises in {r}"),
    "nav_no_firms": ("{r}尚无在本领域申请的企业。", "{r} has no enterprise filing in this field."),
    "nav_s_team_list": ("发明人团队清单", "Inventor teams"),
    "nav_tab_team_list": ("{r}发明人团队清单", "Inventor teams in {r}"),
    "nav_tab_team_ext": ("外地发明人团队清单（目标分支）", "Inventor teams outside the region (target branches)"),
    "nav_no_team_list": ("{r}尚无发明人团队。", "{r} has no inventor team yet."),
    "nav_s_license": ("可许可或收购的专利清单", "Patents to license or acquire"),
    "nav_license_text": ("{r}以外权利人持有、仍然有效、属于目标分支的专利，按价值度取前 {n} 件。",
                         "The {n} patents of highest value score that are in force, in a target branch and held outside "
                         "{r}."),
    "nav_no_license": ("目标分支中没有可评价值的有效专利。", "No patent in force with a value score in the target branches."),
    "nav_s_reuse": ("可再利用的失效专利清单", "Lapsed patents to reuse"),
    "nav_reuse_text": ("已终止、届满、撤回、驳回、放弃或被宣告无效的专利申请，其技术方案可自由实施；按价值度取前 {n} 件。完整清单可用 "
                       "`seip lapsed{sei} --out 失效专利.xlsx` 导出。",
                       "Applications that lapsed, expired, were withdrawn, rejected, abandoned or invalidated may be "
                       "practised freely; these are the {n} of highest value score. Export the full list with "
                       "`seip --lang en lapsed{sei} --out lapsed.xlsx`."),
    "nav_no_reuse": ("目标分支中没有可评价值的失效专利。", "No lapsed patent with a value score in the target branches."),
    # --- chapter 5: method ---------------------------------------------------------------------------------
    "nav_s_method": ("方法与数据说明", "Method and data"),
    "nav_tab_sources": ("数据来源（导入记录）", "Data sources (import log)"),
    "nav_method_scope": ("研究范围：{scope}；区域：{r}（以第一申请人所在{p}计，国内申请不含港澳台）。数据截止日 {cutoff}（专利库最新公开日），"
                         "最近完整申请年 {last} 年；增长比较 {jw}（J）与 {bw}（B）。",
                         "Scope: {scope}; region: {r} (by the first applicant's {p}; domestic applications exclude Hong "
                         "Kong, Macao and Taiwan). Data cut-off {cutoff} (latest publication date in the corpus); last "
                         "complete filing year {last}; growth compares {jw} (J) with {bw} (B)."),
    "nav_m_structure": ("报告结构依据 GB/T 39551—2020《专利导航指南》产业规划类专利导航：产业发展方向、区域产业定位、发展路径与清单。",
                        "Structure: industrial-planning patent navigation after GB/T 39551-2020 Guidelines for Patent "
                        "Navigation (专利导航指南): industry direction, regional positioning, development paths and lists."),
    "nav_m_unit": ("统计单位为专利申请（件）：同一申请号的多个公开文本合并为 1 件；年份按申请日。列表维度（申请人、IPC 大组、技术领域）对"
                   "每个取值分别计数。",
                   "Unit of count: patent applications (the publications of one application number count once); years are "
                   "filing years. List dimensions (applicants, IPC main groups, technology fields) count an application "
                   "once for each of its values."),
    "nav_m_hot": ("技术热点：J 申请不少于 max({floor}, J 申请量的 {share:.1%}) 件、增长（J ÷ B − 1）高于产业整体的 IPC 大组中增长最快的 "
                  "{top} 个（B 为 0 的新分支最快）。IPC 大组的主题词是其专利标题中最具区分度的词（c-TF-IDF）。",
                  "Technology hotspots: among IPC main groups with at least max({floor}, {share:.1%} of J's applications) "
                  "applications in J and growth (J ÷ B − 1) above the industry's, the {top} fastest (a new branch, B = 0, "
                  "is fastest). A group is named by its English IPC title; where the package has none, by the most "
                  "distinctive words of its patents' titles (c-TF-IDF, in Chinese)."),
    "nav_m_rta": ("专业化指数 RTA（Balassa 显示性技术优势）=（区域该分支申请 ÷ 区域各分支申请之和）÷（全国该分支申请 ÷ 全国各分支申请之和），"
                  "全国为第一申请人在境内（不含港澳台）且所在地已知的申请；RTA ≥ {strong} 且至少 3 件为优势，< {weak} 为薄弱。",
                  "Specialisation index RTA (Balassa's revealed technological advantage) = (the region's applications in "
                  "the branch ÷ the region's over all branches) ÷ (the nation's in the branch ÷ the nation's over all "
                  "branches); the nation is every application whose first applicant is in mainland China at a known "
                  "location. RTA ≥ {strong} with at least 3 applications is a strength, < {weak} a weakness."),
    "nav_m_targets": ("目标分支：技术热点中 RTA < {weak} 的分支；没有时取全部热点，没有热点时取申请量最大的 {top} 个分支。",
                      "Target branches: hotspots with RTA < {weak}; when there are none, every hotspot; with no hotspot, "
                      "the {top} largest branches."),
    "nav_m_inventors": ("发明人以“姓名 + 第一申请人”识别（同名者按申请人区分，更换单位者视为两人）；共同完成至少 2 件申请的两人相连，连通的"
                        " 3 人以上群体为团队，团队申请指至少两名成员共同完成的申请。",
                        "An inventor is a name at a first applicant (namesakes at two applicants are two people; a person "
                        "who changed employer counts twice). Two inventors sharing at least 2 applications are linked; a "
                        "connected group of 3 or more is a team, and its team applications are those with at least two "
                        "members."),
    "nav_m_applicants": ("申请人所在地、类型取其作为第一申请人时最常见的取值；产学研合作候选按双方在共同 IPC 大组中申请量较小者之和排序。",
                         "An applicant's location and type are the values most frequent where it is the first applicant; "
                         "collaboration candidates rank by the sum, over shared IPC main groups, of the smaller of the "
                         "two counts."),
    "nav_m_value": ("价值度、核心专利与失效日期的定义见 docs/analysis.md；转让、许可、质押以法律事件计。",
                    "Value score, core patents and end dates are defined in docs/analysis.md; transfers, licences and "
                    "pledges are counted from legal events."),
    "nav_m_map": ("专利地图：文本向量（TF-IDF + 截断 SVD）、PaCMAP 布局、HDBSCAN 聚类、c-TF-IDF 命名，见 docs/reports.md。图表背后的"
                  "数据见同名 .xlsx 附表。",
                  "Patent map: text vectors (TF-IDF + truncated SVD), PaCMAP layout, HDBSCAN clusters, c-TF-IDF labels "
                  "(docs/reports.md). The data behind every figure and table is in the .xlsx appendix of the same name."),
    # --- column headings (nav_c_*) -------------------------------------------------------------------------
    "nav_c_year": ("申请年", "Filing year"), "nav_c_series": ("范围", "Scope"), "nav_c_apps_u": ("申请量（件）", "Applications"),
    "nav_c_apps": ("申请量", "Applications"), "nav_c_office": ("受理局", "Office"), "nav_c_share": ("占比", "Share"),
    "nav_c_change": ("近三年较前三年", "Change"), "nav_c_wipo": ("WIPO 技术领域", "WIPO technology field"),
    "nav_c_group": ("IPC 大组", "IPC main group"), "nav_c_window": ("时段", "Period"), "nav_c_no": ("序号", "No."),
    "nav_c_terms": ("主题词", "Topic"), "nav_c_branch": ("分支", "Branch"), "nav_c_rta_long": ("专业化指数", "RTA"),
    "nav_c_applicant": ("申请人", "Applicant"), "nav_c_type": ("类型", "Type"), "nav_c_where": ("所在地", "Location"),
    "nav_c_core": ("核心专利", "Core patents"), "nav_c_valid_inv": ("有效发明", "Valid inventions"),
    "nav_c_groups": ("主要 IPC 大组", "Main IPC groups"), "nav_c_who": ("类别", "Group"),
    "nav_c_region_apps": ("{r}申请量（件）", "{r} applications"), "nav_c_nat_share": ("占全国比重", "Share of national"),
    "nav_c_rta_axis": ("专业化指数 RTA", "Specialisation index (RTA)"), "nav_c_nation": ("全国", "National"),
    "nav_c_of_nation": ("占全国", "Share of national"), "nav_c_rank": ("排名", "Rank"), "nav_c_rta": ("RTA", "RTA"),
    "nav_c_pos": ("定位", "Position"), "nav_c_hot": ("热点", "Hotspot"), "nav_c_code": ("代码", "Code"),
    "nav_c_sei": ("战略性新兴产业分类", "SEI category"), "nav_c_atype": ("申请人类型", "Applicant type"),
    "nav_c_hot_branch": ("热点分支", "Hotspot"), "nav_c_world_j": ("全球近三年", "World, last 3 yrs"),
    "nav_c_leader": ("全国领先", "National leader"), "nav_c_mix_share": ("占各自分支申请的比重", "Share of own branch total"),
    "nav_c_team": ("团队", "Team"), "nav_c_team_apps_u": ("团队申请（件）", "Team applications"),
    "nav_c_lead": ("团队带头人", "Team lead"), "nav_c_members": ("成员数", "Members"), "nav_c_names": ("主要成员", "Main members"),
    "nav_c_team_apps": ("团队申请", "Team applications"), "nav_c_years": ("年份", "Years"),
    "nav_c_grp": ("主要 IPC 大组", "Main IPC group"), "nav_c_inventor": ("发明人", "Inventor"),
    "nav_c_apps_j": ("近三年", "Last 3 yrs"), "nav_c_status": ("法律状态", "Legal status"),
    "nav_c_operation": ("运营方式", "Operation"), "nav_c_world": ("全球", "World"),
    "nav_c_n_target": ("目标分支申请", "In target branches"), "nav_c_enterprise": ("企业", "Enterprise"),
    "nav_c_partner": ("高校/科研院所", "University / institute"), "nav_c_joint": ("合作申请", "Joint applications"),
    "nav_c_region_firm": ("{r}企业", "Enterprise in {r}"), "nav_c_shared": ("共同技术分支", "Shared branches"),
    "nav_c_overlap": ("重合度", "Overlap"), "nav_c_existing": ("已合作申请", "Existing joint applications"),
    "nav_c_pub": ("公开号", "Publication no."), "nav_c_title": ("名称", "Title"), "nav_c_holder": ("权利人", "Holder"),
    "nav_c_hit": ("目标分支", "Target branches"), "nav_c_value": ("价值度", "Value score"), "nav_c_core_flag": ("核心", "Core"),
    "nav_c_orig": ("原申请人", "Original applicant"), "nav_c_reason": ("失效原因", "Reason"), "nav_c_end": ("失效日期", "End date"),
    "nav_c_format": ("数据格式", "Format"), "nav_c_files": ("文件数", "Files"), "nav_c_rows": ("读取行数", "Rows read"),
    "nav_c_imported": ("新增专利", "Patents added"), "nav_c_last": ("最近导入", "Last import"),
}
# fmt: on
i18n.register(TEXTS)

#: Legal statuses as this report has always printed them in Chinese; the English of seip's canonical values.
STATUS = Terms({k: (zh, MESSAGES[k][1]) for k, zh in (
    ("granted", "授权有效"), ("pending", "审查中"), ("lapsed", "未缴年费终止"), ("expired", "期限届满"), ("withdrawn", "撤回"),
    ("rejected", "驳回"), ("abandoned", "放弃"), ("invalidated", "无效宣告"), ("unknown", "未知"))})  # fmt: skip
EVENTS = Terms(
    {"transfer": ("转让", "Transfer"), "licence": ("许可", "Licence"), "pledge": ("质押", "Pledge")}
)
POSITION = Terms({"strong": ("优势", "strength"), "even": ("均势", "on par"), "weak": ("薄弱", "weak"), "none": ("空白", "absent")})  # fmt: skip
#: The peers of a region: provinces or cities (singular, plural).
PEER = Terms({"province": ("省份", "province"), "city": ("城市", "city")})
PEERS = Terms({"province": ("省份", "provinces"), "city": ("城市", "cities")})


def count(n: float | None, unit: str = "app") -> str:
    """``n`` with its unit: 12 件 / 12 applications (1 application)."""
    text = t(f"nav_unit_{unit}", n="—" if n is None else f"{int(n):,}")
    one, _, many = text.partition("|")
    return one if not many or n == 1 else many


def heads(spec: str, **literal: str) -> dict[str, str]:
    """Column headings in order: ``"name:office n:apps share n_b= n_j="`` → key ``name`` headed by message
    ``nav_c_office``, ``share`` by ``nav_c_share``, ``n_b`` by the literal ``n_b=…`` given as a keyword."""
    out = {}
    for token in spec.split():
        key, sep, msg = token.partition(":")
        if key.endswith("="):
            key = key[:-1]
            out[key] = literal[key]
        else:
            out[key] = t(f"nav_c_{msg if sep else key}", **literal)
    return out


def change(x: float | None) -> str:
    """A growth rate with its sign: +12.3%."""
    return "—" if x is None else f"{x:+.1%}"


def grew(r: dict, j: str = "n_j", b: str = "n_b") -> str:
    """J against B as text: a change in percent, a multiple from threefold on, 新出现 / new when B had none."""
    if not r.get(b):
        return t("nav_new") if r.get(j) else "—"
    ratio = r[j] / r[b]
    return t("nav_times", x=ratio) if ratio >= 3 else change(ratio - 1)


@cache
def _ipc_group_titles() -> dict[str, str]:
    from seip.reports.landscape_tech import ipc_titles

    return ipc_titles("group")


def group_title(terms: str, code: str, width: int = 60) -> str:
    """What an IPC main group is about, in at most ``width`` characters: its distinctive title words ``terms``
    (Chinese, from the corpus), else its English IPC title; in English the IPC title first (and half as many
    characters again, Latin letters being narrower)."""
    ipc = _ipc_group_titles().get(code, "")
    title, width = (ipc or terms, width * 3 // 2) if en() else (terms or ipc, width)
    return title if len(title) <= width else title[: width - 1] + "…"


def scope(sei: str | None, query: str | None) -> str:
    """What the report covers: 人工智能产业（战略性新兴产业 1.5） / Artificial intelligence (SEI category 1.5)."""
    parts = [t("nav_scope_sei", name=sei_name(sei).removesuffix("产业"), sei=sei)] if sei else []
    return listing(parts + ([t("nav_scope_query", q=query)] if query else []), en_sep=", limited to ")


def report_title(region: str, sei: str | None) -> str:
    """黑龙江省人工智能产业专利导航报告 / Heilongjiang Artificial Intelligence Industry Patent Navigation Report."""
    name = sei_name(sei, headline=True).removesuffix("产业")
    if name and en():
        name = (
            name if name.lower().endswith(("industry", "industries")) else t("nav_industry", name=name)
        ) + " "
    elif name:
        name = t("nav_industry", name=name)
    return t("nav_title", region=place(region), industry=name)
