package fr.cite.platform.requests.domain;

import static org.assertj.core.api.Assertions.assertThat;

import fr.cite.platform.i18n.LocalizedText;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FormCheckTest {

  static final LocalDate TODAY = LocalDate.of(2026, 11, 30);

  static FormSchema.Field field(String name, FieldType type, boolean required) {
    return new FormSchema.Field(
        name, type, LocalizedText.of(name, null), null, required, null, null, null, null, null);
  }

  final FormSchema schema =
      new FormSchema(
          List.of(
              field("adresse", FieldType.ADDRESS, true),
              new FormSchema.Field(
                  "volume",
                  FieldType.NUMBER,
                  LocalizedText.of("Volume", null),
                  null,
                  true,
                  0.5,
                  5.0,
                  null,
                  null,
                  null),
              new FormSchema.Field(
                  "date",
                  FieldType.DATE,
                  LocalizedText.of("Date", null),
                  null,
                  false,
                  2.0,
                  60.0,
                  null,
                  null,
                  null),
              new FormSchema.Field(
                  "choix",
                  FieldType.CHOICE,
                  LocalizedText.of("Choix", null),
                  null,
                  false,
                  null,
                  null,
                  null,
                  null,
                  List.of(new FormSchema.Option("a", LocalizedText.of("A", null)))),
              new FormSchema.Field(
                  "caf",
                  FieldType.TEXT,
                  LocalizedText.of("CAF", null),
                  null,
                  false,
                  null,
                  null,
                  7,
                  "[0-9]{7}",
                  null),
              field("courriel", FieldType.EMAIL, false),
              field("photo", FieldType.FILE, true),
              field("accord", FieldType.CHECKBOX, true)));

  @Test
  void acceptsGoodAnswersTrimmedAndDropsUnknownFields() {
    FormCheck.Result r =
        FormCheck.check(
            schema,
            Map.of(
                "adresse", List.of("  2 rue Haute "),
                "volume", List.of("2,5"),
                "date", List.of("2026-12-10"),
                "choix", List.of("a"),
                "caf", List.of("1234567"),
                "accord", List.of("on"),
                "pirate", List.of("<script>")),
            Map.of("photo", 1),
            false,
            TODAY);
    assertThat(r.violations()).isEmpty();
    assertThat(r.data())
        .containsEntry("adresse", List.of("2 rue Haute"))
        .containsEntry("accord", List.of("true"));
    assertThat(r.data()).doesNotContainKey("pirate");
  }

  @Test
  void namesEachProblem() {
    FormCheck.Result r =
        FormCheck.check(
            schema,
            Map.of(
                "volume", List.of("12"),
                "date", List.of("2026-12-01"),
                "choix", List.of("z"),
                "caf", List.of("12A4567"),
                "courriel", List.of("pas-une-adresse")),
            Map.of(),
            false,
            TODAY);
    assertThat(r.violations())
        .extracting(FormCheck.Violation::field, FormCheck.Violation::key)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("adresse", "validation.required"),
            org.assertj.core.groups.Tuple.tuple("volume", "validation.range"),
            org.assertj.core.groups.Tuple.tuple("date", "validation.date-range"),
            org.assertj.core.groups.Tuple.tuple("choix", "validation.choice"),
            org.assertj.core.groups.Tuple.tuple("caf", "validation.pattern"),
            org.assertj.core.groups.Tuple.tuple("courriel", "validation.email"),
            org.assertj.core.groups.Tuple.tuple("photo", "validation.required"),
            org.assertj.core.groups.Tuple.tuple("accord", "validation.required"));
  }

  @Test
  void aDraftIsCheckedForShapeOnly() {
    FormCheck.Result r =
        FormCheck.check(schema, Map.of("volume", List.of("abc")), Map.of(), true, TODAY);
    assertThat(r.violations())
        .extracting(FormCheck.Violation::key)
        .containsExactly("validation.number");
  }

  @Test
  void theSchemaSurvivesItsJson() {
    assertThat(FormSchema.parse(schema.toJson())).isEqualTo(schema);
  }
}
