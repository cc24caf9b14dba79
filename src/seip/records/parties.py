"""Applicants and inventors: splitting name lists, cleaning and normalising names, typing applicants.

May import: stdlib.

Decisions are stated in each docstring. :func:`normalize_applicant` is a grouping key, not a display
name, and does no parent-company consolidation (vendors map 阿波罗智联(北京) to 百度; seip does not
guess ownership).
"""

from __future__ import annotations

import html
import re
import unicodedata

__all__ = ["applicant_type", "clean_name", "country_from_name", "normalize_applicant", "split_names"]

_HAN = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_HAN_RE = re.compile(f"[{_HAN}]")
_PLACEHOLDER_RE = re.compile(r"^(?:[\W_]*|.*不公[告开布].*|.*请求不公.*|N/?A|NONE|NULL|无)$", re.IGNORECASE)
_OPEN, _CLOSE = "([（【〔［", ")]）】〕］"
_ENTITY_RE = re.compile(r"&(?:amp;)*(?:#\d+|#x[0-9a-f]+|[a-z]+\d*);", re.IGNORECASE)
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\ufeff]")
_SEP_AUTO_RE = re.compile(r"\s*(?:;+|；+|、|\r?\n|\|)\s*")
_PIPE_RE = re.compile(r"\s*\|\s*|\s*\r?\n\s*")
_WORD_RE = re.compile(r"[^\W\d_][\w'.\-]*")
_PARTICLES = set("van von de der den da di du del della dos das la le st mc bin al el".split())


# -- splitting ------------------------------------------------------------------------------------------
def _unescape(s: str) -> str:
    """Decode HTML entities, even double-escaped ones (``&amp;#x26;``)."""
    for _ in range(3):
        if not _ENTITY_RE.search(s):
            break
        s = html.unescape(s)
    return s


def _split_top_level(text: str, sep: re.Pattern[str]) -> list[str]:
    """Split at matches of ``sep`` outside brackets and outside HTML entities (``AT&amp;#x26;T``)."""
    parts, depth, start, pos = [], 0, 0, 0
    while pos < len(text):
        ch = text[pos]
        if ch == "&" and (ent := _ENTITY_RE.match(text, pos)):
            pos = ent.end()
            continue
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE:
            depth = max(depth - 1, 0)
        elif depth == 0 and (m := sep.match(text, pos)) and m.end() > pos:
            parts.append(text[start:pos])
            start = pos = m.end()
            continue
        pos += 1
    parts.append(text[start:])
    return parts


def _is_last_first(text: str) -> bool:
    """``Poscher; Jens``, ``van Cruyningen; Izak Jan``, ``Perez Barrera; Oswaldo``: one person, US style."""
    text = _unescape(text)
    if text.count(";") != 1 or _HAN_RE.search(text):
        return False
    last, first = (p.strip() for p in text.split(";"))
    last = re.sub(r",\s*(?:Jr|Sr|II|III|IV)\.?$", "", last, flags=re.IGNORECASE)
    last_words = [w for w in last.split() if w.lower() not in _PARTICLES] or last.split()
    first_words = first.split()
    given = " ".join(w for w in first_words if len(w) > 2)  # Se, Ai … are given names, not SE or AI
    n_last, n_first = len(last_words), len(first_words)
    sizes_fit = (n_last == 1 and 1 <= n_first <= 4) or (n_last, n_first) == (2, 1)
    return (
        sizes_fit
        and all(_WORD_RE.fullmatch(w) for w in [*last_words, *first_words])
        and _latin_type(last) is None
        and (not given or _latin_type(given) is None)
    )


