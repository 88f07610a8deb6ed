package fr.cite.payments.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/** The typed bodies of the billing and payment API, checked by Bean Validation. */
public final class BillingBodies {

  private BillingBodies() {}

  /** Body of {@code POST /v1/desk/billing/regies}. */
  public record RegieBody(
      @NotBlank(message = "{validation.required}")
          @Pattern(regexp = "^[a-z0-9-]{2,24}$", message = "{validation.slug}")
          String code,
      @NotBlank(message = "{validation.required}")
          @Size(max = 160, message = "{validation.too-long}")
          String nameFr,
      @Size(max = 160, message = "{validation.too-long}") String nameEn,
      @Pattern(regexp = "^[A-Z0-9-]{1,16}$", message = "{validation.pattern}") String numberPrefix,
      Boolean sepaEnabled,
      @Min(value = 1, message = "{validation.range}")
          @Max(value = 120, message = "{validation.range}")
          Integer dueDays,
      @Size(max = 300, message = "{validation.too-long}") String counterAddress,
      @Size(max = 200, message = "{validation.too-long}") String officerName) {}

  /** Body of {@code PUT /v1/desk/billing/request-fees/{typeId}}: a request type's fee. */
  public record RequestFeeBody(
      @NotNull(message = "{validation.required}") Long regieId,
      @NotNull(message = "{validation.required}")
          @Min(value = 1, message = "{validation.range}")
          @Max(value = 1000000, message = "{validation.range}")
          Integer amountCents,
      @NotBlank(message = "{validation.required}")
          @Size(max = 160, message = "{validation.too-long}")
          String labelFr,
      @Size(max = 160, message = "{validation.too-long}") String labelEn) {}

  /** Body of {@code PUT /v1/desk/billing/activities/{id}}: which régie bills it. */
  public record ActivityRegieBody(@NotNull(message = "{validation.required}") Long regieId) {}

  /** One bracket of a tariff. */
  public record BracketBody(
      @NotNull(message = "{validation.required}")
          @Min(value = 0, message = "{validation.range}")
          @Max(value = 100000, message = "{validation.range}")
          Integer quotientMin,
      @Min(value = 1, message = "{validation.range}")
          @Max(value = 100000, message = "{validation.range}")
          Integer quotientMax,
      @NotNull(message = "{validation.required}") Boolean resident,
      @Min(value = 1, message = "{validation.range}")
          @Max(value = 10, message = "{validation.range}")
          Integer siblingRankMin,
      @NotNull(message = "{validation.required}")
          @Min(value = 0, message = "{validation.range}")
          @Max(value = 1000000, message = "{validation.range}")
          Integer unitCents) {}

  /** Body of {@code POST /v1/desk/billing/tariffs}: a new version of an activity's tariff. */
  public record TariffBody(
      @NotNull(message = "{validation.required}") Long activityId,
      @NotNull(message = "{validation.required}") LocalDate validFrom,
      LocalDate validTo,
      @NotNull(message = "{validation.required}")
          @Pattern(regexp = "^(MEAL|HALF_DAY|DAY|SESSION|HOUR)$", message = "{validation.pattern}")
          String unit,
      @Min(value = 0, message = "{validation.range}")
          @Max(value = 300, message = "{validation.range}")
          Integer unjustifiedPercent,
      @Min(value = 0, message = "{validation.range}")
          @Max(value = 100, message = "{validation.range}")
          Integer justifiedPercent,
      @Min(value = 0, message = "{validation.range}")
          @Max(value = 300, message = "{validation.range}")
          Integer unbookedPercent,
      @Min(value = 0, message = "{validation.range}")
          @Max(value = 100000, message = "{validation.range}")
          Integer unbookedExtraCents,
      @Min(value = 0, message = "{validation.range}")
          @Max(value = 300, message = "{validation.range}")
          Integer latePercent,
      @Size(max = 60, message = "{validation.too-long}")
          List<@NotNull(message = "{validation.required}") @Valid BracketBody> brackets,
      @Valid HourlyBody hourly) {}

  /**
   * A crèche's price by the hour (unit {@code HOUR}, no brackets): monthly resources between a
   * floor and a ceiling, times the effort rate for 1, 2, 3… children (parts per million: 0.0619 %
   * is 619).
   */
  public record HourlyBody(
      @NotNull(message = "{validation.required}")
          @Min(value = 0, message = "{validation.range}")
          @Max(value = 100000000, message = "{validation.range}")
          Integer resourcesFloorCents,
      @NotNull(message = "{validation.required}")
          @Min(value = 1, message = "{validation.range}")
          @Max(value = 100000000, message = "{validation.range}")
          Integer resourcesCeilingCents,
      @NotEmpty(message = "{validation.required}")
          @Size(max = 12, message = "{validation.too-long}")
          List<
                  @NotNull(message = "{validation.required}")
                  @Min(value = 1, message = "{validation.range}")
                  @Max(value = 100000, message = "{validation.range}") Integer>
              effortRatesPpm) {}

  /**
   * Body of {@code POST /v1/desk/billing/runs}: a régie and a month ({@code 2026-11}); {@code
   * corrective}: a corrective run of a month already issued.
   */
  public record RunBody(
      @NotNull(message = "{validation.required}") Long regieId,
      @NotNull(message = "{validation.required}")
          @Pattern(regexp = "^\\d{4}-(0[1-9]|1[0-2])$", message = "{validation.pattern}")
          String month,
      Boolean corrective) {}

  /** Body of {@code POST /v1/family/billing/invoices/{id}/checkout}: the whole balance. */
  public record CheckoutBody(
      @NotNull(message = "{validation.required}")
          @Min(value = 1, message = "{validation.range}")
          @Max(value = 100000000, message = "{validation.range}")
          Long amountCents) {}

  /** Body of {@code POST /v1/desk/billing/payments/{id}/refunds}: how much and why. */
  public record RefundBody(
      @NotNull(message = "{validation.required}")
          @Min(value = 1, message = "{validation.range}")
          @Max(value = 100000000, message = "{validation.range}")
          Long amountCents,
      @NotBlank(message = "{validation.required}")
          @Size(max = 500, message = "{validation.too-long}")
          String reason) {}
}
