package org.xinfang.intake.web;

/**
 * The answer to a public submission: the query code, shown this once, the petition's number, and what comes next.
 * Anonymity is said plainly: nobody can call or write back, the answers are read with the code.
 */
record PublicReceipt(String queryCode, String number, String schoolName, String stateName, String receivedAt,
                     String acceptBy, boolean anonymous, String notice) {

    static final String KEEP_THE_CODE = "请抄下并妥善保存查询码：它只显示这一次，系统只保存它的摘要，丢失后无法找回。"
            + "凭查询码可查看办理进展和书面答复，结案后可评价办理结果。";
    static final String ANONYMOUS = "您未留姓名和电话，这是匿名信访：学校无法与您联系、核实情况或寄送书面答复，"
            + "答复只能凭查询码查看；匿名反映的问题学校同样登记办理。";
    static final String NAMED = "您的姓名和电话只有学校的信访工作人员和领导小组能看到，不会告知被反映的部门和人员。";
}
