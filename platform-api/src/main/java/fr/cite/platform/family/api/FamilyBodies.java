package fr.cite.platform.family.api;

import fr.cite.platform.family.domain.Child;
import fr.cite.platform.family.domain.Weekdays;
import fr.cite.platform.problem.ProblemException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Base64;
import java.util.List;

/**
 * The typed bodies of the family API: records bound by JSON-B (dates as {@code 2026-12-07}, times
 * as {@code 08:30}) and checked by Bean Validation before any endpoint runs.
 */
public final class FamilyBodies {

  private FamilyBodies() {}

  static final String PHONE = "^[0-9+ .()-]{6,30}$";

  /** Body of {@code PUT /v1/family/household}: its address, resident in the town or not. */
  public record HouseholdBody(
      @Size(max = 300, message = "{validation.too-long}") String address,
      @Size(max = 10, message = "{validation.too-long}") String postcode,
      @Size(max = 120, message = "{validation.too-long}") String city,
      @NotNull(message = "{validation.required}") Boolean resident) {}

  /** Someone allowed to pick a child up. */
  public record PickupBody(
      @NotBlank(message = "{validation.required}")
          @Size(max = 200, message = "{validation.too-long}")
          String name,
      @NotBlank(message = "{validation.required}")
          @Pattern(regexp = PHONE, message = "{validation.phone}")
          String phone) {}

  /** Body of {@code POST /v1/family/children} and {@code PUT /v1/family/children/{id}}. */
  public record ChildBody(
      @NotBlank(message = "{validation.required}")
          @Size(max = 80, message = "{validation.too-long}")
          String firstName,
      @NotBlank(message = "{validation.required}")
          @Size(max = 80, message = "{validation.too-long}")
          String lastName,
      @NotNull(message = "{validation.required}") LocalDate birthDate,
      @Size(max = 120, message = "{validation.too-long}") String school,
      @Size(max = 40, message = "{validation.too-long}") String classLevel,
      @Size(max = 500, message = "{validation.too-long}") String allergies,
      Boolean pai,
      Boolean imageRights,
      @Size(max = 200, message = "{validation.too-long}") String emergencyName,
      @Pattern(regexp = PHONE, message = "{validation.phone}") String emergencyPhone,
      @Size(max = 10, message = "{validation.too-long}") List<@NotNull @Valid PickupBody> pickup) {

    public Child.Details details() {
      return new Child.Details(
          firstName.strip(),
          lastName.strip(),
          birthDate,
          blank(school),
          blank(classLevel),
          blank(allergies),
          Boolean.TRUE.equals(pai),
          Boolean.TRUE.equals(imageRights),
          blank(emergencyName),
          blank(emergencyPhone),
          pickup == null
              ? List.of()
              : pickup.stream()
                  .map(p -> new Child.Pickup(p.name().strip(), p.phone().strip()))
                  .toList());
    }
  }

  /** Body of {@code POST /v1/family/guardians}: the second adult to invite. */
  public record InvitationBody(
      @NotBlank(message = "{validation.required}")
          @Size(max = 200, message = "{validation.too-long}")
          String name,
      @NotBlank(message = "{validation.required}")
          @jakarta.validation.constraints.Email(message = "{validation.email}")
          @Size(max = 254, message = "{validation.too-long}")
          String email) {}

  /** A file in base 64. */
  public record FileBody(
      @NotBlank(message = "{validation.required}")
          @Size(max = 200, message = "{validation.too-long}")
          String fileName,
      @NotBlank(message = "{validation.required}") String content) {

    public byte[] bytes() {
      try {
        return Base64.getMimeDecoder().decode(content);
      } catch (IllegalArgumentException e) {
        throw ProblemException.invalidFields(
            List.of(new ProblemException.FieldProblem("content", "validation.base64", List.of())));
      }
    }
  }

  /** Body of {@code POST /v1/family/documents}. */
  public record DocumentBody(
      @NotBlank(message = "{validation.required}")
          @Pattern(
              regexp =
                  "ADDRESS_PROOF|QUOTIENT_CERTIFICATE|VACCINATION|PAI|MEDICAL_CERTIFICATE|OTHER",
              message = "{validation.choice}")
          String kind,
      Long childId,
      LocalDate validFrom,
      LocalDate validTo,
      @NotNull(message = "{validation.required}") @Valid FileBody file) {}

