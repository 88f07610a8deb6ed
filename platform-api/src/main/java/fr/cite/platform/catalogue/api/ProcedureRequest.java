package fr.cite.platform.catalogue.api;

import fr.cite.platform.catalogue.domain.ChannelKind;
import fr.cite.platform.catalogue.domain.Procedure;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * Body of {@code PUT /api/v1/catalogue/procedures/{slug}}: the whole procedure as the town writes
 * it. The body is HTML, sanitised on save; themes, profiles and related procedures by slug.
 */
public record ProcedureRequest(
    @NotBlank(message = "{validation.required}") @Size(max = 200, message = "{validation.too-long}")
        String titleFr,
    @Size(max = 200, message = "{validation.too-long}") String titleEn,
    @NotBlank(message = "{validation.required}") @Size(max = 500, message = "{validation.too-long}")
        String summaryFr,
    @Size(max = 500, message = "{validation.too-long}") String summaryEn,
    @Size(max = 20000, message = "{validation.too-long}") String bodyFr,
    @Size(max = 20000, message = "{validation.too-long}") String bodyEn,
    @Size(max = 500, message = "{validation.too-long}") String keywords,
    @Size(max = 2000, message = "{validation.too-long}") String documentsFr,
    @Size(max = 2000, message = "{validation.too-long}") String documentsEn,
    @Size(max = 300, message = "{validation.too-long}") String costFr,
    @Size(max = 300, message = "{validation.too-long}") String costEn,
    @Size(max = 300, message = "{validation.too-long}") String delayFr,
    @Size(max = 300, message = "{validation.too-long}") String delayEn,
    @Size(max = 500, message = "{validation.too-long}") String contactFr,
    @Size(max = 500, message = "{validation.too-long}") String contactEn,
    @Valid @Size(max = 12, message = "{validation.too-long}")
        List<@NotNull ChannelRequest> channels,
    @Valid @Size(max = 20, message = "{validation.too-long}") List<@NotNull LinkRequest> links,
    @Size(max = 10, message = "{validation.too-long}")
        List<@Pattern(regexp = SLUG, message = "{validation.slug}") String> themes,
    @Size(max = 10, message = "{validation.too-long}")
        List<@Pattern(regexp = SLUG, message = "{validation.slug}") String> profiles,
    @Size(max = 20, message = "{validation.too-long}")
        List<@Pattern(regexp = SLUG, message = "{validation.slug}") String> related,
    @NotNull(message = "{validation.required}") Procedure.Status status,
    @Min(value = 1, message = "{validation.range}")
        @Max(value = 1000, message = "{validation.range}")
        Integer editorialRank) {

  static final String SLUG = "[a-z0-9]+(-[a-z0-9]+)*";
  static final String URL = "(https?://[^\\s<>\"]+|/[^\\s<>\"]*)";

  /** One channel. */
  public record ChannelRequest(
      @NotNull(message = "{validation.required}") ChannelKind kind,
      @Size(max = 200, message = "{validation.too-long}") String labelFr,
      @Size(max = 200, message = "{validation.too-long}") String labelEn,
      @Size(max = 500, message = "{validation.too-long}")
          @Pattern(regexp = URL, message = "{validation.url}")
          String url,
      @Size(max = 300, message = "{validation.too-long}") String address,
      @Size(max = 300, message = "{validation.too-long}") String hoursFr,
      @Size(max = 300, message = "{validation.too-long}") String hoursEn,
      boolean appointment,
      @Pattern(regexp = "\\+?[0-9 .()-]{2,30}", message = "{validation.phone}") String phone,
      @Size(max = 1000, message = "{validation.too-long}") String detailsFr,
      @Size(max = 1000, message = "{validation.too-long}") String detailsEn) {

    /** Online needs a link, mail an address, phone a number. */
    @AssertTrue(message = "{validation.channel}")
    public boolean isComplete() {
      if (kind == null) {
        return true;
      }
      return switch (kind) {
        case ONLINE -> url != null && !url.isBlank();
        case MAIL -> address != null && !address.isBlank();
        case PHONE -> phone != null && !phone.isBlank();
        case COUNTER -> true;
      };
    }
  }

  /** A useful link. */
  public record LinkRequest(
      @NotBlank(message = "{validation.required}")
          @Size(max = 200, message = "{validation.too-long}")
          String labelFr,
      @Size(max = 200, message = "{validation.too-long}") String labelEn,
      @NotBlank(message = "{validation.required}")
          @Size(max = 500, message = "{validation.too-long}")
          @Pattern(regexp = URL, message = "{validation.url}")
          String url) {}
}
