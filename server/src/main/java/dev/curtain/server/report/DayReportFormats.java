package dev.curtain.server.report;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import dev.curtain.model.booking.PaymentMethod;
import dev.curtain.model.drawer.DrawerSession;
import dev.curtain.model.report.DayReport;
import dev.curtain.model.report.ReportLine;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The day report as CSV (one row per clerk or performance line, then the drawers) and as PDF. */
public final class DayReportFormats {

    private DayReportFormats() {
    }

    private static List<String> lineHeader() {
        List<String> header = new ArrayList<>(List.of("section", "key", "label", "currency"));
        for (PaymentMethod m : DayReportService.MONEY) {
            header.add("sales_" + m.name().toLowerCase(Locale.ROOT));
        }
        header.add("sales_total");
        for (PaymentMethod m : DayReportService.MONEY) {
            header.add("refunds_" + m.name().toLowerCase(Locale.ROOT));
        }
        header.addAll(List.of("refunds_total", "net", "comps", "exchanges"));
        return header;
    }

    private static List<String> lineCells(String section, ReportLine l) {
        List<String> row = new ArrayList<>(List.of(section, l.key(), l.label(), l.currency()));
        for (PaymentMethod m : DayReportService.MONEY) {
            row.add(money(l.salesByMethod().getOrDefault(m.name(), 0L)));
        }
        row.add(money(l.salesMinor()));
        for (PaymentMethod m : DayReportService.MONEY) {
            row.add(money(l.refundsByMethod().getOrDefault(m.name(), 0L)));
        }
        row.addAll(List.of(money(l.refundsMinor()), money(l.netMinor()), String.valueOf(l.comps()),
                String.valueOf(l.exchanges())));
        return row;
    }

    private static final List<String> DRAWER_HEADER = List.of("section", "drawer", "clerk", "currency", "opened_at",
            "closed_at", "float", "cash_sales", "cash_refunds", "expected", "counted", "over_short");

    private static List<String> drawerCells(DrawerSession d) {
        return List.of("drawer", String.valueOf(d.id()), d.clerk(), d.currency(), String.valueOf(d.openedAt()),
                d.closedAt() == null ? "" : d.closedAt().toString(), money(d.floatMinor()), money(d.cashSalesMinor()),
                money(d.cashRefundsMinor()), money(d.expectedMinor()),
                d.countedMinor() == null ? "" : money(d.countedMinor()),
                d.overShortMinor() == null ? "" : money(d.overShortMinor()));
    }

    public static String csv(DayReport report) {
        StringBuilder out = new StringBuilder();
        row(out, lineHeader());
        report.clerks().forEach(l -> row(out, lineCells("clerk", l)));
        report.performances().forEach(l -> row(out, lineCells("performance", l)));
        out.append("\r\n");
        row(out, DRAWER_HEADER);
        report.drawers().forEach(d -> row(out, drawerCells(d)));
        return out.toString();
    }

    private static void row(StringBuilder out, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            String cell = cells.get(i) == null ? "" : cells.get(i);
            boolean quote = cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r");
            // A leading =, +, - or @ would make a spreadsheet run the cell as a formula.
            if (!cell.isEmpty() && "=+@".indexOf(cell.charAt(0)) >= 0) {
                cell = "'" + cell;
            }
            out.append(quote ? '"' + cell.replace("\"", "\"\"") + '"' : cell);
        }
        out.append("\r\n");
    }

    public static byte[] pdf(DayReport report) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Document doc = new Document(PageSize.A4.rotate(), 24, 24, 24, 24);
        try {
            PdfWriter.getInstance(doc, bytes);
            doc.addTitle("Curtain day report " + report.date());
            doc.open();
            Font title = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 14);
            Font heading = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 11);
            doc.add(new Paragraph("Day report " + report.date() + " (" + report.zone() + ")", title));
            doc.add(new Paragraph("Sales per clerk", heading));
            doc.add(table(lineHeader().subList(1, lineHeader().size()), report.clerks().stream()
                    .map(l -> lineCells("clerk", l).subList(1, lineHeader().size())).toList()));
            doc.add(new Paragraph("Sales per performance", heading));
            doc.add(table(lineHeader().subList(1, lineHeader().size()), report.performances().stream()
                    .map(l -> lineCells("performance", l).subList(1, lineHeader().size())).toList()));
            doc.add(new Paragraph("Cash drawers", heading));
            doc.add(table(DRAWER_HEADER.subList(1, DRAWER_HEADER.size()), report.drawers().stream()
                    .map(d -> drawerCells(d).subList(1, DRAWER_HEADER.size())).toList()));
            doc.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("the day report could not be written as PDF", e);
        }
        return bytes.toByteArray();
    }

    private static PdfPTable table(List<String> header, List<List<String>> rows) {
        Font small = FontFactory.getFont(FontFactory.HELVETICA, 7);
        Font bold = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 7);
        PdfPTable table = new PdfPTable(header.size());
        table.setWidthPercentage(100);
        table.setSpacingBefore(4);
        table.setSpacingAfter(10);
        table.setHeaderRows(1);
        header.forEach(h -> table.addCell(new PdfPCell(new Phrase(h.replace('_', ' '), bold))));
        if (rows.isEmpty()) {
            PdfPCell none = new PdfPCell(new Phrase("none", small));
            none.setColspan(header.size());
            table.addCell(none);
        }
        for (List<String> row : rows) {
            for (String cell : row) {
                PdfPCell c = new PdfPCell(new Phrase(cell, small));
                if (!cell.isEmpty() && (Character.isDigit(cell.charAt(0)) || cell.charAt(0) == '-')) {
                    c.setHorizontalAlignment(Element.ALIGN_RIGHT);
                }
                table.addCell(c);
            }
        }
        return table;
    }

    static String money(long minor) {
        return (minor < 0 ? "-" : "") + String.format(Locale.ROOT, "%d.%02d", Math.abs(minor) / 100, Math.abs(minor) % 100);
    }
}