def split_names(raw: str | list[str] | None, *, sep: str | None = None) -> list[str]:
    """Split a co-applicant or inventor list into names, as given.

    Separators: ``;``, ``;;``, ``；``, ``、``, ``|`` and line breaks, never inside brackets. When a
    ``|`` is present it is the only separator (with line breaks) and ``;`` belongs to the name
    (Patentics writes US names ``Poscher; Jens``); a lone ``Last; First`` is also kept whole. Names
    are trimmed; empties, placeholders (``不公告发明人``, ``请求不公布姓名``, ``-``) and exact repeats
    are dropped; the order is kept.

    Parameters
    ----------
    raw : str or list of str or None
        The cell as the source wrote it; a list holds names already split (each is only trimmed).
    sep : str, optional
        A separator the caller knows (e.g. ``" | "``), used instead of guessing.

    Returns
    -------
    list of str

    Examples
    --------
    >>> split_names("北京京东尚科信息技术有限公司; 科大讯飞股份有限公司")
    ['北京京东尚科信息技术有限公司', '科大讯飞股份有限公司']
    >>> split_names("Poscher; Jens | Detke; Ralph")
    ['Poscher; Jens', 'Detke; Ralph']
    >>> split_names("罗凯 |\\n李进"), split_names("孙跃;;肖辉;;孙跃"), split_names("不公告发明人")
    (['罗凯', '李进'], ['孙跃', '肖辉'], [])
    """
    if raw is None:
        return []
    if isinstance(raw, str):
        text = _CONTROL_RE.sub("", raw.replace("\r\n", "\n").replace("\t", " ")).strip()
        if sep is not None:
            parts = text.split(sep)
        elif "|" in text:
            parts = _split_top_level(text, _PIPE_RE)
        elif _is_last_first(text):
            parts = [text]
        else:
            parts = _split_top_level(text, _SEP_AUTO_RE)
    else:
        parts = [p for p in raw if isinstance(p, str)]
    out: list[str] = []
    for part in parts:
        name = " ".join(_CONTROL_RE.sub("", part).split()).strip(" ;；,，、|")
        if name and not _PLACEHOLDER_RE.match(name) and name not in out:
            out.append(name)
    return out


# -- cleaning ---------------------------------------------------------------------------------------------
_WIDTH = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)} | {0x3000: 0x20, 0xA0: 0x20}
_WIDTH |= {ord(a): ord(b) for a, b in zip("【】〔〕［］", "()()()", strict=True)}
_JUNK_TAIL_RE = re.compile(r"\s+Name Of Applicant\s+Na$", re.IGNORECASE)  # incoPat, Indian filings
_HAN_SPACE_RE = re.compile(f"(?<=[{_HAN}])\\s+(?=[{_HAN}(])|(?<=[{_HAN})])\\s+(?=[{_HAN}])")
_EDGE_LEAD = " ;,.:|/\\-_*·•、，；：。'\"`~"
_EDGE_TRAIL = " ;,:|/\\-_*·•、，；：。'\"`~"


def clean_name(name: str) -> str:
    """Tidy one name: width, entities, brackets, spaces, stray punctuation.

    Full-width ASCII forms (letters, digits, brackets, ``，．`` …) become half-width; CJK punctuation
    such as ``、`` and ``·`` is kept; ``（）【】〔〕［］`` become ``()``; HTML entities (even
    double-escaped ``&amp;#x26;``) are decoded; control characters go; runs of spaces collapse;
    spaces between Han characters (or a Han character and a bracket) go; punctuation dangling at either
    end is stripped, as is an unmatched ``)``.

    Parameters
    ----------
    name : str

    Returns
    -------
    str

    Examples
    --------
    >>> clean_name("中科创达软件科技（深圳）有限公司 ")
    '中科创达软件科技(深圳)有限公司'
    >>> clean_name("ＡＵＲＯＲＡ  ＩＮＮＯＶＡＴＩＯＮ，  ＩＮＣ．")
    'AURORA INNOVATION, INC.'
    >>> clean_name("AT&amp;#x26;T Intellectual Property I, L.P.")
    'AT&T Intellectual Property I, L.P.'
    """
    s = _CONTROL_RE.sub("", _unescape(name).translate(_WIDTH))
    s = _HAN_SPACE_RE.sub("", " ".join(s.split()))
    s = _JUNK_TAIL_RE.sub("", s).lstrip(_EDGE_LEAD).rstrip(_EDGE_TRAIL)
    if s.endswith(")") and s.count("(") < s.count(")"):
        s = s[:-1].rstrip(_EDGE_TRAIL)
    return s


