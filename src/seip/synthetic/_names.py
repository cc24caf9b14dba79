"""Name parts for synthetic applicants, inventors and addresses (written for seip).

Enterprise names are invented from two brand syllables (``华`` + ``科`` → 华科 / Huake); any clash with a
real firm is accidental. Universities and Chinese Academy of Sciences institutes are real public
institutions, used only as plausible applicant names of synthetic records that are marked
``source_format = "synthetic"``.
"""

from __future__ import annotations


def _split(text: str) -> tuple[str, ...]:
    return tuple(text.split())


#: The ~100 commonest Chinese surnames with their approximate share (%) and pinyin.
SURNAMES: tuple[tuple[str, float, str], ...] = tuple(
    (s.split(":")[0], float(s.split(":")[1]), s.split(":")[2])
    for s in _split(
        "王:7.1:Wang 李:7.0:Li 张:6.8:Zhang 刘:5.4:Liu 陈:4.5:Chen 杨:3.1:Yang 黄:2.2:Huang 赵:2.1:Zhao "
        "吴:2.0:Wu 周:1.9:Zhou 徐:1.6:Xu 孙:1.5:Sun 马:1.3:Ma 朱:1.3:Zhu 胡:1.2:Hu 郭:1.2:Guo 何:1.1:He "
        "林:1.0:Lin 高:1.0:Gao 罗:0.9:Luo 郑:0.9:Zheng 梁:0.8:Liang 谢:0.7:Xie 宋:0.7:Song 唐:0.7:Tang "
        "许:0.6:Xu 韩:0.6:Han 冯:0.6:Feng 邓:0.6:Deng 曹:0.6:Cao 彭:0.5:Peng 曾:0.5:Zeng 肖:0.5:Xiao "
        "田:0.5:Tian 董:0.5:Dong 袁:0.4:Yuan 潘:0.4:Pan 于:0.4:Yu 蒋:0.4:Jiang 蔡:0.4:Cai 余:0.4:Yu 杜:0.4:Du "
        "叶:0.4:Ye 程:0.4:Cheng 苏:0.3:Su 魏:0.3:Wei 吕:0.3:Lyu 丁:0.3:Ding 任:0.3:Ren 沈:0.3:Shen 姚:0.3:Yao "
        "卢:0.3:Lu 姜:0.3:Jiang 崔:0.3:Cui 钟:0.3:Zhong 谭:0.3:Tan 陆:0.2:Lu 汪:0.2:Wang 范:0.2:Fan "
        "金:0.2:Jin 石:0.2:Shi 廖:0.2:Liao 贾:0.2:Jia 夏:0.2:Xia 韦:0.2:Wei 付:0.2:Fu 方:0.2:Fang 白:0.2:Bai "
        "邹:0.2:Zou 孟:0.2:Meng 熊:0.2:Xiong 秦:0.2:Qin 邱:0.2:Qiu 江:0.2:Jiang 尹:0.2:Yin 薛:0.2:Xue "
        "闫:0.2:Yan 段:0.2:Duan 雷:0.2:Lei 侯:0.2:Hou 龙:0.2:Long 史:0.2:Shi 陶:0.1:Tao 黎:0.1:Li 贺:0.1:He "
        "顾:0.1:Gu 毛:0.1:Mao 郝:0.1:Hao 龚:0.1:Gong 邵:0.1:Shao 万:0.1:Wan 钱:0.1:Qian 严:0.1:Yan "
        "覃:0.1:Qin 武:0.1:Wu 戴:0.1:Dai 莫:0.1:Mo 孔:0.1:Kong 向:0.1:Xiang 汤:0.1:Tang 欧阳:0.05:Ouyang"
    )
)

#: Characters of given names with pinyin.
GIVEN: tuple[tuple[str, str], ...] = tuple(
    tuple(s.split(":"))  # type: ignore[misc]
    for s in _split(
        "伟:wei 芳:fang 娜:na 敏:min 静:jing 丽:li 强:qiang 磊:lei 军:jun 洋:yang 勇:yong 艳:yan 杰:jie "
        "娟:juan 涛:tao 明:ming 超:chao 秀:xiu 霞:xia 平:ping 刚:gang 英:ying 华:hua 玉:yu 萍:ping 红:hong "
        "鹏:peng 飞:fei 建:jian 国:guo 志:zhi 新:xin 海:hai 波:bo 宇:yu 浩:hao 凯:kai 健:jian 俊:jun 帆:fan "
        "旭:xu 宁:ning 林:lin 斌:bin 辉:hui 亮:liang 欣:xin 琳:lin 晨:chen 阳:yang 慧:hui 婷:ting 雪:xue "
        "倩:qian 颖:ying 佳:jia 睿:rui 博:bo 文:wen 思:si 雨:yu 嘉:jia 子:zi 轩:xuan 梓:zi 涵:han 一:yi "
        "诗:shi 晓:xiao 丹:dan 峰:feng 鑫:xin 彬:bin 毅:yi 春:chun 云:yun 立:li 成:cheng 东:dong 振:zhen "
        "永:yong 德:de 松:song 荣:rong 泽:ze 天:tian 瑞:rui 铭:ming 婉:wan"
    )
)

