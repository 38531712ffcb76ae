package dev.curtain.desktop.print;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfWriter;
import dev.curtain.desktop.ui.common.Money;
import dev.curtain.model.booking.BookedSeat;
import dev.curtain.model.booking.Booking;
import dev.curtain.model.booking.PaymentRecord;
import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * Tickets (one page each, with the signed QR payload) and a receipt, as PDF files. A PDF prints on
 * any printer and can be mailed; the app saves it and opens the system's print path where one exists.
 */
public final class TicketPrinter {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm");
    private static final Rectangle TICKET = new Rectangle(420, 220);

    private final Path folder;

    public TicketPrinter(Path folder) {
        this.folder = folder;
    }

    /** Writes {@code <code>-tickets.pdf}; {@code reprint} marks every ticket REPRINT. */
    public Path tickets(Booking booking, List<BookedSeat> seats, boolean reprint) throws IOException {
        Path file = folder.resolve(booking.code() + (reprint ? "-reprint" : "") + "-tickets.pdf");
        write(file, TICKET, document -> {
            for (BookedSeat seat : seats) {
                document.newPage();
                ticket(document, booking, seat, reprint);
            }
        });
        return file;
    }

    public Path receipt(Booking booking) throws IOException {
        Path file = folder.resolve(booking.code() + "-receipt.pdf");
        write(file, PageSize.A6, document -> {
            document.add(new Paragraph("Curtain box office — receipt", bold(13)));
            document.add(new Paragraph("Booking " + booking.code(), bold(16)));
            document.add(new Paragraph(booking.eventTitle() + "\n" + when(booking), plain(10)));
            for (BookedSeat s : booking.seats()) {
                document.add(new Paragraph(s.section() + " row " + s.row() + " seat " + s.number() + "  " + s.ticketType()
                        + "  " + Money.format(s.priceMinor(), booking.currency()), plain(10)));
            }
            document.add(new Paragraph("Total " + Money.format(booking.totalMinor(), booking.currency()), bold(13)));
            for (PaymentRecord p : booking.payments()) {
                String extra = p.tenderedMinor() == null ? "" : "  tendered " + Money.format(p.tenderedMinor(), booking.currency())
                        + "  change " + Money.format(p.changeMinor(), booking.currency());
                document.add(new Paragraph(p.kind() + " " + p.method() + " " + Money.format(p.amountMinor(), booking.currency())
                        + extra, plain(10)));
            }
        });
        return file;
    }

    private void ticket(Document document, Booking booking, BookedSeat seat, boolean reprint) throws DocumentException {
        Image qr = qr(seat.qrPayload());
        qr.scaleAbsolute(150, 150);
        qr.setAbsolutePosition(TICKET.getWidth() - 170, 35);
        document.add(qr);
        document.add(new Paragraph(booking.eventTitle(), bold(16)));
        document.add(new Paragraph(when(booking), plain(10)));
        document.add(new Paragraph(seat.section() + " · Row " + seat.row() + " · Seat " + seat.number(), bold(14)));
        document.add(new Paragraph(seat.ticketType() + " · " + Money.format(seat.priceMinor(), booking.currency()), plain(11)));
        document.add(new Paragraph("Booking " + booking.code() + "   Ticket " + seat.ticketCode(), plain(9)));
        if (reprint) {
            Paragraph mark = new Paragraph("REPRINT", bold(22));
            mark.getFont().setColor(new Color(200, 30, 30));
            mark.setAlignment(Element.ALIGN_LEFT);
            document.add(mark);
        }
    }

    private static String when(Booking booking) {
        return booking.eventStartsAt() == null ? "" : WHEN.format(booking.eventStartsAt().atZone(ZoneId.systemDefault()));
    }

    static Image qr(String payload) {
        try {
            BitMatrix matrix = new QRCodeWriter().encode(payload, BarcodeFormat.QR_CODE, 300, 300,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 1));
            java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(matrix.getWidth(), matrix.getHeight(),
                    java.awt.image.BufferedImage.TYPE_BYTE_BINARY);
            for (int x = 0; x < matrix.getWidth(); x++) {
                for (int y = 0; y < matrix.getHeight(); y++) {
                    image.setRGB(x, y, matrix.get(x, y) ? 0x000000 : 0xFFFFFF);
                }
            }
            return Image.getInstance(image, null);
        } catch (WriterException | IOException e) {
            throw new IllegalStateException("QR code could not be drawn", e);
        }
    }

    private interface Content {
        void write(Document document) throws DocumentException;
    }

    private static void write(Path file, Rectangle size, Content content) throws IOException {
        Files.createDirectories(file.getParent());
        Document document = new Document(size, 18, 18, 18, 18);
        try (OutputStream out = Files.newOutputStream(file)) {
            PdfWriter.getInstance(document, out);
            document.open();
            content.write(document);
            document.close();
        } catch (DocumentException e) {
            throw new IOException("PDF could not be written: " + e.getMessage(), e);
        }
    }

    private static Font bold(float size) {
        return new Font(Font.HELVETICA, size, Font.BOLD);
    }

    private static Font plain(float size) {
        return new Font(Font.HELVETICA, size, Font.NORMAL);
    }
}
