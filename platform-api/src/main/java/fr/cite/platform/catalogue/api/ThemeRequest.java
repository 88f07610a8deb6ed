package fr.cite.platform.catalogue.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code PUT /api/v1/admin/catalogue/themes/{slug}} and of {@code …/profiles/{slug}} (where
 * {@code parent} does not apply): the name citizens read, an optional description, the position in
 * lists, and for a sub-theme the slug of its top-level theme.
 */
public record ThemeRequest(
    @Pattern(regexp = ProcedureRequest.SLUG, message = "{validation.slug}") String parent,
    @NotBlank(message = "{validation.required}") @Size(max = 120, message = "{validation.too-long}")
        String nameFr,
    @Size(max = 120, message = "{validation.too-long}") String nameEn,
    @Size(max = 400, message = "{validation.too-long}") String descriptionFr,
    @Size(max = 400, message = "{validation.too-long}") String descriptionEn,
    @Min(value = 0, message = "{validation.range}")
        @Max(value = 1000, message = "{validation.range}")
        int position) {}
