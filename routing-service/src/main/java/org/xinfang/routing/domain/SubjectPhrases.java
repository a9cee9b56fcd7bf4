package org.xinfang.routing.domain;

import static org.xinfang.contracts.vocabulary.Subject.*;

import java.util.List;
import java.util.Map;
import org.xinfang.contracts.vocabulary.Subject;
import org.xinfang.routing.domain.reading.Lexicons;
import org.xinfang.routing.domain.reading.WordLexicon;

/**
 * The words set by hand for inferring a petition's subject, one entry per subject of the plan's department table. Each
 * is a word or a short sequence of words, found only on the segmenter's word boundaries. Weights: 3 for words that
 * name the subject outright (有偿家教), 2 for strong hints (补习班), 1 for words that only lean (费用). Sequences that
 * state an absence as the complaint ("没有公示") are listed whole so that negation does not cancel them.
 */
public final class SubjectPhrases {

    static final Map<Subject, String> DEFAULTS = Map.ofEntries(
            Map.entry(ENROLLMENT, "招生3 招生计划3 录取3 划片3 学区房2 学区2 择校2 摇号3 特长生3 分数线2 报名2 名额1 招生简章3 "
                    + "派位3 电脑派位3 面试2 笔试1 选拔2 掐尖3 提前招生3 违规招生3 自主招生3 小升初3 中考2 招生考试3 "
                    + "入学考试2 报名条件2 招收3 生源3 抢生源3 免试入学3"),
            Map.entry(ADMISSION, "入学3 入园2 就近入学3 入学资格3 随迁子女3 上学难3 学位2 新生报到2 户籍1 积分入学3 不让孩子上学2 "
                    + "进不了学校2 入学手续3 没有学位3 上学2 一年级2 幼升小3 上不了学3 没学上3 入不了学3 五证3 证明材料2 "
                    + "居住证3 房产证2 户口2 外来务工3 务工人员2 进城务工3 适龄儿童3 就读2 入学通知书3 入学名额3 拒收3 "
                    + "读一年级3 学前班2"),
            Map.entry(TRANSFER, "转学3 转校3 转入2 转出2 借读3 插班2 学籍转接3 学籍2 回原籍2 转学手续3 转回3 转到2 接收学校2 "
                    + "转学证明3 学籍卡2 寄读2 接收1 转学籍3 换学校3"),
            Map.entry(ACADEMIC_BURDEN, "写作业3 上自习3 自习2 课业负担3 作业太多3 作业量3 作业多3 减负3 双减3 题海2 睡眠不足2 熬夜2 排名2 考试排名3 占用体育课3 "
                    + "加课2 补课1 晚自习1 周末上课2 假期上课2 练习册2 教辅资料2 考试太多3 写到半夜3 负担重3 压力太大2 "
                    + "作业2 书面作业3 打卡2 寒假作业3 暑假作业3 假期作业3 研学报告2 手抄报2 家长批改3 批改作业2 月考2 "
                    + "周考3 测验2 刷题3 放学晚3 延时服务2 从早写到晚3 写不完3 做不完3 作业本1 考试1 补习资料1"),
            Map.entry(APPOINTMENTS, "干部任免3 任免3 提拔3 任命3 竞聘3 中层干部3 免职3 校长人选3 干部选拔3 副校长人选3 任职3 岗位调整1 "
                    + "考察公示1 提干3 选拔任用3 任用3 人事任命3 调任2 挂职2 干部考察3 民主推荐3 破格3 当校长2 中层2"),
            Map.entry(ORGANISATION, "组织发展3 入党3 发展党员3 党员发展3 入党积极分子3 发展对象3 党组织2 党支部1 党员1 入团3 团员2 "
                    + "党费3 组织关系3 党员身份2 支部书记2 党组织关系3 转党组织3 党建2 团组织2 入队2 预备党员3 转正申请2"),
            Map.entry(STAFF_RIGHTS, "教职工权益3 妇女权益3 女教师2 女职工3 产假3 哺乳假3 哺乳期3 孕期3 怀孕2 生育2 性别歧视3 职称评审3 "
                    + "职称2 评优评先2 评优1 编制2 解聘3 辞退3 调岗2 合同工2 临时工2 休假1 权益1 不公平1 排挤2 维权2 "
                    + "劳动合同2 与教学无关3 无关的活动3 强制参加2 强制要求教师3 教师们2 年度考核3 考核2 请假2 病假3 婚假3 "
                    + "事假2 不批假3 岗位聘用3 聘用2 职称评定3 评职称3 教师权益3 拉票2 被迫2 扣分1 周末加班2 加班1 "
                    + "额外任务2 非教学任务3"),
            Map.entry(RETIRED_CADRES, "老干部3 离休3 离退休3 退休干部3 退休教师2 退休人员2 退休1 老同志2 老党员1 离休费3 老校长2 原单位2 "
                    + "退休老教师3 离退休人员3 无人照料2 晚年2 老干部待遇3"),
            Map.entry(MEDIA_OPINION, "舆情3 媒体报道3 网络谣言3 谣言3 负面新闻3 不实报道3 热搜2 自媒体2 记者1 采访1 网上传言3 帖子1 "
                    + "声誉3 澄清2 大量转发2 假消息3 散布3 流传2 澄清声明3"),
            Map.entry(TEACHER_ETHICS, "师德3 体罚3 变相体罚3 辱骂学生3 辱骂3 侮辱2 讽刺挖苦3 罚站2 罚跪3 歧视学生3 歧视2 打骂学生3 "
                    + "扇耳光2 上课玩手机3 不认真上课2 猥亵3 性骚扰3 骚扰女生3 收礼2 不负责任1 冷暴力3 孤立学生2 言语暴力3 "
                    + "老师殴打3 教师殴打3 老师打3 老师体罚3 言语过激3 当众批评2 批评1 羞辱3 嘲讽3 扇巴掌3 巴掌2 打骂3 "
                    + "打学生3 掐学生3 踢学生3 揪耳朵3 罚抄3 罚写2 恐吓学生3 吼学生3 骂学生3 撕作业本3 撕作业3 赶出教室3 "
                    + "不让进教室3 不让上课2 偏心3 区别对待3 索要礼物3 暗示送礼3 人格尊严3 自尊心2 伤害孩子3 互相扇3 "
                    + "当着全班3 全班同学面前3 骂孩子3 打孩子3 老师骂3 垃圾班3 废物3 白痴3 冷落3 暧昧3 不当言语3 俯卧撑2 蛙跳2 骂我3 说我笨3 是猪3 不配3 挖苦3 不点名2 戳脑袋3 揪头发2"),
            Map.entry(PAID_TUTORING, "有偿家教3 有偿补课3 家教2 补习班3 辅导班3 私自办班3 收费补课3 补课费3 课外辅导2 校外培训2 "
                    + "暗示学生去补课3 私下补课3 培训班2 一对一辅导2 家里补课3 她家补课3 他家补课3 老师家补课3 培训机构3 "
                    + "提成2 补习3 补课收费3 寒假补习3 暑假补习3 在家补习3 收费辅导3 私自补课3 托管班2 晚托2 办班2 开班2 "
                    + "课外班3 自己家里2 在自己家3"),
            Map.entry(INTEGRITY, "廉政3 红包3 礼品2 购物卡3 贪污3 挪用3 回扣3 受贿3 行贿3 吃拿卡要3 公款3 腐败3 好处费3 送礼2 "
                    + "收受2 礼金3 套取3 中饱私囊3 私设小金库3 小金库3 报销2 变相送礼3 买礼物2 节日礼物2 礼物2 请客吃饭3 "
                    + "吃请3 宴请3 公款吃喝3 虚报3 冒领2 骗取3 侵占3 截留3 私分3 利益输送3 收受礼品3 关系户3 谋取私利3 虚开发票3 假账3 做假账3 腰包3 公款报销3 私人发票3 吃回扣3 烟酒2 收受好处3 权钱交易3 亲戚3 改成绩3 出租2 租出去2"),
            Map.entry(DISCIPLINE, "违纪3 违规2 违反规定2 酒驾3 醉驾3 赌博3 打牌2 打麻将3 旷工3 经商3 兼职2 弄虚作假3 造假3 伪造3 "
                    + "篡改3 私自2 违反纪律3 上班时间2 饮酒3 喝酒2 在岗3 脱岗3 办私事3 私事2 擅自离岗3 离岗3 上课时间2 "
                    + "迟到早退3 早退2 迟到1 打游戏2 炒股3 酒后2 公车私用3 违规使用公车3 视而不见1 离开学校2 推销3 代签3 考勤2 开店3 副业3 打扑克3 公务车3 公车3 上班时间炒股3 值班2 签到2 上课时间玩手机2"),
            Map.entry(WORK_STYLE, "作风3 推诿3 踢皮球3 办事效率3 效率低3 效能3 态度恶劣3 态度差2 门难进3 脸难看3 事难办3 拖延2 "
                    + "拖着不办3 不作为3 敷衍3 没人管2 无人接听3 办事难3 跑了好几趟3 跑了多次3 互相推3 官僚3 不予理睬3 "
                    + "不理睬2 审批2 拖沓3 效率太低3 正在处理中2 没有进展3 没有任何进展3 没人联系2 推来推去3 搪塞3 不耐烦2 "
                    + "态度冷漠3 爱答不理3 冷漠2 刁难3 不回复2 久拖不决3 迟迟不处理3 迟迟不解决3 一拖再拖3 石沉大海3 "
                    + "不了了之3 没有下文3 敷衍了事3 处理结果2"),
            Map.entry(OPEN_AFFAIRS, "政务公开3 校务公开3 公示2 没有公示3 未公示3 不公示3 不公开3 没有公开3 账目公开3 财务公开3 公开透明2 "
                    + "暗箱操作3 不透明3 公开名单2 经费使用3 使用情况2 公示名单2 评选标准2 资助名单3 助学金2 贫困生3 "
                    + "奖学金2 评选过程3 黑箱3 不公布3 没有公布3 未公布3 公布2 从来不公示3 评选2"),
            Map.entry(CONSTRUCTION_BIDDING, "招投标3 招标3 投标3 中标3 围标3 串标3 标书3 工程发包3 发包3 施工方1 承包商2 承包2 竞标3 比选2 "
                    + "采购2 指定供应商3 公开招标3 没有公开招标3 未招标3 施工单位2 工程项目2 项目1 价格偏高2 高价采购3 "
                    + "政府采购3 采购项目3 供应商3 设备采购3 工程款2 朋友的公司3 亲戚的公司3 指定施工3"),
            Map.entry(EDUCATION_FEES, "教育收费3 乱收费3 收费2 资料费3 校服费3 择校费3 赞助费3 代收费3 学费3 书本费3 保险费2 班费2 "
                    + "伙食费2 退费3 收钱2 缴费2 交钱2 多收2 费用1 收取2 强制征订3 强制购买3 征订2 借读费3 押金2 "
                    + "退还2 工本费3 收费标准3 收费过高3 多收费3 不开发票3 收据2 发票2 乱收3 强制收费3 课后服务费3 "
                    + "托管费3 校车费3 午餐费2 住宿费3 军训费3 研学费3 费用过高2 每人交2 收了2 收五十2 收一百2 收两百2 "
                    + "收三百2 要收2 统一购买3 指定购买3 必须购买3"),
            Map.entry(INFRASTRUCTURE, "光线3 太暗3 照明不足3 基建3 基建工程3 施工2 工程质量3 工程1 教学楼2 塑胶跑道3 跑道2 裂缝3 漏水3 墙皮脱落3 危房3 维修2 "
                    + "改造1 扩建2 新建2 工地2 豆腐渣3 装修2 甲醛3 异味2 工期3 停工3 烂尾3 宿舍楼2 围墙倒塌3 塌陷3 "
                    + "大坑2 年久失修3 失修3 窗户2 窗框2 松动2 玻璃2 屋顶2 渗水3 墙体2 墙面2 开裂3 操场1 坑洼3 "
                    + "桌椅2 课桌椅3 破损2 损坏1 老化2 线路老化3 暖气3 空调2 供暖3 设施2 设备老化3 修缮3 翻新2 楼梯2 "
                    + "扶手2 维修更换3 下雨漏水3 墙皮3 脱落2 天花板3 暖气片3 热水器3 灯管3 报修3 冲水2 电路3 跳闸3 插座2 投影仪2 起翹2 起翘2 漏雨3 破洞2 维修过3 没有维修3 一直没修3"),
            Map.entry(TEACHER_PAY, "劳动工资3 工资3 薪酬3 薪资3 绩效工资3 绩效2 欠薪3 拖欠2 克扣3 奖金2 津贴2 加班费3 代课费3 "
                    + "课时费3 工资条3 发工资3 待遇1 收入1 报酬2 班主任费3 讨薪3 讨要工资3 乡村教师生活补助3 乡村教师补助3 "
                    + "生活补助2 没领到2 没有发放2 未发放2 迟发3 少发3 扣工资3 扣钱2 工资待遇3 基本工资3 外聘教师2 "
                    + "代课教师2 临聘2 年终奖3 补发3 被拖欠3"),
            Map.entry(WELFARE, "福利3 社保3 社会保险3 医保3 公积金3 养老保险3 五险一金3 体检2 慰问2 取暖费3 住房补贴3 抚恤3 "
                    + "补贴1 养老金2 工伤3 失业保险3 生育保险3 补助2 取暖补贴3 午餐补助3 餐补3 交通补贴3 通讯补贴3 "
                    + "降温费3 高温补贴3 节日福利3 福利待遇3 过节费3 工会福利3 慰问金3 疗养3 住房公积金3 医疗保险3 "
                    + "正当福利3"),
            Map.entry(HYGIENE, "卫生2 食堂1 饭菜3 变质3 食物中毒3 异物2 苍蝇2 蟑螂3 老鼠2 厕所1 饮用水3 水质3 霉变3 发霉3 "
                    + "过期3 餐厅1 午餐2 营养餐3 午饭2 配餐3 脏乱3 垃圾1 腹泻2 拉肚子3 呕吐2 食品安全3 饭里3 菜里3 "
                    + "卫生间2 直饮水3 饮水机3 饮水桶3 清洗2 肚子疼2 蚊虫3 蚊子2 垃圾堆放3 堆放垃圾3 清理2 臭味3 发臭3 "
                    + "恶臭3 卫生死角3 积水2 化粪池3 洗手池2 餐具3 碗筷3 没洗干净3 虫子3 吃出3 不新鲜3 剩菜3 吃不饱3 "
                    + "饭菜质量3 伙食3 食材3"),
            Map.entry(EPIDEMIC, "防疫3 疫情3 传染病3 流感3 诺如3 水痘3 肺结核3 结核3 手足口3 隔离2 消毒2 疫苗3 接种3 核酸3 "
                    + "发烧1 发热1 感染2 晨午检3 传染3 病毒2 停课1 防控3 红眼病3 结膜炎3 腮腺炎3 麻疹3 猩红热3 疱疹3 "
                    + "甲流3 乙流3 新冠3 咳嗽1 传染给2 大面积传染3 复课2 病例3 确诊3 疑似3 得了3"),
            Map.entry(CAMPUS_SAFETY, "无人值守3 值守2 持刀2 拿刀2 菜刀2 陌生男子3 校园安全3 安全隐患3 门卫2 保安2 消防3 灭火器3 监控2 陌生人2 校外人员2 校园欺凌3 欺凌3 霸凌3 "
                    + "踩踏3 安全2 护栏2 围墙1 安全通道3 逃生3 防护2 管制刀具3 治安3 隐患2 失窃2 被盗2 翻墙3 "
                    + "围墙缺口3 缺口2 外来人员3 随意进出3 进出校园2 闲杂人员3 巡逻3 照明2 路灯2 安保3 防护栏3 电梯3 "
                    + "高空坠物3 坠落2 消防通道3 配电箱3 漏电3 触电3 安全措施2 安全管理2 走失3 社会人员2 夜间2"),
            Map.entry(TRAFFIC_SAFETY, "交通安全3 交通2 校车3 黑校车3 接送车3 车辆1 红绿灯3 信号灯3 斑马线3 人行横道3 拥堵3 堵车3 超载3 "
                    + "车祸3 交通事故3 电动车2 停车2 乱停车3 减速带3 过马路3 马路3 被车撞3 撞车3 路口2 接送2 违停3 "
                    + "交警3 限速3 车速3 超速3 路段2 道路2 没有红绿灯3 交通标志3 减速3 校门前2 车辆乱停3 公交车3 "
                    + "校车司机3 闯红灯3 大货车2 车流3"),
            Map.entry(STUDENT_INJURY, "摔断3 摔断了3 割伤2 烫伤了3 磕断3 学生意外伤害3 意外伤害3 伤害事故3 受伤3 摔伤3 骨折3 碰伤3 烫伤3 扭伤3 砸伤3 划伤3 缝针3 跌倒2 "
                    + "摔倒2 送医2 医药费3 治疗费3 溺水3 意外2 伤情3 牙齿断3 脑震荡3 住院2 赔偿1 留下疤痕3 伤残3 "
                    + "夹伤3 缝了2 晕倒3 划破3 流血2 出血2 擦伤3 撞伤3 磕伤3 磕破3 摔破3 碰破3 伤口3 破相3 伤到2 "
                    + "弄伤3 被撞3 被砸3 砸到2 咬伤3 骨裂3 脱臼3 救护车3 急救2 医院2 就医2 手术2 责任认定3 谁负责2 "
                    + "缝了三针3 受了伤3"),
            Map.entry(SCHOOL_DISPUTES, "打群架3 群架3 约架3 打架斗殴3 拉架2 校内外社会纠纷3 纠纷2 矛盾2 冲突2 家长之间3 学生之间3 同学之间3 吵架2 争执2 滋扰3 索要3 敲诈3 "
                    + "勒索3 社会青年3 闲散人员3 家校矛盾3 调解2 口角3 互殴2 结怨3 对方家长3 对方孩子3 闹矛盾3 关系紧张3 "
                    + "理论2 讨说法2 讨个说法2 要个说法2 给个说法1 争吵3 打架2 斗殴2 肢体冲突2 威胁同学3 欺负2 双方家长3 "
                    + "两家3 发生争执3 要钱2 拦路3 闹别扭3 起外号3 绰号2 室友2 吵起来3 摩擦2 不认账2 打闹2 推搡2 劝架3 打起来2"),
            Map.entry(INFO_DISCLOSURE, "政务信息公开3 信息公开3 依申请公开3 申请公开3 公开申请3 政府信息3 调取3 提供依据3 文件依据3 红头文件2 "
                    + "查阅3 政策依据3 公开文件3 会议纪要2 计算办法2 申请提供3 要求提供2 不予提供3 拒绝提供3 内部文件3 "
                    + "评分细则3 实施办法2 细则2 申请获取3 书面答复2 公开依据3"),
            Map.entry(ONLINE_COMPLAINTS, "网上咨询投诉3 网上投诉3 网上咨询3 网上留言3 留言3 在线咨询3 咨询2 市长热线3 12345热线3 热线2 "
                    + "局长信箱3 校长信箱3 信箱2 政务平台3 平台留言3 网站留言3 回复2 答复2 没有回复3 迟迟没有答复3 "
                    + "网上反映3 在网上3 网上向3 删帖3 转回学校3 转办3 被转回3 投诉平台3 网络问政3 留言板3 12345平台3 "
                    + "网上举报2"),
            Map.entry(FOREIGN_AFFAIRS, "涉外3 外籍3 外教3 外籍教师3 留学生3 国际学生3 国际部2 外国2 外宾3 护照3 签证3 港澳台2 华侨3 "
                    + "境外3 出国2 交流访问2 外方2"),
            Map.entry(NEIGHBOUR_DISPUTES, "周边居民3 居民3 周边单位3 小区1 噪音3 噪声3 扰民3 喇叭3 广播2 邻居3 采光3 占道2 商户2 业主3 "
                    + "油烟3 围墙外3 附近3 楼下2 排水3 污水3 灯光1 施工噪音3 影响休息3 通行2 压坏3 路面2 居民意见3 "
                    + "家属区3 附近居民3 周边商户3 停车位2 出入口2 门面2 铺面2 周边2 影响居民3"));

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

