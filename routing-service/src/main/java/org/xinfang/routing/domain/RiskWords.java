package org.xinfang.routing.domain;

import java.util.Set;

/**
 * The words the risk detector reads petitions with. Words, not phrases: the segmenter decides where a word ends, so
 * "打" is a verb here only when the segmenter left it standing alone (打电话, 打扫, 打卡 are words of their own).
 */
final class RiskWords {

    /** Acts of violence that need no object to be one: 殴打, 打架, 推搡 … and the segmented ways of saying 打了起来. */
    static final String VIOLENT_ACTS = "殴打 打架 斗殴 群殴 围殴 互殴 打群架 群架 约架 大打出手 拳打脚踢 扭打 厮打 撕打 推搡 "
            + "打人 打伤 打残 暴打 毒打 痛打 围打 围攻 砸坏 砸烂 砸毁 砸碎 打砸 打砸抢 打砸抢烧 抢劫 抢走 抢夺 哄抢 纵火 放火 "
            + "烧毁 焚烧 肢体冲突 动粗 掌掴 耳光 一巴掌 几巴掌 扇耳光 打耳光 掀翻 掀桌子 踢打 踹门 泼粪 泼油漆 扭在一起 打起来 "
            + "打了起来 动起手来 动起手 打成一团 推倒 推倒在地 揪住 揪头发 扯头发 掐脖子 被打 挨打 被抢 持械 棍棒 动手 动了手 "
            + "冲击校门 冲进学校 闯进学校 强行闯入 撕打起来 推搡起来 拉扯起来 抓伤 踢伤 踹伤 打青 打肿";
    /** Single verbs that are violence only with what they act on, or with a result (打死, 砸坏, 打起来). */
    static final Set<String> BARE_VERBS = Set.of("打", "砸", "抢", "烧", "泼", "捅", "砍", "踢", "踹", "推", "揍", "掐",
            "扇", "拽", "扔", "摔", "撕");
    /** Results that make a bare verb an act without an object: 打死, 打起来, 砸烂. */
    static final Set<String> RESULTS = Set.of("起来", "架", "死", "伤", "断", "残", "成", "得", "坏", "烂", "碎", "毁",
            "翻", "倒", "哭", "肿", "青", "破", "出血", "流血", "骨折");
    /** Aspect particles between a verb and its result: 打过架, 打了起来. */
    static final Set<String> ASPECTS = Set.of("过", "了", "着");
    /** Results that are an injury: violence only when someone did it (打伤 always: hitting is done by someone). */
    static final Set<String> INJURIES = Set.of("伤", "破", "断", "倒", "出血", "流血", "骨折", "青", "肿");
    static final Set<String> HITTING = Set.of("打", "揍", "踢", "踹", "捅", "砍", "掐", "扇");
    /** Objects that turn a bare verb into something else: 打电话 cut in two, 打分, 打针 … */
    static final Set<String> NOT_OBJECTS = Set.of("电话", "招呼", "交道", "官司", "分", "卡", "针", "球", "篮球", "足球",
            "游戏", "麻将", "牌", "字", "饭", "汤", "水", "疫苗", "工", "车", "的", "伞", "折", "包票", "比方", "主意",
            "算盘", "折扣", "印", "扫", "雷");
    static final Set<String> PEOPLE = Set.of("人", "他", "她", "他们", "她们", "我", "我们", "你", "你们", "孩子", "儿子",
            "女儿", "学生", "同学", "老师", "校长", "主任", "家长", "保安", "门卫", "工作人员", "会计", "男孩", "女孩", "男生",
            "女生", "老人", "职工", "教师", "班主任", "对方", "别人", "人家", "同桌", "娃", "小孩", "人员", "妈妈", "爸爸",
            "母亲", "父亲", "老婆", "民警", "警察", "司机", "谁", "朋友", "全家", "一家", "领导", "宿管", "校医", "居民",
            "员工", "头", "脸", "手", "手心", "腿", "肚子", "脑袋", "鼻子", "眼睛", "耳朵", "背", "胳膊", "身上", "手臂",
            "嘴巴", "后脑勺", "胸口", "学弟", "学妹", "男孩子", "女孩子", "小朋友", "孩", "他家", "儿童", "丈夫", "妻子",
            "自己", "大家", "同事", "队员", "伙", "群人", "几个人", "一个人", "那人", "这人", "某人");
    static final Set<String> PROPERTY = Set.of("门", "大门", "校门", "电动门", "后门", "窗", "窗户", "玻璃", "车", "汽车",
            "车辆", "电动车", "自行车", "电脑", "桌子", "桌椅", "椅子", "东西", "办公室", "收费处", "食堂", "学校", "教室",
            "牌子", "招牌", "设备", "监控", "车棚", "窗口", "门卫室", "财务室", "校长室", "大楼", "教学楼", "宿舍", "黑板",
            "讲台", "花坛", "摄像头", "灯", "手机", "钱", "零花钱", "书包", "物品", "财物", "办公桌", "柜台", "校牌", "展板",
            "横幅", "房子", "店", "铺子", "玻璃门", "车窗", "屏幕", "校车", "饭菜", "电话机");
    /** Where standing or climbing is danger to the one who stands there. */
    static final Set<String> EDGES = Set.of("楼顶", "天台", "窗台", "塔吊", "边缘", "楼顶边", "栏杆", "护栏外", "楼顶上",
            "顶楼", "房顶", "屋顶", "阳台", "桥上", "河边");
    static final Set<String> CLIMBING = Set.of("爬", "爬上", "爬到", "站", "站在", "站上", "站到", "坐在", "翻过", "翻出",
            "爬上了", "跑到", "跑上", "上了");
    /** Things that are danger in someone's hands; words ending in 刀 count too, except these. */
    static final Set<String> DANGEROUS_THINGS = Set.of("农药", "汽油", "煤气罐", "液化气", "炸药", "硫酸", "敌敌畏",
            "刀具", "管制刀具", "匕首", "刀子", "刀", "汽油桶", "雷管", "凶器", "砖头", "石块", "钢管", "铁棍", "棍子", "木棍");
    static final Set<String> HARMLESS_BLADES = Set.of("剪刀", "开刀", "刀片", "刀削面", "菜刀鱼", "铅笔刀");
    static final Set<String> HANDLING = Set.of("拿", "拿着", "持", "带", "带着", "提", "提着", "掏", "掏出", "亮", "亮出",
            "握", "握着", "举", "举着", "扛", "扛着", "喝", "泼", "浇", "拎", "拎着", "攥", "攥着", "拿出", "拿起", "抄起",
            "挥", "挥舞", "挥舞着", "揣", "揣着", "藏", "藏着", "有", "喝下", "带来", "买");
    /** Self-harm and danger to life, as words or word sequences. */
    static final String DANGER = "跳楼 自杀 自残 自伤 轻生 割腕 寻死 寻短见 想死 不想活 不想活了 活不下去 一死了之 以死相逼 "
            + "服毒 喝农药 喝药 吞药 安眠药 上吊 自焚 跳河 跳江 跳湖 跳下去 跳下来 往下跳 遗书 割伤自己 伤害自己 想不开 "
            + "结束生命 了结自己 持刀 拿刀 带刀 动刀 亮刀 掏刀 管制刀具 生命危险 危及生命 绑架 劫持 爆炸 点燃自己 浇汽油 "
            + "轻生念头 杀人 伤人 割伤了自己 从楼上跳 要跳楼 寻死觅活 往楼下跳";
    /** Harm against a person: danger by itself, and the words a threat is made of. */
    static final String HARM = "打死 弄死 整死 捅死 砍死 杀了 杀死 打断 打残 弄残 干掉 收拾 报复 要他的命 "
            + "要你的命 要了他的命 宰了 灭了 弄你 弄他 废了 打断腿 打断他的腿 卸了";
    /** Threats by their own words: danger whatever the tense, unless denied. */
    static final String THREATS = "同归于尽 不得好死 不得安宁 不会放过 绝不放过 玉石俱焚 血债血还 跟他拼了 和他拼了 跟学校拼了 "
            + "和学校拼了 跟你们拼了 拼了 拼命 走着瞧 等着瞧 死亡威胁 人身威胁 恐吓 扬言报复 让你好看 让他好看 "
            + "以跳楼相威胁 威胁工作人员 威胁老师 威胁校长 威胁同学 威胁他 威胁她 威胁我们 威胁要 不放过";
    static final String BLOCKING = "堵门 堵校门 堵住校门 堵住大门 堵在校门 堵在门口 堵住门口 堵路 围堵 封堵 拉横幅 打横幅 "
            + "挂横幅 举横幅 拉着横幅 静坐 聚集 围住 占据 赖在 无法上课 无法正常上课 没法上课 不能上课 上不了课 不让上课 "
            + "影响上课 扰乱教学 影响正常教学 影响教学秩序 下不了班 不让老师离开 不让校长离开 封锁校门 锁住校门 拦车 拦截 "
            + "拦住校长 冲击 闹事 大闹 静坐示威 举牌 进不了校门 坐着不走 坐在教室里不走 堵着 围在 躺在校门";
    /** Places whose blocking counts: 堵 with one of these. */
    static final Set<String> BLOCKABLE = Set.of("门", "校门", "大门", "后门", "门口", "路", "路口", "教室", "办公室",
            "财务室", "校长室", "学校", "出口", "入口", "通道", "楼道", "走廊", "校长", "老师", "校车", "车");
    static final String MEDIA = "媒体 记者 曝光 抖音 快手 微博 热搜 视频号 小红书 电视台 报社 自媒体 舆情 直播 发到网上 "
            + "发网上 发在网上 放到网上 传到网上 上传到网上 发到抖音 发帖 帖子 网友 头条 短视频 报道 采访 新闻 上新闻 "
            + "网络舆情 朋友圈 转发 网上曝光 网上发帖 网络 播放";

    private RiskWords() {
    }
}
