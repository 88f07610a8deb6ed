package fr.cite.payments.billing;

import fr.cite.payments.domain.Money;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * Renders an invoice, a credit note or a payment receipt as an A4 PDF with PDFBox: the town and
 * régie, the family, the details per child and day (quotient, bracket, case), totals, the due date,
 * how to pay, and the legal recourse mention (CGCT L1617-5). Standard fonts (no file to ship); a
 * character they cannot draw is written without its accent.
 */
public final class InvoicePdf {

  /** What a document shows. */
  public record Document(
      Kind kind,
      String number,
      String town,
      String regie,
      String counterAddress,
      String officer,
      HouseholdPeriod.Payer payer,
      LocalDate periodStart,
      LocalDate periodEnd,
      LocalDate issuedOn,
      LocalDate dueDate,
      List<Line> lines,
      long totalCents,
      long paidCents,
      boolean payOnline,
      String portalUrl) {}

  /** Invoice, credit note, or payment receipt. */
  public enum Kind {
    INVOICE("Facture", "Invoice"),
    CREDIT_NOTE("Avoir", "Credit note"),
    RECEIPT("Reçu de paiement", "Payment receipt");

    final String fr;
    final String en;

    Kind(String fr, String en) {
      this.fr = fr;
      this.en = en;
    }
  }

  /** One row of the details: who, when, what, how priced, how much. */
  public record Line(
      String child, LocalDate day, String activity, String explanation, long amountCents) {}

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
  private static final float MARGIN = 50;
  private static final float LINE = 14;

  /** The standard fonts are not embedded: one instance serves every document. */
  private static final PDType1Font REGULAR = new PDType1Font(Standard14Fonts.FontName.HELVETICA);