#: Brand syllables of invented firm names (pairs of two distinct ones).
BRAND: tuple[tuple[str, str], ...] = tuple(
    tuple(s.split(":"))  # type: ignore[misc]
    for s in _split(
        "华:hua 中:zhong 天:tian 科:ke 博:bo 睿:rui 智:zhi 恒:heng 宏:hong 鼎:ding 盛:sheng 瑞:rui 达:da "
        "信:xin 通:tong 联:lian 创:chuang 新:xin 远:yuan 航:hang 泰:tai 安:an 康:kang 德:de 力:li 源:yuan "
        "海:hai 金:jin 星:xing 光:guang 明:ming 驰:chi 凯:kai 正:zheng 诚:cheng 精:jing 卓:zhuo 越:yue 森:sen "
        "腾:teng 飞:fei 宇:yu 迈:mai 普:pu 英:ying 奥:ao 锐:rui 捷:jie 峰:feng 晟:sheng"
    )
)

#: Legal suffixes of Chinese enterprises with weights (stripped in ``applicants_std``).
CN_SUFFIXES: tuple[tuple[str, str, float], ...] = (
    ("有限公司", " Co., Ltd.", 0.70),
    ("股份有限公司", " Co., Ltd.", 0.15),
    ("有限责任公司", " Co., Ltd.", 0.08),
    ("集团有限公司", " Group Co., Ltd.", 0.07),
)

#: (Chinese name, English name, city) of universities that file many patents, one or more per province.
UNIVERSITIES: tuple[tuple[str, str, str], ...] = tuple(
    tuple(s.split("/"))  # type: ignore[misc]
    for s in (
        "浙江大学/Zhejiang University/杭州市|清华大学/Tsinghua University/北京市|华南理工大学/South China University "
        "of Technology/广州市|东南大学/Southeast University/南京市|江南大学/Jiangnan University/无锡市|"
        "哈尔滨工业大学/Harbin Institute of Technology/哈尔滨市|上海交通大学/Shanghai Jiao Tong University/上海市|"
        "天津大学/Tianjin University/天津市|北京航空航天大学/Beihang University/北京市|西安交通大学/Xi'an Jiaotong "
        "University/西安市|华中科技大学/Huazhong University of Science and Technology/武汉市|电子科技大学/"
        "University of Electronic Science and Technology of China/成都市|中南大学/Central South University/长沙市|"
        "北京工业大学/Beijing University of Technology/北京市|浙江工业大学/Zhejiang University of Technology/杭州市|"
        "吉林大学/Jilin University/长春市|四川大学/Sichuan University/成都市|山东大学/Shandong University/济南市|"
        "大连理工大学/Dalian University of Technology/大连市|同济大学/Tongji University/上海市|北京理工大学/Beijing "
        "Institute of Technology/北京市|东北大学/Northeastern University/沈阳市|重庆大学/Chongqing University/重庆市|"
        "武汉大学/Wuhan University/武汉市|中国矿业大学/China University of Mining and Technology/徐州市|"
        "西北工业大学/Northwestern Polytechnical University/西安市|南京航空航天大学/Nanjing University of "
        "Aeronautics and Astronautics/南京市|西安电子科技大学/Xidian University/西安市|河海大学/Hohai University/"
        "南京市|北京科技大学/University of Science and Technology Beijing/北京市|南京理工大学/Nanjing University of "
        "Science and Technology/南京市|合肥工业大学/Hefei University of Technology/合肥市|中国石油大学（华东）/China "
        "University of Petroleum (East China)/青岛市|广东工业大学/Guangdong University of Technology/广州市|"
        "苏州大学/Soochow University/苏州市|江苏大学/Jiangsu University/镇江市|复旦大学/Fudan University/上海市|"
        "南京大学/Nanjing University/南京市|北京大学/Peking University/北京市|中山大学/Sun Yat-sen University/广州市|"
        "厦门大学/Xiamen University/厦门市|湖南大学/Hunan University/长沙市|昆明理工大学/Kunming University of "
        "Science and Technology/昆明市|福州大学/Fuzhou University/福州市|郑州大学/Zhengzhou University/郑州市|"
        "太原理工大学/Taiyuan University of Technology/太原市|西南交通大学/Southwest Jiaotong University/成都市|"
        "南京邮电大学/Nanjing University of Posts and Telecommunications/南京市|北京邮电大学/Beijing University of "
        "Posts and Telecommunications/北京市|燕山大学/Yanshan University/秦皇岛市|兰州大学/Lanzhou University/"
        "兰州市|广西大学/Guangxi University/南宁市|贵州大学/Guizhou University/贵阳市|南昌大学/Nanchang University/"
        "南昌市|新疆大学/Xinjiang University/乌鲁木齐市|内蒙古工业大学/Inner Mongolia University of Technology/"
        "呼和浩特市|宁夏大学/Ningxia University/银川市|青海大学/Qinghai University/西宁市|西藏大学/Tibet University/"
        "拉萨市|海南大学/Hainan University/海口市|河北工业大学/Hebei University of Technology/天津市|东北林业大学/"
        "Northeast Forestry University/哈尔滨市|中国农业大学/China Agricultural University/北京市|西北农林科技大学/"
        "Northwest A&F University/咸阳市|华南农业大学/South China Agricultural University/广州市|南京工业大学/"
        "Nanjing Tech University/南京市|中国科学技术大学/University of Science and Technology of China/合肥市|"
        "长安大学/Chang'an University/西安市|深圳大学/Shenzhen University/深圳市|宁波大学/Ningbo University/宁波市|"
        "青岛科技大学/Qingdao University of Science and Technology/青岛市|安徽大学/Anhui University/合肥市|"
        "山西大学/Shanxi University/太原市|云南大学/Yunnan University/昆明市|河北大学/Hebei University/保定市"
    ).split("|")
)

