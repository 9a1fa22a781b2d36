package th.integrity.stats.publication;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Every CSV cell of the statistics (agency names come from configuration, labels from code) goes through
 * {@link Csv#safe}: a cell a spreadsheet would run — starting with {@code = + - @}, a tab, a carriage return or a line feed —
 * comes out behind an apostrophe and is otherwise unchanged (a lone {@code -} and plain numbers excepted); any other cell is left alone. Plain jqwik
 * properties: they need no Spring context.
 */
class CsvFormulaPropertiesTest {

    @Provide
    Arbitrary<String> formulas() {
        return Arbitraries.of("=", "+", "-", "@", "\t", "\r", "\n", "\t=", "\r+")
                .flatMap(prefix -> Arbitraries.strings().ofMaxLength(40).map(rest -> prefix + rest))
                // a lone "-" (no value) and plain numbers ("-3", "-0.5") are data, kept as they are on purpose
                .filter(cell -> !cell.equals("-") && !cell.matches("-?\\d+(\\.\\d+)?"));
    }

    @Provide
    Arbitrary<String> harmless() {
        return Arbitraries.strings().ofMinLength(1).ofMaxLength(40)
                .filter(text -> "=+-@\t\r\n".indexOf(text.charAt(0)) < 0);
    }

    @Property(tries = 300)
    void aFormulaIsShownAsText(@ForAll("formulas") String cell) {
        assertThat(Csv.safe(cell)).isEqualTo("'" + cell);
    }

    @Property(tries = 300)
    void anythingElseIsUnchanged(@ForAll("harmless") String cell) {
        assertThat(Csv.safe(cell)).isEqualTo(cell);
    }
}
