package fr.cite.platform.requests.api;

import fr.cite.platform.problem.ProblemException;
import fr.cite.platform.requests.application.Requests;
import jakarta.json.JsonObject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The typed bodies of the requests API: records bound by JSON-B and checked by Bean Validation
 * before any endpoint runs (a body of the wrong shape is a 400 problem naming the field). What a
 * form's fields must hold is the type's schema, checked by the application ({@code FormCheck}).
 */
public final class RequestBodies {

  private RequestBodies() {}

  /**
   * Body of {@code POST /v1/requests} (and of {@code POST /v1/desk/requests}, with {@code
   * channel}).
   *
   * @param type the request type's identifier, e.g. {@code enlevement-graffitis}
   * @param values each form field's answer: a text, a number, a boolean, or a list of them
   * @param contact who files it without an account (e-mail required then)
   * @param files attached files, in base 64
   * @param draft true to keep it as a draft for its citizen (signed in only)
   * @param draftId a draft to complete
   * @param channel for agents: {@code PHONE}, {@code COUNTER} or {@code MAIL}
   */
  public record Filing(
      @NotBlank(message = "{validation.required}")
          @Size(max = 80, message = "{validation.too-long}")
          String type,
      @Size(max = 200, message = "{validation.too-long}") Map<String, Object> values,
      @Valid Contact contact,
      @Size(max = 10, message = "{validation.too-long}") List<@NotNull @Valid FileBody> files,
      Boolean draft,
      Long draftId,
      @Size(max = 20, message = "{validation.too-long}") String channel) {

    /** Each field's answers as texts; a nested object or list of lists is refused (400). */
    public Map<String, List<String>> answers() {
      Map<String, List<String>> answers = new LinkedHashMap<>();
      if (values == null) {
        return answers;
      }
      values.forEach(
          (field, value) -> {
            if (value instanceof List<?> list) {
              List<String> texts = new ArrayList<>();
              for (Object item : list) {
                texts.add(scalar(field, item));
              }
              answers.put(field, texts);
            } else if (value != null) {
              answers.put(field, List.of(scalar(field, value)));
            }
          });
      return answers;
    }

    public List<Requests.Upload> uploads() {
      return files == null ? List.of() : files.stream().map(FileBody::upload).toList();
    }

    public Contact contactOrEmpty() {
      return contact == null ? new Contact(null, null, null) : contact;
    }

    private static String scalar(String field, Object value) {
      if (value instanceof String s) {
        return s;
      }
      if (value instanceof BigDecimal n) {
        return n.toPlainString();
      }
      if (value instanceof Number || value instanceof Boolean) {
        return value.toString();
      }
      throw ProblemException.badRequest(
          "bad-parameter", "values." + field, "text, number, boolean");
    }
  }

  /** Who files a request without an account. */
  public record Contact(
      @Size(max = 200, message = "{validation.too-long}") String name,
      @Size(max = 254, message = "{validation.too-long}") String email,
      @Size(max = 30, message = "{validation.too-long}") String phone) {}

  /**
   * A file in base 64.
   *
   * @param field the form field it answers (a file field of the type's schema)
   * @param fileName its name as the citizen's device called it
   * @param content its bytes in base 64 (10 MB at most once decoded)
   */
  public record FileBody(
      @Size(max = 80, message = "{validation.too-long}") String field,
      @Size(max = 255, message = "{validation.too-long}") String fileName,
      @NotNull(message = "{validation.required}") String content) {

    public Requests.Upload upload() {
      byte[] bytes;
      try {
        bytes = Base64.getMimeDecoder().decode(content);
      } catch (IllegalArgumentException e) {
        throw ProblemException.badRequest("bad-parameter", "files.content", "base64");
      }
      return new Requests.Upload(
          field, fileName == null || fileName.isBlank() ? "fichier" : fileName, bytes);
    }
  }

  /** A citizen's reply: a text and an optional file. */
  public record Reply(
      @Size(max = 20_000, message = "{validation.too-long}") String text, @Valid FileBody file) {

    public Requests.Upload upload() {
      return file == null ? null : file.upload();
    }
  }

  /** Following a request without an account: its reference and the tracking code. */
  public record Tracking(
      @NotBlank(message = "{validation.required}")
          @Size(max = 40, message = "{validation.too-long}")
          String reference,
      @NotBlank(message = "{validation.required}")
          @Size(max = 64, message = "{validation.too-long}")
          String code) {}

  /** {@code "me"}, an agent's e-mail, or null to leave the request unassigned. */
  public record Assignment(@Size(max = 254, message = "{validation.too-long}") String assignee) {}

  /** A move to another status, with the message the citizen receives. */
  public record StatusChange(
      @NotBlank(message = "{validation.required}")
          @Size(max = 40, message = "{validation.too-long}")
          String status,
      @Size(max = 20_000, message = "{validation.too-long}") String message) {}

  /** A message to the citizen or an internal note. */
  public record Text(@Size(max = 20_000, message = "{validation.too-long}") String text) {}

  /**
   * A request type of the town.
   *
   * @param form its form schema: {@code {"fields": [{"name", "type", "labelFr", ...}]}}
   */
  public record RequestTypeBody(
      @Size(max = 1000, message = "{validation.too-long}") String nameFr,
      @Size(max = 160, message = "{validation.too-long}") String nameEn,
      @Size(max = 2000, message = "{validation.too-long}") String descriptionFr,
      @Size(max = 2000, message = "{validation.too-long}") String descriptionEn,
      @Size(max = 80, message = "{validation.too-long}") String service,
      @Size(max = 120, message = "{validation.too-long}") String procedure,
      Boolean anonymous,
      Boolean active,
      JsonObject form) {}

  /** What citizens read for a status, in French and English. */
  public record StatusLabel(
      @Size(max = 1000, message = "{validation.too-long}") String labelFr,
      @Size(max = 1000, message = "{validation.too-long}") String labelEn) {}

  /** The e-mail a citizen receives when a request (of a type, or any) reaches a status. */
  public record MailTemplate(
      @Size(max = 80, message = "{validation.too-long}") String type,
      @NotBlank(message = "{validation.required}")
          @Size(max = 40, message = "{validation.too-long}")
          String status,
      @NotBlank(message = "{validation.required}") @Size(max = 5, message = "{validation.too-long}")
          String language,
      @Size(max = 1000, message = "{validation.too-long}") String subject,
      @Size(max = 20_000, message = "{validation.too-long}") String body) {}
}
