package org.xinfang.routing.domain;

import static org.xinfang.contracts.vocabulary.Subject.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.xinfang.contracts.vocabulary.Subject;

/**
 * The default phrase rules for inferring a petition's subject from its Chinese text, one entry per subject of the
 * plan's department table. Weights: 3 for phrases that name the subject outright (有偿家教), 2 for strong hints
 * (补习班), 1 for words that only lean (费用). Phrases that state an absence as the complaint ("没有公示") are listed
 * whole so that negation does not cancel them.
 */
public final class SubjectPhrases {

    static final Map<Subject, String> DEFAULTS = Map.ofEntries(
            Map.entry(ENROLLMENT, "招生3 招生计划3 录取3 划片3 学区房2 学区2 择校2 摇号3 特长生3 分数线2 报名2 名额1 招生简章3 派位3 电脑派位3"),
            Map.entry(ADMISSION, "入学3 入园2 就近入学3 入学资格3 随迁子女3 上学难3 学位2 新生报到2 户籍1 积分入学3 不让孩子上学2 进不了学校2 入学手续3 没有学位3"),
            Map.entry(TRANSFER, "转学3 转校3 转入2 转出2 借读3 插班2 学籍转接3 学籍2 回原籍2 转学手续3"),
            Map.entry(ACADEMIC_BURDEN, "课业负担3 作业太多3 作业量3 作业多3 减负3 双减3 题海2 睡眠不足2 熬夜2 排名2 考试排名3 占用体育课3 加课2 补课1 晚自习1 周末上课2 假期上课2 练习册2 教辅资料2 考试太多3 写到半夜3 负担重3 压力太大2 作业2 书面作业3 打卡2"),
            Map.entry(APPOINTMENTS, "干部任免3 任免3 提拔3 任命3 竞聘3 中层干部3 免职3 校长人选3 干部选拔3 副校长人选3 任职3 岗位调整1 考察公示1"),
            Map.entry(ORGANISATION, "组织发展3 入党3 发展党员3 党员发展3 入党积极分子3 发展对象3 党组织2 党支部1 党员1 入团3 团员2 党费3 组织关系3"),
            Map.entry(STAFF_RIGHTS, "教职工权益3 妇女权益3 女教师2 女职工3 产假3 哺乳假3 哺乳期3 孕期3 怀孕2 生育2 性别歧视3 职称评审3 职称2 评优评先2 评优1 编制2 解聘3 辞退3 调岗2 合同工2 临时工2 休假1 权益1 不公平1 排挤2 维权2 劳动合同2"),
            Map.entry(RETIRED_CADRES, "老干部3 离休3 离退休3 退休干部3 退休教师2 退休人员2 退休1 老同志2 老党员1 离休费3"),
            Map.entry(MEDIA_OPINION, "舆情3 媒体报道3 网络谣言3 谣言3 负面新闻3 不实报道3 热搜2 自媒体2 记者1 采访1 网上传言3 帖子1 声誉3 澄清2 大量转发2 假消息3 散布3 流传2 澄清声明3"),
            Map.entry(TEACHER_ETHICS, "师德3 体罚3 变相体罚3 辱骂学生3 辱骂3 侮辱2 讽刺挖苦3 罚站2 罚跪3 歧视学生3 歧视2 打骂学生3 扇耳光2 上课玩手机3 不认真上课2 猥亵3 性骚扰3 骚扰女生3 收礼2 不负责任1 冷暴力3 孤立学生2 言语暴力3 老师殴打3 教师殴打3 老师打3 老师体罚3 言语过激3 当众批评2 批评1 羞辱3 嘲讽3"),
            Map.entry(PAID_TUTORING, "有偿家教3 有偿补课3 家教2 补习班3 辅导班3 私自办班3 收费补课3 补课费3 课外辅导2 校外培训2 暗示学生去补课3 私下补课3 培训班2 一对一辅导2 家里补课3 她家补课3 他家补课3 老师家补课3 培训机构3 提成2"),
            Map.entry(INTEGRITY, "廉政3 红包3 礼品2 购物卡3 贪污3 挪用3 回扣3 受贿3 行贿3 吃拿卡要3 公款3 腐败3 好处费3 送礼2 收受2 礼金3 套取3 中饱私囊3 私设小金库3 小金库3 报销2"),
            Map.entry(DISCIPLINE, "违纪3 违规2 违反规定2 酒驾3 醉驾3 赌博3 打牌2 打麻将3 旷工3 经商3 兼职2 弄虚作假3 造假3 伪造3 篡改3 私自2 违反纪律3 上班时间2 饮酒3 喝酒2 在岗3 脱岗3"),
            Map.entry(WORK_STYLE, "作风3 推诿3 踢皮球3 办事效率3 效率低3 效能3 态度恶劣3 态度差2 门难进3 脸难看3 事难办3 拖延2 拖着不办3 不作为3 敷衍3 没人管2 无人接听3 办事难3 跑了好几趟3 跑了多次3 互相推3 官僚3 不予理睬3 不理睬2 审批2 拖沓3 效率太低3"),
            Map.entry(OPEN_AFFAIRS, "政务公开3 校务公开3 公示2 没有公示3 未公示3 不公示3 不公开3 没有公开3 账目公开3 财务公开3 公开透明2 暗箱操作3 不透明3 公开名单2 经费使用3 使用情况2"),
            Map.entry(CONSTRUCTION_BIDDING, "招投标3 招标3 投标3 中标3 围标3 串标3 标书3 工程发包3 发包3 施工方1 承包商2 承包2 竞标3 比选2 采购2 指定供应商3"),
            Map.entry(EDUCATION_FEES, "教育收费3 乱收费3 收费2 资料费3 校服费3 择校费3 赞助费3 代收费3 学费3 书本费3 保险费2 班费2 伙食费2 退费3 收钱2 缴费2 交钱2 多收2 费用1 收取2 强制征订3 强制购买3 征订2 借读费3 押金2 退还2"),
            Map.entry(INFRASTRUCTURE, "基建3 基建工程3 施工2 工程质量3 工程1 教学楼2 塑胶跑道3 跑道2 裂缝3 漏水3 墙皮脱落3 危房3 维修2 改造1 扩建2 新建2 工地2 豆腐渣3 装修2 甲醛3 异味2 工期3 停工3 烂尾3 宿舍楼2 围墙倒塌3 塌陷3 大坑2"),
            Map.entry(TEACHER_PAY, "劳动工资3 工资3 薪酬3 薪资3 绩效工资3 绩效2 欠薪3 拖欠2 克扣3 奖金2 津贴2 加班费3 代课费3 课时费3 工资条3 发工资3 待遇1 收入1 报酬2 班主任费3 讨薪3 讨要工资3"),
            Map.entry(WELFARE, "福利3 社保3 社会保险3 医保3 公积金3 养老保险3 五险一金3 体检2 慰问2 取暖费3 住房补贴3 抚恤3 补贴1 养老金2 工伤3 失业保险3 生育保险3 补助2 取暖补贴3"),
            Map.entry(HYGIENE, "卫生2 食堂3 饭菜3 变质3 食物中毒3 异物2 苍蝇2 蟑螂3 老鼠2 厕所2 饮用水3 水质3 霉变3 发霉3 过期3 餐厅2 午餐2 营养餐3 午饭2 配餐3 脏乱3 垃圾2 腹泻2 拉肚子3 呕吐2 食品安全3 饭里3 菜里3 卫生间2 直饮水3 饮水机3 饮水桶3 清洗2 肚子疼2"),
            Map.entry(EPIDEMIC, "防疫3 疫情3 传染病3 流感3 诺如3 水痘3 肺结核3 结核3 手足口3 隔离2 消毒2 疫苗3 接种3 核酸3 发烧1 发热1 感染2 晨午检3 传染3 病毒2 停课1 防控3"),
            Map.entry(CAMPUS_SAFETY, "校园安全3 安全隐患3 门卫2 保安2 消防3 灭火器3 监控2 陌生人2 校外人员2 校园欺凌3 欺凌3 霸凌3 踩踏3 安全2 护栏2 围墙1 安全通道3 逃生3 防护2 管制刀具3 治安3 隐患2 失窃2 被盗2 翻墙3"),
            Map.entry(TRAFFIC_SAFETY, "交通安全3 交通2 校车3 黑校车3 接送车3 车辆1 红绿灯3 信号灯3 斑马线3 人行横道3 拥堵3 堵车3 超载3 车祸3 交通事故3 电动车2 停车2 乱停车3 减速带3 过马路3 马路3 被车撞3 撞车3 路口2 接送2 违停3 交警3"),
            Map.entry(STUDENT_INJURY, "学生意外伤害3 意外伤害3 伤害事故3 受伤3 摔伤3 骨折3 碰伤3 烫伤3 扭伤3 砸伤3 划伤3 缝针3 跌倒2 摔倒2 送医2 医药费3 治疗费3 溺水3 意外2 伤情3 牙齿断3 脑震荡3 住院2 赔偿1 留下疤痕3 伤残3 夹伤3 缝了2 晕倒3"),
            Map.entry(SCHOOL_DISPUTES, "校内外社会纠纷3 纠纷2 矛盾2 冲突2 家长之间3 学生之间3 同学之间3 吵架2 争执2 滋扰3 索要3 敲诈3 勒索3 社会青年3 闲散人员3 家校矛盾3 调解2 口角3 互殴2 结怨3 对方家长3 对方孩子3"),
            Map.entry(INFO_DISCLOSURE, "政务信息公开3 信息公开3 依申请公开3 申请公开3 公开申请3 政府信息3 调取3 提供依据3 文件依据3 红头文件2 查阅3 政策依据3 公开文件3 会议纪要2 计算办法2"),
            Map.entry(ONLINE_COMPLAINTS, "网上咨询投诉3 网上投诉3 网上咨询3 网上留言3 留言3 在线咨询3 咨询2 市长热线3 12345热线3 热线2 局长信箱3 校长信箱3 信箱2 政务平台3 平台留言3 网站留言3 回复2 答复2 没有回复3 迟迟没有答复3"),
            Map.entry(FOREIGN_AFFAIRS, "涉外3 外籍3 外教3 外籍教师3 留学生3 国际学生3 国际部2 外国2 外宾3 护照3 签证3 港澳台2 华侨3 境外3 出国2 交流访问2 外方2"),
            Map.entry(NEIGHBOUR_DISPUTES, "周边居民3 居民3 周边单位3 小区2 噪音3 噪声3 扰民3 喇叭3 广播2 邻居3 采光3 占道2 商户2 业主3 油烟3 围墙外3 附近3 楼下2 排水3 污水3 灯光3 施工噪音3 影响休息3"));