# -- normalising ------------------------------------------------------------------------------------------
_CN_FORMS = "股份有限公司 无限责任公司 有限责任公司 有限公司 股份公司 集团公司 总公司 公司 株式会社 有限会社"
_CN_FORMS_T = tuple((f, "集团" if f.startswith("集团") else "") for f in _CN_FORMS.split())
_CN_BRACKET_FORM_RE = re.compile(r"\((?:有限合伙|普通合伙|特殊普通合伙|个人独资)\)")
_LATIN_FORMS = (
    "CO|COMPANY|CORP|CORPORATION|INC|INCORPORATED|LLC|LLP|LP|LTD|LTDA|LIMITED|PLC|GMBH|MBH|AG|KGAA|KG|SA|"
    "SAS|SPA|SRL|SARL|BV|NV|AB|ASA|AS|OY|OYJ|KK|KABUSHIKI KAISHA|YUGEN KAISHA|PUBL|PTE|PTY|SE|EV|NA|ULC|"
    "PBC|BHD|SDN|C O|AND"
)
_SPACED_FORMS = "S P A|S R L|S A S|S A R L|N V|B V|L P|S A|A S|L L C|LL C|L L P|P L C|K K"
_LATIN_TAIL_RE = re.compile(rf"(?:\s+(?:{_LATIN_FORMS}|{_SPACED_FORMS}))+$")
_LATIN_HEAD_RE = re.compile(r"^(?:THE|KABUSHIKI KAISHA|AO|OOO|ZAO|PAO|OAO|PT)\s+")


def _latin_key(s: str, keep: str = "") -> str:
    """Upper case; accents off Latin letters only (NFKD would take Hangul and kana apart too);
    ``S.A.`` → ``SA``, ``&`` → ``AND``, other punctuation (except ``keep``) → space, collapsed."""
    s = "".join(unicodedata.normalize("NFKD", c)[0] if "\u00c0" <= c <= "\u024f" else c for c in s).upper()
    s = s.replace("&", " AND ").replace("'", "").replace("’", "")
    s = re.sub(r"(?<![A-Z0-9])([A-Z])\.", r"\1", s)
    return " ".join(re.sub(rf"[^\w{keep}]+|_", " ", s).split())


def _strip_cn_forms(s: str) -> str:
    s = re.sub(r"^(?:大陆商|株式会社)", "", _CN_BRACKET_FORM_RE.sub("", s))
    m = re.search(r"\(([^()]*)\)$", s)  # a trailing bracket that is not a short place: aliases
    if m and m.start() > 1 and (len(m.group(1)) > 4 or re.search("[、A-Za-z]", m.group(1))):
        s = s[: m.start()]
    form, rest = next(((f, r) for f, r in _CN_FORMS_T if s.endswith(f)), ("", ""))
    if form and not s.endswith("分公司") and len(s) - len(form) >= 2:
        s = s[: -len(form)] + rest
    return re.sub(r"[()\s·•・\-－]", "", s).upper()


def normalize_applicant(name: str) -> str:
    """The normalised applicant name used for grouping (``applicants_std``).

    Chinese names: cleaned, legal-form suffix removed (集团 kept), bracketed place kept without its
    brackets, trailing alias bracket dropped, Latin letters upper-cased. Other names: upper case,
    accents, punctuation and legal forms (``Co., Ltd.``, ``Inc.``, ``LLC``, ``GmbH``, ``AG``, ``S.A.``,
    ``PLC``, ``KK``, ``Kabushiki Kaisha``, ``(PUBL)``, a leading ``The`` …) removed.

    Parameters
    ----------
    name : str

    Returns
    -------
    str
        Empty only when the name is empty after cleaning.

    Examples
    --------
    >>> normalize_applicant("BEIJING DIDI INFINITY TECHNOLOGY AND DEVELOPMENT CO., LTD.")
    'BEIJING DIDI INFINITY TECHNOLOGY AND DEVELOPMENT'
    >>> normalize_applicant("Beijing DiDi Infinity Technology and Development Co., Ltd.")
    'BEIJING DIDI INFINITY TECHNOLOGY AND DEVELOPMENT'
    >>> normalize_applicant("TELEFONAKTIEBOLAGET LM ERICSSON (PUBL)")
    'TELEFONAKTIEBOLAGET LM ERICSSON'
    >>> normalize_applicant("斑马智行网络(香港)有限公司"), normalize_applicant("京东方科技集团股份有限公司")
    ('斑马智行网络香港', '京东方科技集团')
    """
    s = clean_name(name)
    if not s or _HAN_RE.search(s):
        return _strip_cn_forms(s) if s else ""
    s, prev = _latin_key(s), None
    while prev != s:
        prev = s
        s = _LATIN_HEAD_RE.sub("", s) or s
        s = _LATIN_TAIL_RE.sub("", s) or s
    return s


