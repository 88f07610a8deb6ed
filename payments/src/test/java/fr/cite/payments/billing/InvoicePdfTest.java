package fr.cite.payments.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class InvoicePdfTest {

  static InvoicePdf.Document invoice(int days) {
    List<InvoicePdf.Line> lines = new ArrayList<>();
    long total = 0;
    for (int i = 0; i < days; i++) {
      long cents = i % 5 == 0 ? 0 : 420;
      lines.add(
          new InvoicePdf.Line(
              i % 2 == 0 ? "Léa" : "Maximilien-Alexandre",
              LocalDate.of(2026, 11, 2).plusDays(i % 28),
              "Restaurant scolaire de l'école élémentaire Jules-Ferry",
              i % 5 == 0
                  ? "absence justifiée, QF 850, tranche 600–899, 2,90 € × 0 %"
                  : "réservé, QF 850, tranche 600–899, 4,20 €",
              cents));
      total += cents;
    }
    return new InvoicePdf.Document(
        InvoicePdf.Kind.INVOICE,
        "F-LH-PERISC-2026-000123",
        "Le Havre",
        "Régie périscolaire et restauration",
        "Hôtel de ville, guichet Famille",
        "Dominique Lefèvre, régisseuse",
        new HouseholdPeriod.Payer(
            "Camille Martin-Łukasiewicz de la Grande-Bretonnière",
            "parent@cite.localhost",
            "12 rue de Paris, bâtiment B, escalier 3",
            "76600",
            "Le Havre"),
        LocalDate.of(2026, 11, 1),
        LocalDate.of(2026, 11, 30),
        LocalDate.of(2026, 12, 2),
        LocalDate.of(2027, 1, 1),
        lines,
        total,
        0,
        true,
        "http://le-havre.localhost:8080/compte/famille/factures.xhtml");
  }

  @Test
  void anInvoiceSaysWhatIsDueHowToPayAndHowToContestIt() throws Exception {
    byte[] pdf = InvoicePdf.render(invoice(60));
    Files.createDirectories(Path.of("target"));
    Files.write(Path.of("target/invoice-sample.pdf"), pdf);
    try (PDDocument d = Loader.loadPDF(pdf)) {
      assertThat(d.getNumberOfPages()).isEqualTo(2);
      String text = new PDFTextStripper().getText(d);
      assertThat(text)
          .contains("Le Havre")
          .contains("F-LH-PERISC-2026-000123")
          .contains("Période : du 01/11/2026 au 30/11/2026")
          .contains("Reste à payer")
          .contains("À payer avant le 01/01/2027")
          .contains("en ligne")
          .contains("L1617-5")
          // A character the standard fonts cannot draw loses its accent, not the line.
          .contains("Martin-Lukasiewicz");
      assertThat(text).contains("(suite, page 2)");
    }
  }

  @Test
  void aReceiptNamesTheInvoiceAndTheAmount() throws Exception {
    InvoicePdf.Document i = invoice(3);
    byte[] pdf =
        InvoicePdf.render(
            new InvoicePdf.Document(
                InvoicePdf.Kind.RECEIPT,
                "R-LH-PERISC-2026-000007 — F-LH-PERISC-2026-000123",
                i.town(),
                i.regie(),
                i.counterAddress(),
                i.officer(),
                i.payer(),
                i.periodStart(),
                i.periodEnd(),
                LocalDate.of(2026, 12, 3),
                null,
                List.of(),
                840,
                840,
                false,
                null));
    try (PDDocument d = Loader.loadPDF(pdf)) {
      String text = new PDFTextStripper().getText(d);
      assertThat(text).contains("Reçu de paiement").contains("8,40 €").contains("Reste à payer");
    }
  }
}
