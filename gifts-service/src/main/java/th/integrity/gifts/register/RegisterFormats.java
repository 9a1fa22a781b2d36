package th.integrity.gifts.register;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import th.integrity.platform.text.Texts;

/** The register as CSV (UTF-8 with a BOM, so spreadsheet programs show Thai) and as XLSX. */
final class RegisterFormats {

    private static final byte[] BOM = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };

    private RegisterFormats() {
    }

    static byte[] csv(Register register) {
        StringBuilder out = new StringBuilder();
        for (List<Object> line : RegisterSheet.lines(register)) {
            for (int i = 0; i < line.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                Object cell = line.get(i);
                out.append(cell instanceof BigDecimal amount ? amount.toPlainString()
                        : quote(RegisterSheet.neutralise(cell == null ? "" : cell.toString())));
            }
            out.append("\r\n");
        }
        byte[] text = out.toString().getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[BOM.length + text.length];
        System.arraycopy(BOM, 0, withBom, 0, BOM.length);
        System.arraycopy(text, 0, withBom, BOM.length, text.length);
        return withBom;
    }

    static byte[] xlsx(Register register) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook workbook = new Workbook(out, "gifts-service", "1.0");
            Worksheet sheet = workbook.newWorksheet(
                    Texts.in(Texts.THAI, "gifts.register.sheet", register.fiscalYear(), register.round()));
            List<List<Object>> lines = RegisterSheet.lines(register);
            for (int r = 0; r < lines.size(); r++) {
                List<Object> line = lines.get(r);
                for (int c = 0; c < line.size(); c++) {
                    Object cell = line.get(c);
                    if (cell instanceof BigDecimal amount) {
                        sheet.value(r, c, amount);
                        sheet.style(r, c).format("#,##0.00").set();
                    } else if (cell != null) {
                        // fastexcel writes strings as text, never formulas; neutralised all the same so the
                        // XLSX and the CSV say exactly the same thing.
                        sheet.value(r, c, RegisterSheet.neutralise(cell.toString()));
                    }
                }
            }
            sheet.style(0, 0).bold().fontSize(14).set();
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static String quote(String cell) {
        if (cell.indexOf(',') < 0 && cell.indexOf('"') < 0 && cell.indexOf('\n') < 0 && cell.indexOf('\r') < 0) {
            return cell;
        }
        return '"' + cell.replace("\"", "\"\"") + '"';
    }
}