# -- typing -----------------------------------------------------------------------------------------------
# Chinese keywords by type; the keyword that ends last in the name decides (the longest on a tie).
_CN_KEYWORD_TEXT = """
enterprise: 公司 企业 厂 集团 株式会社 会社 商行 商店 经营部 门市部 工作室 事务所 合作社 有限合伙
enterprise: 普通合伙 银行 供电局 农场 煤矿 矿业 电厂 科技 软件 技术 电子 网络 实业 控股 股份
enterprise: 制药 药业 电器 电气 通讯 通信 咨询服务中心
university: 大学 学院 学校 中学 小学 幼儿园 研究生院 党校 技校 教育中心 大学校
institute: 研究院 研究所 研究中心 研发中心 研究发展中心 科学院 实验室 设计院 研究室 工程中心
institute: 技术中心 创新中心 试验站 实验站 观测站 试验场 科学研究院 工程院 研究组织 科学中心 设计中心
institute: 仿真中心 科研 创新院 计算中心 检验所 检测所 检验中心 检测中心 测试中心 遥感院 测绘院
institute: 监测院 研究基地
government: 政府 人民政府 委员会 管委会 局 厅 部队 解放军 武警 海关 法院 检察院 公安 办公室 站
government: 气象台 服务中心 管理中心 登记中心 推广中心 发展中心 工作队 工程处 管理处 支队 大队
government: 消防 救援 国防部 公安部 教育部 工业和信息化部 农业农村部 农业部 水利部 交通运输部
government: 科学技术部 商务部 财政部 自然资源部 生态环境部 民政部 司法部 应急管理部 卫生部
government: 住房和城乡建设部 国家安全部
other: 医院 卫生院 保健院 诊所 协会 学会 基金会 联合会 商会 研究会 促进会 联盟 博物馆 图书馆
other: 科技馆 红十字会 俱乐部 疾病预防控制中心 卫生中心 电视台 广播电视总台 林场 财团 系统
"""
_CN_KEYWORDS: dict[str, str] = {}
for _line in _CN_KEYWORD_TEXT.strip().splitlines():
    _type, _words = _line.split(":")
    _CN_KEYWORDS.update(dict.fromkeys(_words.split(), _type))