    /** Words learned from the training part of the labelled corpus (see {@link SubjectWordLearning}). */
    static final String LEARNED = "/reading/subject-words-learned.tsv";

    private SubjectPhrases() {
    }

    /**
     * The words set by hand above, each with its weight, and the words learned from the corpus: what the classifier
     * weighs a petition's segmented words with.
     */
    public static WordLexicon<Subject> lexicon() {
        WordLexicon<Subject> lexicon = handSet();
        for (String[] row : Lexicons.rows(LEARNED)) {
            int plus = row[0].indexOf('+');
            if (plus > 0) {
                lexicon.addPair(row[0].substring(0, plus), row[0].substring(plus + 1), Subject.valueOf(row[1]),
                        Integer.parseInt(row[2]), SOURCE_LEARNED);
            } else {
                lexicon.add(row[0], Subject.valueOf(row[1]), Integer.parseInt(row[2]), SOURCE_LEARNED);
            }
        }
        return lexicon;
    }

    /** Only the words set by hand. */
    public static WordLexicon<Subject> handSet() {
        WordLexicon<Subject> lexicon = new WordLexicon<>();
        DEFAULTS.forEach((subject, line) -> {
            for (String entry : line.split(" ")) {
                int weight = entry.charAt(entry.length() - 1) - '0';
                lexicon.add(entry.substring(0, entry.length() - 1), subject, weight, SOURCE_HAND);
            }
        });
        return lexicon;
    }

    static final String SOURCE_HAND = "手设";
    static final String SOURCE_LEARNED = "学得";
}
