package fr.cite.platform.incidents.api;

import fr.cite.platform.incidents.application.IncidentReports;
import fr.cite.platform.requests.api.RequestBodies;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/** The typed bodies of the incidents API, checked by Bean Validation before any endpoint runs. */
public final class IncidentBodies {

  private IncidentBodies() {}

  public static final String CODE = "^[a-z0-9-]{2,60}$";

  /**
   * A report: where (a position and how it was placed), what (a category, a text, photos), who
   * (signed in, or an e-mail), and the key of the draft it comes from (sent once whatever the
   * retries).
   */
  public record Report(
      @NotBlank(message = "{validation.required}")
          @Pattern(regexp = CODE, message = "{validation.slug}")
          String category,
      @NotNull(message = "{validation.required}") Double lat,
      @NotNull(message = "{validation.required}") Double lon,
      @Min(value = 0, message = "{validation.range}")
          @Max(value = 100_000, message = "{validation.range}")
          Integer accuracy,
      @Pattern(regexp = "^(GPS|MAP|ADDRESS)$", message = "{validation.required}") String source,
      @Size(max = 300, message = "{validation.too-long}") String address,
      @Size(max = 2000, message = "{validation.too-long}") String description,
      IncidentReports.ShownAs shownAs,
      @Size(max = 3, message = "{validation.too-long}") List<RequestBodies.@Valid FileBody> photos,
      @Email(message = "{validation.email}") @Size(max = 254, message = "{validation.email}")
          String email,
      @Size(max = 200, message = "{validation.too-long}") String name,
      @Pattern(regexp = "^[A-Za-z0-9_-]{8,80}$", message = "{validation.slug}")
          String idempotencyKey,
      @Size(max = 40, message = "{validation.too-long}")
          java.util.Map<
                  @Size(max = 41, message = "{validation.too-long}") String,
                  @Size(max = 20, message = "{validation.too-long}") List<
                      @NotNull @Size(max = 2000, message = "{validation.too-long}") String>>
              answers) {}

  /** Follow a report ("me too"). */
  public record Follow(
      @NotBlank(message = "{validation.required}")
          @Email(message = "{validation.email}")
          @Size(max = 254, message = "{validation.email}")
          String email) {}

  /** Stop following: the token of the link the follower's e-mails carry. */
  public record Unfollow(
      @NotBlank(message = "{validation.required}")
          @Pattern(
              regexp = "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$",
              message = "{validation.pattern}")
          String token) {}

  /** The reporter's "fixed?" answer; without an account, with the tracking code. */
  public record Answer(
      @NotNull(message = "{validation.required}") IncidentReports.Answer answer,
      @Size(max = 1000, message = "{validation.too-long}") String comment,
      @Size(max = 40, message = "{validation.too-long}") String code) {}

  /** A status change by an agent. */
  public record Move(
      @NotNull(message = "{validation.required}")
          fr.cite.platform.incidents.domain.IncidentStatus status,
      @Size(max = 1000, message = "{validation.too-long}") String message,
      @Size(max = 2000, message = "{validation.too-long}") String note) {}

  /** Requalifying: another category, another place, or both. */
  public record Requalify(
      @Pattern(regexp = CODE, message = "{validation.slug}") String category,
      Double lat,
      Double lon) {}

  /** Merging into the report kept. */
  public record Merge(@NotNull(message = "{validation.required}") Long into) {}

  /** A rectangle to hide on a photo, in fractions of its width and height. */
  public record Mask(
      @NotNull(message = "{validation.required}") Double x,
      @NotNull(message = "{validation.required}") Double y,
      @NotNull(message = "{validation.required}") Double w,
      @NotNull(message = "{validation.required}") Double h) {}

  public record PhotoModeration(
      @NotNull(message = "{validation.required}") Long photo,
      Boolean hidden,
      @Size(max = 20, message = "{validation.too-long}") List<@Valid @NotNull Mask> masks) {}

  /** What is published of a report. */
  public record Moderation(
      @Size(max = 2000, message = "{validation.too-long}") String text,
      Boolean hide,
      @Size(max = 3, message = "{validation.too-long}")
          List<@Valid @NotNull PhotoModeration> photos) {}