# Other scripts, first rule that matches wins (consecutive lines of one type form one rule). Hangul and
# kana are matched anywhere; Latin and Cyrillic names, upper-cased, as whole words.
_OTHER_RULES_TEXT = r"""
government: ユナイテッド.?ステイツ|국방
university: 대학교|산학협력단|과학기술원
institute: 연구원|연구소
enterprise: 주식회사|유한회사|\(주\)|㈜|インコーポレ|エルエルシー|カンパニ|リミテッド|コーポレーション
enterprise: ゲゼルシャフト|ソシエテ|컴퍼니|리미티드
other: ホスピタル
government: UNITED STATES OF AMERICA|AS REPRESENTED BY|SECRETARY OF|MINISTRY|MINISTER OF|GOVERNMENT
government: DEPARTMENT OF|REPUBLIC OF|STATE OF|COMMONWEALTH OF|CITY OF|COUNTY OF|METROPOLITAN CITY
government: NATIONAL AERONAUTICS AND SPACE
university: UNIV|UNIVERSIT\w*|UNIVERSIDAD\w*|УНИВЕРСИТЕТ\w*|COLLEGE|INSTITUTE OF TECHNOLOGY|POLYTECHNIC
university: ADVANCED INSTITUTE OF SCIENCE|POLITECNICO|HOCHSCHULE|SCHOOL|ECOLE|REGENTS|ACADEMIC
institute: FRAUNHOFER|MAX PLANCK
enterprise: CO|COMPANY|CORP|CORPORATION|INC|INCORPORATED|LLC|LLP|LP|LTD|LTDA|LIMITED|PLC|GMBH|MBH|AG|KGAA
enterprise: KG|SA|SAS|SPA|SRL|SARL|BV|NV|AB|ASA|OY|OYJ|KK|KABUSHIKI KAISHA|YUGEN KAISHA|PUBL|PTE|PTY|SE
enterprise: ULC|PBC|BHD|SDN|C O|ZAO|OOO|PAO|AKTIEBOLAGET|AKTIENGESELLSCHAFT|GESELLSCHAFT|OBSHCHESTVO
enterprise: OBSHSHESTVO|PREDPRI\w*|KOMBINAT|ZAVOD|ОБЩЕСТВО|ПРЕДПРИЯТИЕ|ЛТД|ИНК
enterprise: (?<=\s)(?:S P A|S R L|S A S|S A R L|N V|B V|L P|S A|A S|L L C|LL C|L L P|P L C|K K|AS)$
institute: INSTITUTE|INSTITUT|INSTITUTO|ISTITUTO|ИНСТИТУТ\w*|LABORATORY|LABORATORIES|ACADEMY|CNRS
institute: COMMISSARIAT|RECHERCHE|FORSCHUNG|RESEARCH CENT(?:ER|RE)|RESEARCH COUNCIL|NAUCHN\w*|ISSLEDOVATEL\w*
government: AGENCY|ADMINISTRATION|AUTHORITY|ARMY|NAVY|AIR FORCE|MINISTERSTV\w*|FEDERATSI\w*|VOJSKOVAYA CHAST
other: HOSPITAL|CLINIC|FOUNDATION|ASSOCIATION|SOCIETY|MEDICAL CENT(?:ER|RE)|TRUST|CHARITY|COUNCIL|FOND
enterprise: TECHNOLOGIES|TECHNOLOGY|TECH|SYSTEMS|SOLUTIONS|SOFTWARE|ROBOTICS|AUTOMATION|LABS?|NETWORKS?
enterprise: ELECTRONICS|ELECTRIC|MOTORS?|AUTOMOTIVE|AEROSPACE|AVIATION|INNOVATIONS?|DYNAMICS|INDUSTRIES
enterprise: INDUSTRIAL|INTERNATIONAL|GLOBAL|HOLDINGS?|GROUP|PARTNERS|VENTURES|CAPITAL|BANK|PHARMA\w*
enterprise: THERAPEUTICS|BIOSCIENCES?|ENERGY|POWER|COMMUNICATIONS|TELECOM\w*|DIGITAL|SERVICES|PRODUCTS
enterprise: MANUFACTURING|ENGINEERING|CONSULTING|MEDIA|ENTERTAINMENT|AI|INTELLECTUAL PROPERTY|LICENSING
enterprise: DEVELOPMENT|ENTERPRISES?
"""
_rules: list[list[str]] = []  # [type, pattern]
for _line in _OTHER_RULES_TEXT.strip().splitlines():
    _type, _pattern = _line.split(": ", 1)
    if _rules and _rules[-1][0] == _type and "(?<" not in _pattern + _rules[-1][1]:
        _rules[-1][1] += "|" + _pattern
    else:
        _rules.append([_type, _pattern])
_OTHER_RES = [  # the first four rules are Hangul and kana: no word boundaries
    (t, re.compile(f"(?:{p})" if i < 4 or p.startswith("(?<") else f"(?<!\\w)(?:{p})(?!\\w)"))
    for i, (t, p) in enumerate(_rules)
]
_TITLE_RE = re.compile(r"^\(?(?:DR|MR|MRS|MS|MISS|PROF|PROFESSOR|SIR)\b\.?\)?\s", re.IGNORECASE)
_SURNAMES = set(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖萧田董袁潘于蒋蔡余杜叶程苏魏吕丁任"
    "沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫阎段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫"
    "孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌"
    "毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦"
    "褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘"
    "池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆"
    "朴盖练廉禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭"
    "况那宿鲜印逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干但尉冶斯元束檀衣信展阴昝智幸奉植衡富尧闭由"
    "洪赖郄代郏凡訾慎弓占丘濮戢习逄操肜菅候沐綦潜底渠荀侍从巨琚暴籍禄贠拜汲宰霰畅扶贡延芶职啜閔"
)
_SURNAMES2 = set(
    "欧阳 司马 上官 诸葛 东方 皇甫 尉迟 公孙 慕容 令狐 长孙 宇文 司徒 夏侯 轩辕 端木 独孤 南宫 西门 呼延 "
    "万俟 申屠 澹台".split()
)
_HAN_ONLY_RE = re.compile(f"^[{_HAN}]+$")
_TRANSLIT_PART_RE = re.compile(f"^(?:[{_HAN}\u30a0-\u30ff]+|[A-Za-z])$")


