"""Technical vocabulary of the synthetic corpus: one entry per technology field, Chinese with aligned English.

The fields live in ``data/vocabulary.txt`` (format described at its top); this module parses them once and
holds the generic sentence pieces. Written for seip, not taken from any source.
"""

from __future__ import annotations

from importlib import resources
from typing import NamedTuple

Pair = tuple[str, str]


class Field(NamedTuple):
    key: str
    name: str  # Chinese domain name, used in "本发明涉及{name}技术领域"
    style: str  # device | software | material
    ipc: tuple[str, ...]
    industry: tuple[Pair, ...]
    obj: tuple[Pair, ...]
    method: tuple[Pair, ...]
    term: tuple[Pair, ...]
    comp: tuple[Pair, ...]
    problem: tuple[Pair, ...]
    effect: tuple[Pair, ...]
    data: tuple[Pair, ...]


def _pairs(text: str) -> tuple[Pair, ...]:
    out = []
    for item in text.split("|"):
        zh, _, en = item.strip().partition("=")
        out.append((zh.strip(), en.strip()))
    return tuple(out)


_DATA = (
    "运行数据=operating data|状态参数=state parameters|检测信号=detection signals|历史数据=historical data"
)
_ATTRIBUTES = ("industry", "obj", "method", "term", "comp", "problem", "effect", "data")


def parse(text: str) -> tuple[Field, ...]:
    r"""Fields of a vocabulary text.

    >>> parse("[x] 示例 / device / G01\nobj: 传感器=sensor |\n    探头=probe\nterm: 光纤=fiber").__getitem__(0).obj
    (('传感器', 'sensor'), ('探头', 'probe'))
    """
    sections: list[tuple[str, dict[str, str]]] = []
    current = ""
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        if line.startswith("["):
            sections.append((line, {}))
        elif line[0].isspace():
            sections[-1][1][current] += " " + line.strip()
        else:
            current, _, value = line.partition(":")
            if current not in _ATTRIBUTES:
                raise ValueError(f"unknown vocabulary attribute {current!r} in {sections[-1][0]}")
            sections[-1][1][current] = value.strip()
    fields = []
    for header, attrs in sections:
        key, _, rest = header[1:].partition("]")
        name, style, ipc = (part.strip() for part in rest.split(" / ", 2))
        attrs.setdefault("data", _DATA)
        values = [_pairs(attrs.get(a, "")) for a in _ATTRIBUTES]
        fields.append(Field(key, name, style, tuple(ipc.split()), *values))
    return tuple(fields)


FIELDS: tuple[Field, ...] = parse(
    resources.files("seip.synthetic").joinpath("data").joinpath("vocabulary.txt").read_text(encoding="utf-8")
)
FIELD_INDEX: dict[str, int] = {f.key: i for i, f in enumerate(FIELDS)}