    /**
     * Which subject wins a tie: the more urgent or specific concerns first, the catch-alls last. A petition about a
     * student hurt on a school bus is about the injury before it is about traffic; kickbacks in the canteen's
     * purchasing are about integrity before hygiene.
     */
    public static final List<Subject> PRIORITY = List.of(
            STUDENT_INJURY, CAMPUS_SAFETY, TRAFFIC_SAFETY, INTEGRITY, TEACHER_ETHICS, CONSTRUCTION_BIDDING, EPIDEMIC,
            HYGIENE, PAID_TUTORING, EDUCATION_FEES, DISCIPLINE, INFRASTRUCTURE, TEACHER_PAY, WELFARE, STAFF_RIGHTS,
            RETIRED_CADRES, APPOINTMENTS, ORGANISATION, TRANSFER, ADMISSION, ENROLLMENT, ACADEMIC_BURDEN,
            SCHOOL_DISPUTES, NEIGHBOUR_DISPUTES, FOREIGN_AFFAIRS, MEDIA_OPINION, WORK_STYLE, OPEN_AFFAIRS,
            INFO_DISCLOSURE, ONLINE_COMPLAINTS, UNKNOWN);

    /** Common words that contain a rule phrase without meaning it. */
    static final List<String> SHIELDS = List.of(
            "安全帽", "交通工具", "卫生纸", "小区门口", "意外地", "打工", "工程师", "学位证", "一周多", "发表", "矛盾心理", "入学校");

    private SubjectPhrases() {
    }

    /** The default rule: every phrase above, parsed from its "phrase+weight" form. */
    public static List<Phrase<Subject>> defaults() {
        List<Phrase<Subject>> phrases = new ArrayList<>();
        DEFAULTS.forEach((subject, line) -> {
            for (String entry : line.split(" ")) {
                int weight = entry.charAt(entry.length() - 1) - '0';
                phrases.add(new Phrase<>(entry.substring(0, entry.length() - 1), subject, weight));
            }
        });
        SHIELDS.forEach(s -> phrases.add(Phrase.shield(s)));
        return phrases;
    }
}