def _is_han_person(s: str) -> bool:
    """张三, 欧阳娜娜, 迈克尔·J·舒斯特, パトリック·ピリム, 김상철."""
    if re.fullmatch(r"[\uac00-\ud7af]{2,4}", s):
        return True
    parts = [p for p in re.split(r"[·•.・\s\-]+", s) if p]
    if len(parts) > 1:
        return all(_TRANSLIT_PART_RE.match(p) for p in parts) and len(s) <= 20
    return bool(_HAN_ONLY_RE.match(s)) and 2 <= len(s) <= 4 and (s[0] in _SURNAMES or s[:2] in _SURNAMES2)


def _cn_type(core: str) -> str | None:
    best: tuple[int, int, str] | None = None
    for kw, typ in _CN_KEYWORDS.items():
        i = core.rfind(kw)
        if i >= 0 and (best is None or (i + len(kw), len(kw)) > best[:2]):
            best = (i + len(kw), len(kw), typ)
    if best is None:
        return None
    if best[2] == "government" and "公司" in core[: best[0] - best[1]]:
        return "enterprise"  # a bureau or committee of a company (…有限责任公司…局) is part of an enterprise
    return best[2]


def _latin_type(s: str) -> str | None:
    key = _latin_key(s, keep="()")
    return next((typ for typ, rx in _OTHER_RES if rx.search(key)), None)


def applicant_type(name: str) -> str:
    """Classify one applicant as enterprise, university, institute, individual, government or other.

    Chinese names are head-final: the organisational keyword that ends **last** decides, the longer one
    on a tie (科学院 beats 学院); brackets (places, aliases) are ignored. So 中国科学院大气物理研究所 →
    institute, 中国科学院大学 → university, 中国船舶集团有限公司第七一一研究所 → institute,
    国网江苏省电力有限公司南京供电分公司 → enterprise, 中国人民解放军91550部队 → government,
    中国人民解放军总医院 → other. Government: 部队, 解放军, 武警, ministries, bureaus, committees, public
    service centres, except units of a company (``…有限责任公司…局``, 供电局: enterprise). Other:
    hospitals, associations, foundations, broadcasters. With no keyword, 2-4 Han characters starting
    with a common surname, a transliteration joined by ``·`` or a short Hangul name is an individual.

    Other scripts, first rule that matches: government (``United States of America as represented
    by``, ``Ministry``, ``Department of`` …) > university (``University``, ``College``, ``Institute of
    Technology``, ``Regents`` …) > company legal form (``Inc``, ``LLC``, ``GmbH``, ``AG``, ``Co``,
    ``Ltd``, ``N V`` …) > institute (``Institute``, ``Laboratory``, ``Fraunhofer``, ``Academy`` …) >
    agencies and armed forces (government) > hospitals, foundations, associations (other) > business
    words (``Technologies``, ``Systems``, ``AI`` …: enterprise) > a person (``Last; First``, a title
    such as ``Dr``, or 2-5 plain words) > other. Split co-applicant lists first (:func:`split_names`).

    Parameters
    ----------
    name : str
        One applicant.

    Returns
    -------
    str
        One of ``seip.records.schema.APPLICANT_TYPES``.

    Examples
    --------
    >>> applicant_type("中国科学院大气物理研究所"), applicant_type("北京大学"), applicant_type("张三")
    ('institute', 'university', 'individual')
    >>> applicant_type("The United States of America as represented by the Secretary of the Navy")
    'government'
    >>> applicant_type("Poscher; Jens"), applicant_type("Waymo LLC")
    ('individual', 'enterprise')
    """
    s = clean_name(name)
    if not s:
        return "other"
    if _HAN_RE.search(s):
        unbracketed = _CN_BRACKET_FORM_RE.sub(lambda m: m.group(0)[1:-1], s.replace("(株)", "株式会社"))
        core = re.sub(r"\([^()]*\)", "", unbracketed) or s
        return _cn_type(core) or ("individual" if _is_han_person(core.strip()) else "other")
    typ = _latin_type(s)
    if typ is not None:
        return typ
    words = [w for w in s.replace(";", " ").replace(",", " ").split() if w.lower() not in _PARTICLES]
    if (
        _is_han_person(s)
        or (";" in s and _is_last_first(s))
        or _TITLE_RE.match(s)
        or (2 <= len(words) <= 5 and all(_WORD_RE.fullmatch(w) for w in words))
    ):
        return "individual"
    return "other"