  /** Body of {@code POST /v1/family/quotients}. */
  public record QuotientBody(
      @NotNull(message = "{validation.required}")
          @Min(value = 0, message = "{validation.range}")
          @Max(value = 100000, message = "{validation.range}")
          Integer value,
      @Min(value = 0, message = "{validation.range}")
          @Max(value = 100000000, message = "{validation.range}")
          Integer monthlyResourcesCents,
      @NotBlank(message = "{validation.required}")
          @Pattern(regexp = "CAF|MSA|MANUAL", message = "{validation.choice}")
          String source,
      @NotNull(message = "{validation.required}") LocalDate validFrom,
      LocalDate validTo,
      @NotNull(message = "{validation.required}") @Valid FileBody certificate) {}

  /** Days of the week as names ({@code MONDAY}) or ISO numbers ({@code 1}). */
  static int weekdays(List<String> days) {
    try {
      return Weekdays.parse(days);
    } catch (IllegalArgumentException e) {
      throw ProblemException.invalidFields(
          List.of(new ProblemException.FieldProblem("weekdays", "validation.choice", List.of())));
    }
  }

  /** Body of {@code POST /v1/family/registrations}. */
  public record RegistrationBody(
      @NotNull(message = "{validation.required}") Long childId,
      @NotNull(message = "{validation.required}") Long activityId,
      @NotNull(message = "{validation.required}") LocalDate from,
      @NotNull(message = "{validation.required}") LocalDate to,
      @NotEmpty(message = "{validation.required}") @Size(max = 7, message = "{validation.too-long}")
          List<@NotNull @Size(max = 10) String> weekdays) {}

  /** Body of {@code POST /v1/family/children/{id}/bookings}: one day, or a pattern until a date. */
  public record BookingBody(
      Long sessionId,
      Long activityId,
      @Size(max = 7, message = "{validation.too-long}")
          List<@NotNull @Size(max = 10) String> weekdays,
      LocalDate from,
      LocalDate until,
      @NotNull(message = "{validation.required}")
          @Pattern(regexp = "BOOK|CANCEL", message = "{validation.choice}")
          String action) {}

  /** Body of {@code POST /v1/family/absences}. */
  public record AbsenceBody(
      @NotNull(message = "{validation.required}") Long childId,
      @NotNull(message = "{validation.required}") LocalDate firstDay,
      @NotNull(message = "{validation.required}") LocalDate lastDay,
      @NotNull(message = "{validation.required}") @Valid FileBody certificate) {}

  /** Body of {@code POST /v1/family/creche-applications}. */
  public record CrecheBody(
      @NotNull(message = "{validation.required}") Long childId,
      @NotNull(message = "{validation.required}") LocalDate start,
      @NotEmpty(message = "{validation.required}") @Size(max = 5, message = "{validation.too-long}")
          List<@NotNull @Size(max = 10) String> weekdays,
      @NotNull(message = "{validation.required}") LocalTime arrival,
      @NotNull(message = "{validation.required}") LocalTime departure,
      @NotEmpty(message = "{validation.required}")
          @Size(max = 10, message = "{validation.too-long}")
          List<@NotNull Long> preferences,
      @Size(max = 4, message = "{validation.too-long}")
          List<
                  @NotNull
                  @Pattern(
                      regexp = "SIBLING|BOTH_WORKING|SINGLE_PARENT|DISABILITY",
                      message = "{validation.choice}")
                  String>
              criteria) {}

  /** Body of {@code POST /v1/family/creche-applications/{id}/answer}. */
  public record AnswerBody(@NotNull(message = "{validation.required}") Boolean accept) {}

  // ---------------------------------------------------------------- staff

  /** Body of {@code POST /v1/desk/family/registrations/{id}/decision}. */
  public record DecisionBody(
      @NotBlank(message = "{validation.required}")
          @Pattern(regexp = "ACCEPT|ASK_DOCUMENT|REFUSE", message = "{validation.choice}")
          String decision,
      @Size(max = 1000, message = "{validation.too-long}") String message) {}

