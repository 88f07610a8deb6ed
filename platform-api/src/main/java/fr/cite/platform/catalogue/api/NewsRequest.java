package fr.cite.platform.catalogue.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** Body of {@code POST /api/v1/catalogue/news}: a news item. */
public record NewsRequest(
    @NotBlank(message = "{validation.required}") @Size(max = 160, message = "{validation.too-long}")
        String titleFr,
    @Size(max = 160, message = "{validation.too-long}") String titleEn,
    @NotBlank(message = "{validation.required}") @Size(max = 600, message = "{validation.too-long}")
        String summaryFr,
    @Size(max = 600, message = "{validation.too-long}") String summaryEn,
    @Size(max = 500, message = "{validation.too-long}")
        @Pattern(regexp = ProcedureRequest.URL, message = "{validation.url}")
        String link,
    @NotNull(message = "{validation.required}") LocalDate publishedOn) {}