_CAS = ", Chinese Academy of Sciences"
#: (Chinese name, English name, city) of Chinese Academy of Sciences institutes.
INSTITUTES: tuple[tuple[str, str, str], ...] = tuple(
    ("中国科学院" + zh, en + _CAS, city)
    for zh, en, city in (
        s.split("/")
        for s in (
            "长春光学精密机械与物理研究所/Changchun Institute of Optics, Fine Mechanics and Physics/长春市|"
            "大连化学物理研究所/Dalian Institute of Chemical Physics/大连市|宁波材料技术与工程研究所/Ningbo Institute "
            "of Materials Technology and Engineering/宁波市|深圳先进技术研究院/Shenzhen Institute of Advanced "
            "Technology/深圳市|化学研究所/Institute of Chemistry/北京市|微电子研究所/Institute of Microelectronics/"
            "北京市|自动化研究所/Institute of Automation/北京市|计算技术研究所/Institute of Computing Technology/"
            "北京市|上海微系统与信息技术研究所/Shanghai Institute of Microsystem and Information Technology/上海市|"
            "金属研究所/Institute of Metal Research/沈阳市|过程工程研究所/Institute of Process Engineering/北京市|"
            "合肥物质科学研究院/Hefei Institutes of Physical Science/合肥市|西安光学精密机械研究所/Xi'an Institute of "
            "Optics and Precision Mechanics/西安市|长春应用化学研究所/Changchun Institute of Applied Chemistry/长春市|"
            "上海硅酸盐研究所/Shanghai Institute of Ceramics/上海市|兰州化学物理研究所/Lanzhou Institute of Chemical "
            "Physics/兰州市|沈阳自动化研究所/Shenyang Institute of Automation/沈阳市|广州能源研究所/Guangzhou "
            "Institute of Energy Conversion/广州市|青岛生物能源与过程研究所/Qingdao Institute of Bioenergy and "
            "Bioprocess Technology/青岛市|福建物质结构研究所/Fujian Institute of Research on the Structure of Matter/"
            "福州市|半导体研究所/Institute of Semiconductors/北京市|物理研究所/Institute of Physics/北京市|"
            "上海药物研究所/Shanghai Institute of Materia Medica/上海市|山西煤炭化学研究所/Institute of Coal "
            "Chemistry/太原市|光电技术研究所/Institute of Optics and Electronics/成都市|新疆理化技术研究所/Xinjiang "
            "Technical Institute of Physics and Chemistry/乌鲁木齐市|苏州纳米技术与纳米仿生研究所/Suzhou Institute "
            "of Nano-Tech and Nano-Bionics/苏州市"
        ).split("|")
    )
)