  /** Body of {@code POST /v1/desk/family/documents/{id}/check} (and quotients, absences). */
  public record CheckBody(
      @NotNull(message = "{validation.required}") Boolean accept,
      LocalDate validFrom,
      LocalDate validTo,
      @Min(value = 0, message = "{validation.range}")
          @Max(value = 100000, message = "{validation.range}")
          Integer value,
      @Size(max = 500, message = "{validation.too-long}") String reason) {}

  /** Body of {@code POST /v1/desk/family/sessions/{id}/register}: one child's mark. */
  public record MarkBody(
      @NotNull(message = "{validation.required}") Long childId,
      @NotBlank(message = "{validation.required}")
          @Pattern(regexp = "PRESENT|ABSENT|UNBOOKED_PRESENT", message = "{validation.choice}")
          String mark) {}

  /** Body of {@code POST /v1/desk/family/closures}. */
  public record ClosureBody(
      Long activityId,
      @NotNull(message = "{validation.required}") LocalDate day,
      @NotBlank(message = "{validation.required}")
          @Size(max = 200, message = "{validation.too-long}")
          String reason) {}

  /** Body of {@code POST /v1/desk/family/creche-applications/{id}/offer}. */
  public record OfferBody(
      @NotNull(message = "{validation.required}") Long crecheId,
      @NotNull(message = "{validation.required}") LocalDate start,
      @NotNull(message = "{validation.required}") LocalDate deadline) {}

  /** Body of {@code POST /v1/desk/family/bookings/generate}: the period to book. */
  public record PeriodBody(
      @NotNull(message = "{validation.required}") LocalDate from,
      @NotNull(message = "{validation.required}") LocalDate to) {}

  /** Body of {@code PUT /v1/desk/family/activities/{slug}}. */
  public record ActivityBody(
      @NotBlank(message = "{validation.required}")
          @Pattern(regexp = "CANTEEN|AFTER_SCHOOL|LEISURE|CRECHE", message = "{validation.choice}")
          String kind,
      @NotBlank(message = "{validation.required}")
          @Size(max = 160, message = "{validation.too-long}")
          String nameFr,
      @Size(max = 160, message = "{validation.too-long}") String nameEn,
      @NotBlank(message = "{validation.required}")
          @Size(max = 160, message = "{validation.too-long}")
          String site,
      @NotNull(message = "{validation.required}")
          @Min(value = 1, message = "{validation.range}")
          @Max(value = 5000, message = "{validation.range}")
          Integer capacity,
      @NotBlank(message = "{validation.required}")
          @Pattern(
              regexp = "SCHOOL_DAYS|WEDNESDAYS|HOLIDAYS|WORKING_DAYS",
              message = "{validation.choice}")
          String days,
      @NotEmpty(message = "{validation.required}") @Size(max = 7, message = "{validation.too-long}")
          List<@NotNull @Size(max = 10) String> weekdays,
      @NotNull(message = "{validation.required}") LocalTime start,
      @NotNull(message = "{validation.required}") LocalTime end,
      @NotBlank(message = "{validation.required}")
          @Size(max = 120, message = "{validation.too-long}")
          String bookRule,
      @NotBlank(message = "{validation.required}")
          @Size(max = 120, message = "{validation.too-long}")
          String cancelRule,
      @NotBlank(message = "{validation.required}")
          @Pattern(regexp = "REFUSE|SURCHARGE|AGENT_ONLY", message = "{validation.choice}")
          String latePolicy,
      @Min(value = 0, message = "{validation.range}")
          @Max(value = 200, message = "{validation.range}")
          Integer surchargePercent,
      @Min(value = 0, message = "{validation.range}")
          @Max(value = 60, message = "{validation.range}")
          Integer absenceDays,
      @Size(max = 40, message = "{validation.too-long}") String ageGroup,
      @Size(max = 130, message = "{validation.too-long}") String procedureSlug) {}

  static String blank(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