# -- country ----------------------------------------------------------------------------------------------
FOREIGN_COUNTRIES: dict[str, str] = dict(
    p.split("=")
    for p in "美国=US 日本=JP 韩国=KR 德国=DE 法国=FR 英国=GB 瑞士=CH 瑞典=SE 荷兰=NL 意大利=IT 加拿大=CA "
    "澳大利亚=AU 新加坡=SG 以色列=IL 印度=IN 芬兰=FI 丹麦=DK 挪威=NO 比利时=BE 奥地利=AT 西班牙=ES "
    "俄罗斯=RU 巴西=BR 卢森堡=LU 爱尔兰=IE 新西兰=NZ 马来西亚=MY 泰国=TH".split()
)
"""Chinese names of foreign countries → WIPO ST.3 code (read at the start of names and addresses)."""
_TW_NOTATION = dict(p.split("=") for p in "美商=US 日商=JP 韩商=KR 德商=DE 英商=GB 法商=FR 瑞典商=SE".split())
_COUNTRY_ALT = "|".join(FOREIGN_COUNTRIES)
_FOREIGN_RE = re.compile(rf"^\(?({_COUNTRY_ALT})\)?|\(({_COUNTRY_ALT})\)")
_FOREIGN_MARKERS_RE = re.compile(r"会社|[·•]|[\u3040-\u30ff\uac00-\ud7af]|股份公司|有限责任合伙")
_BARE_COMPANY_RE = re.compile(r"(?<!有限)(?<!责任)(?<!集团)(?<!分)(?<!总)公司$")


def country_from_name(name: str) -> str | None:
    """Country of an applicant judged from its name alone (conservative: ``None`` when unsure).

    ``香港``/``澳门`` at the start or in brackets → ``HK``/``MO``; ``台湾``, ``中华民国`` or a leading
    ``财团法人`` → ``TW``; a foreign country's Chinese name at the start or in brackets (``美国``,
    ``日本`` …) or the Taiwanese notation ``美商``/``日商`` … → that country; a name starting with
    中国/国家/国网 → ``CN``. Foreign markers (会社, kana, Hangul, the ``·`` of transliterations,
    股份公司 without 有限, a bare ``…公司`` with no 省/市/县/区) → ``None``. Any other name written with
    Han characters → ``CN``. Latin-script names → ``None`` (pinyin is not read).

    Parameters
    ----------
    name : str

    Returns
    -------
    str or None
        WIPO ST.3 code.

    Examples
    --------
    >>> country_from_name("斑马智行网络(香港)有限公司"), country_from_name("西安中科创达软件有限公司")
    ('HK', 'CN')
    >>> country_from_name("三星电子株式会社") is None, country_from_name("日本电气株式会社")
    (True, 'JP')
    """
    s = clean_name(name or "")
    if not _HAN_RE.search(s):
        return None
    if s.startswith(("香港", "(香港)")) or "(香港)" in s:
        return "HK"
    if s.startswith(("澳门", "澳門", "(澳门)")) or "(澳门)" in s:
        return "MO"
    if re.search("台湾|臺灣|中华民国|中華民國|^财团法人|^社团法人", s):
        return "TW"
    if m := _FOREIGN_RE.search(s):
        return FOREIGN_COUNTRIES[m.group(1) or m.group(2)]
    for prefix, code in _TW_NOTATION.items():
        if s.startswith(prefix):
            return code
    if re.match("中国|中华人民共和国|国家|国网", s):
        return "CN"
    if _FOREIGN_MARKERS_RE.search(s) or (_BARE_COMPANY_RE.search(s) and not re.search("[省市县区]", s)):
        return None
    return "CN"
