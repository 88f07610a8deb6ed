package fr.cite.platform.requests.api;

import fr.cite.platform.requests.application.Requests;
import fr.cite.platform.requests.application.StatusLabels;
import fr.cite.platform.requests.domain.Demande;
import fr.cite.platform.requests.domain.DemandeEvent;
import fr.cite.platform.requests.domain.FormData;
import fr.cite.platform.requests.domain.FormSchema;
import fr.cite.platform.requests.domain.RequestType;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** JSON shapes of the requests API. */
public final class RequestViews {

  private RequestViews() {}

  /** A request type and its form, in the reader's language. */
  public record TypeView(
      String slug,
      String name,
      String description,
      boolean anonymous,
      String procedure,
      List<FieldView> fields) {

    static TypeView of(RequestType t, Locale l) {
      return new TypeView(
          t.slug(),
          t.name().in(l),
          t.description().map(d -> d.in(l)).orElse(null),
          t.anonymous(),
          t.procedureSlug().orElse(null),
          t.form().fields().stream().map(f -> FieldView.of(f, l)).toList());
    }
  }

  /** A form field. */
  public record FieldView(
      String name,
      String type,
      String label,
      boolean required,
      Double min,
      Double max,
      Integer maxLength,
      String pattern,
      List<Map<String, String>> options) {

    public static FieldView of(FormSchema.Field f, Locale l) {
      return new FieldView(
          f.name(),
          f.type().name(),
          f.label(l),
          f.required(),
          f.min(),
          f.max(),
          f.maxLength(),
          f.pattern(),
          f.options().stream()
              .map(o -> Map.of("value", o.value(), "label", o.label().in(l)))
              .toList());
    }
  }

  /** A request filed ({@code id} names a draft to complete). */
  public record Filed(Long id, String reference, String status, String trackingCode, String url) {}

  /** One line of the history. */
  public record EventView(
      Instant at,
      String kind,
      String by,
      String byName,
      String status,
      String text,
      List<FileView> files) {}

  /** A file of the request. */
  public record FileView(
      long id, String field, String fileName, String contentType, int size, String url) {}

  /** A form answer with its label. */
  public record AnswerView(String field, String label, List<String> values) {}

  /** A request as its citizen (or an agent) sees it. */
  public record RequestView(
      String reference,
      String type,
      String typeName,
      String status,
      String statusLabel,
      String channel,
      Instant createdAt,
      Instant submittedAt,
      Instant updatedAt,
      String citizenName,
      String citizenEmail,
      String assignee,
      List<AnswerView> form,
      List<EventView> history,
      List<FileView> files) {

    static RequestView of(
        Requests.View v, Locale l, StatusLabels labels, String filesBase, boolean agent) {
      Demande d = v.demande();
      Map<fr.cite.platform.requests.domain.RequestStatus, String> names = labels.all(l);
      FormSchema schema = v.type().form();
      List<AnswerView> answers =
          schema.answers(FormData.parse(d.formData()), l).stream()
              .map(a -> new AnswerView(a.field(), a.label(), a.values()))
              .toList();
      List<FileView> files = fileViews(v.attachments(), filesBase);
      List<EventView> history =
          v.events().stream()
              .map(
                  (DemandeEvent e) ->
                      new EventView(
                          e.at(),
                          e.kind().name(),
                          e.actor().name(),
                          e.actor() == DemandeEvent.Actor.CITIZEN && !agent
                              ? null
                              : e.actorName().orElse(null),
                          e.toStatus().map(names::get).orElse(null),
                          e.text().orElse(null),
                          fileViews(
                              v.attachments().stream()
                                  .filter(a -> e.id().equals(a.eventId()))
                                  .toList(),
                              filesBase)))
              .toList();
      return new RequestView(
          d.reference().orElse(null),
          v.type().slug(),
          v.type().name().in(l),
          d.status().name(),
          names.get(d.status()),
          d.channel().name(),
          d.createdAt(),
          d.submittedAt().orElse(null),
          d.updatedAt(),
          agent ? d.citizenName().orElse(null) : null,
          agent ? d.citizenEmail().orElse(null) : null,
          agent ? d.assigneeName().orElse(null) : null,
          answers,
          history,
          files);
    }
  }

  private static List<FileView> fileViews(List<Requests.AttachmentInfo> attachments, String base) {
    return attachments.stream()
        .map(
            a ->
                new FileView(
                    a.id(), a.field(), a.fileName(), a.contentType(), a.size(), base + a.id()))
        .toList();
  }
}
