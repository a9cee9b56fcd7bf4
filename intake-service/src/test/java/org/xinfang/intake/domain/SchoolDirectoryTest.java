package org.xinfang.intake.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SchoolDirectoryTest {

    private static final School EAST_01 = new School("s-east-01", "d-east", "东区第一小学", "东区一小");

    @Test
    void numbersReadAsChineseDocumentNumbers() {
        assertThat(PetitionNumber.of(EAST_01, 2026, 17)).isEqualTo("东区一小〔2026〕17号");
        assertThatThrownBy(() -> PetitionNumber.of(EAST_01, 2026, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aListedSchoolIsFoundInItsDistrictOnly() {
        SchoolDirectory directory = new SchoolDirectory(List.of(EAST_01));
        assertThat(directory.school("d-east", "s-east-01")).isEqualTo(EAST_01);
        assertThat(directory.school("d-west", "s-east-01").name()).as("another district's school of that id")
                .isEqualTo("s-east-01");
    }

    @Test
    void twoSchoolsOfADistrictMayNotShareAShortName() {
        assertThatThrownBy(() -> new SchoolDirectory(List.of(EAST_01,
                new School("s-east-09", "d-east", "东区第一小学分校", "东区一小"))))
                .isInstanceOfSatisfying(InvalidSettingsException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("xinfang.intake.schools[1].short-name"));
        assertThat(new SchoolDirectory(List.of(EAST_01, new School("s-west-01", "d-west", "西区一小", "东区一小")))
                .school("d-west", "s-west-01").shortName()).as("in another district it may").isEqualTo("东区一小");
    }

    @Test
    void aSchoolWithoutANameOrListedTwiceIsRefused() {
        assertThatThrownBy(() -> new SchoolDirectory(List.of(EAST_01, EAST_01, new School("x", "d-east", "", "x"))))
                .isInstanceOfSatisfying(InvalidSettingsException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field)
                        .containsExactly("xinfang.intake.schools[1].id", "xinfang.intake.schools[1].short-name",
                                "xinfang.intake.schools[2]"));
    }
}