  private static final PDType1Font BOLD = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);

  private InvoicePdf() {}

  public static byte[] render(Document d) {
    try (PDDocument pdf = new PDDocument()) {
      PDDocumentInformation info = pdf.getDocumentInformation();
      info.setTitle(d.kind().fr + " " + d.number());
      info.setAuthor(d.town() + " — " + d.regie());
      info.setCreator("Cité");
      new Writer(pdf, d).write();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      pdf.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Keeps what WinAnsi (the standard fonts' encoding) can draw; strips accents otherwise. */
  static String printable(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder b = new StringBuilder(s.length());
    for (char ch : s.toCharArray()) {
      if (ch == '\u202f' || ch == '\u00a0') {
        b.append(' ');
      } else if (ch == '–'
          || ch == '—'
          || ch == '€'
          || ch == '…'
          || ch == '’'
          || (ch >= 32 && ch < 256)) {
        b.append(ch == '’' ? '\'' : ch);
      } else {
        String base =
            switch (ch) {
              case 'Ł' -> "L";
              case 'ł' -> "l";
              case 'Đ' -> "D";
              case 'đ' -> "d";
              case 'ı' -> "i";
              default ->
                  Normalizer.normalize(String.valueOf(ch), Normalizer.Form.NFD)
                      .replaceAll("\\p{M}", "");
            };
        b.append(base.length() == 1 && base.charAt(0) < 256 ? base : "?");
      }
    }
    return b.toString();
  }

  private static final class Writer {
    final PDDocument pdf;
    final Document d;
    final PDType1Font regular = REGULAR;
    final PDType1Font bold = BOLD;
    PDPageContentStream out;
    float y;
    int page;

    Writer(PDDocument pdf, Document d) {
      this.pdf = pdf;
      this.d = d;
    }

    void write() throws IOException {
      newPage();
      header();
      if (d.kind() != Kind.RECEIPT) {
        details();
      }
      totals();
      footer();
      out.close();
    }

    void newPage() throws IOException {
      if (out != null) {
        out.close();
      }
      PDPage p = new PDPage(PDRectangle.A4);
      pdf.addPage(p);
      out = new PDPageContentStream(pdf, p);
      page++;
      y = PDRectangle.A4.getHeight() - MARGIN;
      if (page > 1) {
        text(bold, 9, MARGIN, y, d.kind().fr + " " + d.number() + " (suite, page " + page + ")");
        y -= 2 * LINE;
      }
    }

    void ensure(float space) throws IOException {
      if (y - space < MARGIN + 40) {
        newPage();
      }
    }

    void text(PDType1Font font, float size, float x, float at, String s) throws IOException {
      out.beginText();
      out.setFont(font, size);
      out.newLineAtOffset(x, at);
      out.showText(printable(s));
      out.endText();
    }

    void right(PDType1Font font, float size, float xRight, float at, String s) throws IOException {
      float w = font.getStringWidth(printable(s)) / 1000 * size;
      text(font, size, xRight - w, at, s);
    }

    float width() {
      return PDRectangle.A4.getWidth() - 2 * MARGIN;
    }

    void rule() throws IOException {
      out.setLineWidth(0.5f);
      out.moveTo(MARGIN, y);
      out.lineTo(MARGIN + width(), y);
      out.stroke();
    }

    String money(long cents) {
      return Money.ofCents(cents).format(Locale.FRANCE);
    }

    void header() throws IOException {
      text(bold, 16, MARGIN, y, d.town());
      right(bold, 16, MARGIN + width(), y, d.kind().fr);
      y -= LINE + 4;
      text(regular, 10, MARGIN, y, fit(regular, 10, d.regie(), width() / 2));
      right(regular, 10, MARGIN + width(), y, "N° " + d.number());
      y -= LINE;
      if (d.counterAddress() != null) {
        text(regular, 9, MARGIN, y, d.counterAddress());
      }
      right(regular, 10, MARGIN + width(), y, "Émise le " + DAY.format(d.issuedOn()));
      y -= 2 * LINE;
      HouseholdPeriod.Payer p = d.payer();
      float x = MARGIN + width() / 2 + 20;
      if (p != null) {
        float room = MARGIN + width() - x;
        text(bold, 11, x, y, fit(bold, 11, p.name(), room));
        y -= LINE;
        for (String l : new String[] {p.address(), join(p.postcode(), p.city())}) {
          if (l != null && !l.isBlank()) {
            text(regular, 10, x, y, fit(regular, 10, l, room));
            y -= LINE;
          }
        }
      }
      y -= LINE;
      text(
          regular,
          10,
          MARGIN,
          y,
          "Période : du " + DAY.format(d.periodStart()) + " au " + DAY.format(d.periodEnd()));
      y -= 1.5f * LINE;
    }

    void details() throws IOException {
      float[] col = {MARGIN, MARGIN + 80, MARGIN + 135, MARGIN + 245};
      ensure(3 * LINE);
      text(bold, 9, col[0], y, "Enfant");
      text(bold, 9, col[1], y, "Jour");
      text(bold, 9, col[2], y, "Activité");
      text(bold, 9, col[3], y, "Calcul");
      right(bold, 9, MARGIN + width(), y, "Montant");
      y -= 4;
      rule();
      y -= LINE;
      for (Line l : d.lines()) {
        ensure(LINE);
        text(regular, 8.5f, col[0], y, fit(regular, 8.5f, l.child(), col[1] - col[0] - 6));
        text(regular, 8.5f, col[1], y, DAY.format(l.day()));
        text(regular, 8.5f, col[2], y, fit(regular, 8.5f, l.activity(), col[3] - col[2] - 6));
        text(
            regular,
            8.5f,
            col[3],
            y,
            fit(regular, 8.5f, l.explanation(), MARGIN + width() - 52 - col[3]));
        right(regular, 8.5f, MARGIN + width(), y, money(l.amountCents()));
        y -= LINE;
      }
      y -= 4;
      rule();
      y -= LINE;
    }

    void totals() throws IOException {
      ensure(5 * LINE);
      float label = MARGIN + width() - 220;
      if (d.kind() == Kind.RECEIPT) {
        text(bold, 11, MARGIN, y, "Paiement reçu pour la facture " + d.number());
        y -= 1.5f * LINE;
      }
      text(regular, 10, label, y, d.kind() == Kind.CREDIT_NOTE ? "Montant de l'avoir" : "Total");
      right(bold, 10, MARGIN + width(), y, money(d.totalCents()));
      y -= LINE;
      if (d.kind() != Kind.CREDIT_NOTE) {
        text(regular, 10, label, y, "Déjà payé");
        right(regular, 10, MARGIN + width(), y, money(d.paidCents()));
        y -= LINE;
        text(bold, 11, label, y, "Reste à payer");
        right(bold, 11, MARGIN + width(), y, money(d.totalCents() - d.paidCents()));
        y -= LINE;
        if (d.dueDate() != null && d.kind() == Kind.INVOICE) {
          text(regular, 10, label, y, "À payer avant le " + DAY.format(d.dueDate()));
          y -= LINE;
        }
      }
      y -= LINE;
    }

    void footer() throws IOException {
      List<String> lines = new ArrayList<>();
      if (d.kind() == Kind.INVOICE) {
        lines.add("Comment payer :");
        if (d.payOnline()) {
          lines.add(
              "- en ligne, par carte bancaire, depuis votre espace famille : " + d.portalUrl());
        }
        lines.add(
            "- au guichet de la régie"
                + (d.counterAddress() == null ? "" : " (" + d.counterAddress() + ")")
                + ", par chèque à l'ordre du Trésor public, en espèces ou par carte ;");
        lines.add("- par prélèvement automatique, sur demande à la régie.");
        lines.add("");
      }
      if (d.kind() == Kind.CREDIT_NOTE) {
        lines.add("Cet avoir est remboursé par la régie ou déduit de vos prochaines factures.");
        lines.add("");
      }
      lines.add(
          "Voies et délais de recours : dans un délai de deux mois suivant la réception de ce"
              + " document, vous pouvez");
      lines.add(
          "contester la somme en saisissant le tribunal judiciaire ou le tribunal administratif"
              + " selon la nature de la créance");
      lines.add("(article L1617-5 du code général des collectivités territoriales).");
      if (d.officer() != null) {
        lines.add("");
        lines.add("Le régisseur : " + d.officer());
      }
      ensure(lines.size() * 12);
      for (String l : lines) {
        text(regular, 8.5f, MARGIN, y, l);
        y -= 12;
      }
    }

    static String join(String a, String b) {
      return ((a == null ? "" : a) + " " + (b == null ? "" : b)).strip();
    }

    /** The text as it fits the width, cut with an ellipsis when it does not. */
    static String fit(PDType1Font font, float size, String s, float width) throws IOException {
      String t = printable(s);
      if (font.getStringWidth(t) / 1000 * size <= width) {
        return t;
      }
      while (!t.isEmpty() && font.getStringWidth(t + "…") / 1000 * size > width) {
        t = t.substring(0, t.length() - 1);
      }
      return t.strip() + "…";
    }
  }
}
