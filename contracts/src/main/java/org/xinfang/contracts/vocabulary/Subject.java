package org.xinfang.contracts.vocabulary;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/**
 * The subject catalogue of the school's plan (section 三(三)). Which department handles a subject is routing's
 * configuration, not part of this contract, because schools name and split departments differently.
 */
public enum Subject {
    ENROLLMENT("招生"),
    ADMISSION("入学"),
    TRANSFER("转学"),
    ACADEMIC_BURDEN("课业负担"),
    APPOINTMENTS("干部任免"),
    ORGANISATION("组织发展"),
    STAFF_RIGHTS("教职工及妇女权益保障"),
    RETIRED_CADRES("老干部"),
    MEDIA_OPINION("媒体与网络舆情"),
    TEACHER_ETHICS("师德规范"),
    PAID_TUTORING("有偿家教"),
    INTEGRITY("廉政建设"),
    DISCIPLINE("违纪违规"),
    WORK_STYLE("机关作风和效能建设"),
    OPEN_AFFAIRS("政务公开"),
    CONSTRUCTION_BIDDING("工程招投标"),
    EDUCATION_FEES("教育收费"),
    INFRASTRUCTURE("基建工程"),
    TEACHER_PAY("劳动工资"),
    WELFARE("福利与社会保障"),
    HYGIENE("卫生"),
    EPIDEMIC("防疫"),
    CAMPUS_SAFETY("校园安全稳定"),
    TRAFFIC_SAFETY("交通安全"),
    STUDENT_INJURY("学生意外伤害事故"),
    SCHOOL_DISPUTES("校内外社会纠纷矛盾"),
    INFO_DISCLOSURE("政务信息公开"),
    ONLINE_COMPLAINTS("网上咨询投诉"),
    FOREIGN_AFFAIRS("涉外管理"),
    NEIGHBOUR_DISPUTES("学校与周边单位及居民的矛盾纠纷"),
    @JsonEnumDefaultValue
    UNKNOWN("未分类");

    private final String chineseName;

    Subject(String chineseName) {
        this.chineseName = chineseName;
    }

    public String chineseName() {
        return chineseName;
    }
}
