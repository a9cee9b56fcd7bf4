package org.xinfang.intake.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IdentityInTextTest {

    @Test
    void numbersThatIdentifySomeoneAreFoundAsPeopleWriteThem() {
        assertThat(IdentityInText.warnings("description", "家长王某，电话13812345678，反映食堂问题"))
                .singleElement().satisfies(w -> assertThat(w.reason()).startsWith("疑似含有电话号码"));
        assertThat(IdentityInText.warnings("description", "手机 138-1234-5678")).hasSize(1);
        assertThat(IdentityInText.warnings("description", "座机010-62345678")).hasSize(1);
        assertThat(IdentityInText.warnings("description", "身份证11010519491231002X，要求答复"))
                .singleElement().satisfies(w -> assertThat(w.reason()).startsWith("疑似含有身份证号码"));
    }

    @Test
    void ordinaryNumbersAreNotWarnedAbout() {
        assertThat(IdentityInText.warnings("description", "十二名家长于2026年12月3日15时聚集在校门口，已持续40分钟"))
                .isEmpty();
        assertThat(IdentityInText.warnings("description", "收费标准为1380元每学期，共有138名学生")).isEmpty();
        assertThat(IdentityInText.warnings("title", null)).isEmpty();
    }
}
