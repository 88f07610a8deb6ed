package fr.cite.platform.catalogue.api;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** Body of {@code POST /api/v1/catalogue/highlights}: a highlight shown between two dates. */
public record HighlightRequest(
    @NotBlank(message = "{validation.required}") @Size(max = 160, message = "{validation.too-long}")
        String titleFr,
    @Size(max = 160, message = "{validation.too-long}") String titleEn,
    @NotBlank(message = "{validation.required}") @Size(max = 600, message = "{validation.too-long}")
        String textFr,
    @Size(max = 600, message = "{validation.too-long}") String textEn,
    @Size(max = 500, message = "{validation.too-long}")
        @Pattern(regexp = ProcedureRequest.URL, message = "{validation.url}")
        String link,
    @NotNull(message = "{validation.required}") LocalDate startsOn,
    @NotNull(message = "{validation.required}") LocalDate endsOn,
    @Min(value = 0, message = "{validation.range}")
        @Max(value = 100, message = "{validation.range}")
        int priority) {

  @AssertTrue(message = "{validation.dates}")
  public boolean isChronological() {
    return startsOn == null || endsOn == null || !endsOn.isBefore(startsOn);
  }
}
