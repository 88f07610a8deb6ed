package fr.cite.platform.towns.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** Body of {@code PUT /api/v1/platform/towns/{slug}/branding}: two {@code #rrggbb} colours. */
public record BrandingRequest(
    @NotNull(message = "{validation.required}")
        @Pattern(regexp = "#[0-9a-fA-F]{6}", message = "{validation.color}")
        String primaryColor,
    @NotNull(message = "{validation.required}")
        @Pattern(regexp = "#[0-9a-fA-F]{6}", message = "{validation.color}")
        String secondaryColor) {}