  public record Schedule(@NotNull(message = "{validation.required}") LocalDate on) {}

  // ---- set-up

  public record Service(
      @NotBlank(message = "{validation.required}")
          @Size(max = 160, message = "{validation.too-long}")
          String nameFr,
      @Size(max = 160, message = "{validation.too-long}") String nameEn,
      @Email(message = "{validation.email}") @Size(max = 254, message = "{validation.email}")
          String email,
      @Size(max = 200, message = "{validation.too-long}")
          List<@NotNull @Email(message = "{validation.email}") String> agents) {}

  /**
   * A category of the tree.
   *
   * @param form its own fields, written as a request type's form ({@code {"fields": [{"name",
   *     "type", "label": {"fr", "en"}, "required", ...}]}}, no file field: photos are the
   *     report's); omitted, the fields stay as they are
   */
  public record Category(
      @Pattern(regexp = CODE, message = "{validation.slug}") String parent,
      @NotBlank(message = "{validation.required}")
          @Size(max = 160, message = "{validation.too-long}")
          String nameFr,
      @Size(max = 160, message = "{validation.too-long}") String nameEn,
      Boolean isPublic,
      Boolean photoRequired,
      @Min(value = 0, message = "{validation.range}")
          @Max(value = 2000, message = "{validation.range}")
          Integer duplicateRadius,
      Boolean reopenAllowed,
      @Min(value = 0, message = "{validation.range}")
          @Max(value = 365, message = "{validation.range}")
          Integer expectedDays,
      @Size(max = 1000, message = "{validation.too-long}") String messageFr,
      @Size(max = 1000, message = "{validation.too-long}") String messageEn,
      @Pattern(regexp = "^[a-z0-9-]{2,40}$", message = "{validation.slug}") String service,
      @Min(value = 0, message = "{validation.range}")
          @Max(value = 10_000, message = "{validation.range}")
          Integer position,
      jakarta.json.JsonObject form) {}

  /** A GeoJSON polygon: its outer ring of [longitude, latitude] pairs. */
  public record Polygon(
      @NotNull(message = "{validation.required}")
          @Pattern(regexp = "^Polygon$", message = "{validation.required}")
          String type,
      @NotNull(message = "{validation.required}")
          @Size(min = 1, max = 20, message = "{validation.too-long}")
          List<
                  @NotNull @Size(max = 5000, message = "{validation.too-long}") List<
                      @NotNull @Size(min = 2, max = 3, message = "{validation.required}") List<
                          @NotNull Double>>>
              coordinates) {}

  public record FeatureProperties(
      @Size(max = 160, message = "{validation.too-long}") String name,
      @Size(max = 20, message = "{validation.too-long}") String kind) {}

  public record Feature(
      FeatureProperties properties,
      @NotNull(message = "{validation.required}") @Valid Polygon geometry) {}

  /** Sectors imported from a GeoJSON FeatureCollection of polygons. */
  public record FeatureCollection(
      @NotNull(message = "{validation.required}")
          @Size(min = 1, max = 5000, message = "{validation.too-long}")
          List<@NotNull @Valid Feature> features) {}

  public record Rule(
      @NotNull(message = "{validation.required}")
          @Min(value = 0, message = "{validation.range}")
          @Max(value = 100_000, message = "{validation.range}")
          Integer priority,
      @Pattern(regexp = CODE, message = "{validation.slug}") String category,
      Long sector,
      @NotBlank(message = "{validation.required}")
          @Pattern(regexp = "^[a-z0-9-]{2,40}$", message = "{validation.slug}")
          String service) {}

  public record Template(
      @NotBlank(message = "{validation.required}")
          @Size(max = 1000, message = "{validation.too-long}")
          String textFr,
      @Size(max = 1000, message = "{validation.too-long}") String textEn) {}

  public record ApiKey(
      @NotBlank(message = "{validation.required}")
          @Size(max = 160, message = "{validation.too-long}")
          String name) {}
}
