package org.xinfang.reporting.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTableTest {

    @Test
    void aSpreadsheetReadsItAsUtf8WithChineseHeaders() {
        byte[] bytes = new CsvTable(List.of("学校", "件数")).row("东区第一小学", 3).bytes();
        assertThat(bytes).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
        assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo("\uFEFF学校,件数\r\n东区第一小学,3\r\n");
    }

    @Test
    void cellsWithSeparatorsAreQuotedAndFormulasNeverRun() {
        assertThat(CsvTable.cell("后勤处,办公室")).isEqualTo("\"后勤处,办公室\"");
        assertThat(CsvTable.cell("说\"好\"的")).isEqualTo("\"说\"\"好\"\"的\"");
        assertThat(CsvTable.cell("=HYPERLINK(\"http://x\")")).isEqualTo("\"'=HYPERLINK(\"\"http://x\"\")\"");
        assertThat(CsvTable.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(CsvTable.cell("-3")).isEqualTo("-3");
        assertThat(CsvTable.cell("")).isEmpty();
    }

    @Test
    void aRowMustFitTheHeader() {
        assertThatThrownBy(() -> new CsvTable(List.of("学校", "件数")).row("东区第一小学"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
