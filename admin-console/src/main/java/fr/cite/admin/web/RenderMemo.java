package fr.cite.admin.web;

import jakarta.faces.context.FacesContext;
import jakarta.faces.event.PhaseId;
import java.io.Serializable;
import java.util.function.Supplier;

/**
 * A value a page reads many times while it renders (a request with its history, the list of
 * themes), loaded once per render and kept in the request's Faces context. Outside the render phase
 * it is loaded afresh, so that what an action changed is what the page then shows.
 *
 * @param <T> the value's type
 */
public final class RenderMemo<T> implements Serializable {

  private static final long serialVersionUID = 1L;

  @SuppressWarnings("unchecked")
  public T get(Supplier<T> load) {
    FacesContext faces = FacesContext.getCurrentInstance();
    if (faces == null || faces.getCurrentPhaseId() != PhaseId.RENDER_RESPONSE) {
      return load.get();
    }
    return (T) faces.getAttributes().computeIfAbsent(this, k -> load.get());
  }
}