#: Adjectives of utility-model-like product titles ("一种便携式…").
ADJ = _pairs(
    "便携式=portable|可调节的=adjustable|多功能=multifunctional|智能=intelligent|新型=novel|高效=efficient|"
    "防水=waterproof|自动=automatic|可折叠的=foldable|模块化=modular"
)
#: Title adjectives of material fields ("一种高强度铝合金").
MAT_ADJ: dict[str, tuple[Pair, ...]] = {
    k: _pairs(s)
    for k, s in (
        ("food", "低糖=low-sugar|富硒=selenium-enriched|即食=instant"),
        ("pharma", "复方=compound|口服=oral|长效=long-acting"),
        (
            "inorganic",
            "高强度=high-strength|耐高温=high-temperature-resistant|高导热=high-thermal-conductivity",
        ),
        ("polymer", "可降解=degradable|阻燃=flame-retardant|高韧性=high-toughness"),
        ("biotech", "高产=high-yield|耐热=thermostable|快速=rapid"),
        ("metal", "高强度=high-strength|耐腐蚀=corrosion-resistant|高导电=high-conductivity"),
        ("energychem", "高效=high-efficiency|低硫=low-sulfur|环保型=environment-friendly"),
        ("textile", "抗菌=antibacterial|阻燃=flame-retardant|吸湿排汗=moisture-wicking"),
        ("batmat", "高镍=high-nickel|长循环=long-cycle|高压实=high-compaction-density"),
    )
}
#: "一种{obj}及其{suffix}" for device products.
DEVICE_SUFFIX = _pairs(
    "控制方法=control method|使用方法=use method|制造方法=manufacturing method|安装方法=installation method"
)
POS = _pairs("一侧=one side|顶部=top|底部=bottom|内部=interior|外侧=outer side|中部=middle")
CONN = _pairs(
    "连接=connected|电连接=electrically connected|固定连接=fixedly connected|可拆卸连接=detachably "
    "connected|转动连接=rotatably connected|通信连接=communicatively connected"
)
RESULT = _pairs(
    "处理结果=processing result|目标参数=target parameter|预测结果=prediction result|"
    "识别结果=recognition result|评估结果=evaluation result"
)
PROC = _pairs("反应=reacting|搅拌=stirring|保温=holding|煅烧=calcining")
POST = _pairs(
    "洗涤、干燥=washing and drying|过滤、烘干=filtering and drying|研磨、过筛=grinding and sieving|"
    "冷却、造粒=cooling and granulating"
)
GENERIC_EFFECT = _pairs(
    "工作效率=working efficiency|可靠性=reliability|使用寿命=service life|稳定性=stability"
)

#: Design products (外观设计): name, use, field key. Designs carry no IPC; the field only picks the firm.
DESIGN_PRODUCTS: tuple[tuple[str, str, str], ...] = tuple(
    tuple(item.split("/"))  # type: ignore[misc]
    for item in (
        "智能手机/通讯/telecom 手机壳/保护手机/daily 智能手表/佩戴及显示时间和健康数据/computing "
        "蓝牙耳机/播放音频/digital 电动汽车/交通运输/nev 充电桩/为电动汽车充电/nev 无人机/航拍/aero "
        "扫地机器人/清洁地面/daily 空气净化器/净化室内空气/env LED灯具/照明/thermal 台灯/照明/thermal "
        "电热水壶/烧水/daily 茶具/饮茶/daily 包装盒/包装物品/logistics 包装瓶/盛装液体/logistics 椅子/就座/daily "
        "沙发/就座/daily 床头柜/放置物品/daily 运动鞋/穿着/daily 背包/收纳携带物品/daily 玩具车/儿童娱乐/daily "
        "面料/制作服装/textile 地毯/铺设地面/textile 水龙头/供水/construction 门把手/开关门/construction "
        "瓷砖/铺设墙面和地面/inorganic 路由器/网络信号传输/telecom 服务器机柜/容纳服务器/computing "
        "显示器/显示图像/digital 带图形用户界面的手机/显示和交互/computing 服务机器人/提供服务/ai "
        "医用监护仪/监测患者生命体征/meddev 血糖仪/测量血糖/meddev 户外储能电源/户外供电/battery "
        "电池包/储存电能/battery 太阳能路灯/道路照明/newenergy 数控机床/加工零件/machining 电钻/钻孔/machining "
        "汽车轮毂/安装轮胎/vehicle 电动自行车/代步/vehicle 食品包装袋/包装食品/food 空调/调节室内温度/thermal "
        "冰箱/冷藏食品/thermal 洗衣机/洗涤衣物/daily 投影仪/投影显示/optics 智能门锁/开启和锁闭门/control"
    ).split()
)
DESIGN_VARIANTS = ("（1）", "（2）", "（A款）", "（便携式）", "（迷你型）", "（智能款）", "（带底座）")
DESIGN_POINTS = ("形状", "形状与图案的结合", "图案", "形状与色彩的结合")
DESIGN_VIEWS = ("立体图", "主视图", "设计1立体图")

#: Abstract openers; {d} is the field's domain name.
OPEN_INVENTION = (
    "本发明公开了",
    "本发明公开了",
    "本发明提供了",
    "本发明涉及{d}技术领域，具体涉及",
    "本申请公开了",
)
OPEN_UTILITY = ("本实用新型公开了", "本实用新型提供了", "本实用新型涉及{d}技术领域，具体涉及")