#: Generated institutes: "{province}{word}" e.g. 江苏省农业科学院.
INSTITUTE_WORDS = _split(
    "农业科学院 机械科学研究院 计量测试技术研究院 环境科学研究院 电力科学研究院 化工研究院 "
    "建筑科学研究院 材料研究院 产业技术研究院 生物技术研究所 信息技术研究院 医学科学院"
)
#: Generated colleges: "{city short}{word}" e.g. 淮阴工学院.
COLLEGE_WORDS = _split("学院 职业技术学院 理工学院 工学院 科技学院 师范学院 医学院 大学")
GOVERNMENT_WORDS = _split(
    "气象局 水文水资源勘测局 疾病预防控制中心 环境监测中心站 农业技术推广中心 公安局 自然资源局 应急管理局"
)
OTHER_WORDS = _split("人民医院 第一人民医院 中心医院 中医院 妇幼保健院")
ROADS = _split(
    "科技路 创新大道 人民路 中山路 建设路 解放路 学府路 高新大道 工业大道 长江路 黄河路 和平路 "
    "迎宾大道 光明路 文化路 新华路 软件园路 科学大道 经济开发区大道 滨江路 发展大道 东风路 "
    "青年路 振兴路 南京路 北京路 延安路 世纪大道 金融街 工业园路"
)
#: Used when the census city has no urban district in the division table (e.g. 东莞市, 济源市).
FALLBACK_DISTRICTS = ("高新技术产业开发区", "经济技术开发区")

#: Foreign applicants: stems, legal suffixes and inventor names per applicant country.
FOREIGN_STEM_A = _split("Nor Vel Quan Astr Lum Tri Zen Cor Ark Sol Vert Nex Oct Pyr Hel Cal Ver Syn Omn Ax")
FOREIGN_STEM_B = _split("ex ion ics ara is on um igen ova yx eon tek ent ium ix")
JP_STEMS = _split(
    "Kaneda Morita Hoshino Sakurai Fujimoto Ishikawa Okada Hayashida Shimizu Tsukada Arakawa Nishio"
)
KR_STEMS = _split("Hanwool Daesung Seojin Mirae Hanbit Jinwoo Sejong Dongil Yujin Haesung Saeron Gaon")
DE_STEMS = _split(
    "Brenner Keller Vogel Schreiber Lindner Krause Bergmann Hartmann Winkler Lorenz Seidel Albrecht"
)
FOREIGN_SUFFIX: dict[str, tuple[str, ...]] = {
    "US": (" Inc.", " LLC", " Corporation"),
    "JP": (" Co., Ltd.", " Corporation", " K.K."),
    "KR": (" Co., Ltd.", " Corporation"),
    "DE": (" GmbH", " AG", " GmbH & Co. KG"),
    "FR": (" SAS", " SA"),
    "GB": (" Ltd", " PLC"),
    "NL": (" B.V.", " N.V."),
    "CH": (" AG", " SA"),
    "SE": (" AB",),
}
WESTERN_FIRST = _split(
    "James Michael David John Robert William Daniel Christopher Matthew Andrew Mary Jennifer "
    "Sarah Emily Laura Anna Thomas Mark Kevin Brian Steven Eric Jason Lisa Karen Rachel Peter Paul"
)
WESTERN_LAST = _split(
    "Smith Johnson Williams Brown Jones Miller Davis Wilson Anderson Taylor Moore Martin Jackson "
    "Thompson White Harris Clark Lewis Robinson Walker Young Allen King Wright Scott Green Baker Adams"
)
JP_FIRST = _split(
    "Hiroshi Takashi Kenji Yuki Satoshi Naoki Kazuya Akira Yusuke Daisuke Haruka Yoko Keiko Tomoko "
    "Shinji Makoto"
)
JP_LAST = _split(
    "Sato Suzuki Takahashi Tanaka Watanabe Ito Yamamoto Nakamura Kobayashi Kato Yoshida Yamada "
    "Sasaki Matsumoto Inoue Kimura"
)
KR_FIRST = _split(
    "Min-jun Seo-yeon Ji-hoon Hyun-woo Ji-woo Su-bin Dong-hyun Jae-won Young-ho Sung-min Eun-ji"
)
KR_LAST = _split("Kim Lee Park Choi Jung Kang Cho Yoon Jang Lim Han")
DE_FIRST = _split(
    "Thomas Michael Andreas Stefan Markus Christian Frank Jürgen Klaus Sabine Katrin Julia Tobias "
    "Florian Matthias"
)
DE_LAST = _split(
    "Müller Schmidt Schneider Fischer Weber Meyer Wagner Becker Schulz Hoffmann Koch Richter Klein "
    "Wolf Schröder"
)
