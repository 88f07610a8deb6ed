package fr.cite.portal.requests;

import fr.cite.platform.requests.application.CitizenData;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;

/**
 * The citizen forgets this town: their requests are anonymised (the town keeps them, not who filed
 * them), their drafts deleted. Their account itself lives on for the other towns; deleting it is
 * offered by the identity provider's account page.
 */
@Named("accountData")
@RequestScoped
public class AccountData {

  @Inject CitizenData data;

  @Inject fr.cite.platform.requests.application.AccountDeletion accounts;

  /** Deletes the account everywhere (requests anonymised in every town), then signs out here. */
  public void deleteAccount() throws IOException {
    var external = FacesContext.getCurrentInstance().getExternalContext();
    var subject = Citizens.subject();
    if (subject.isPresent()) {
      try {
        accounts.delete(subject.get());
      } catch (fr.cite.platform.problem.ProblemException e) {
        external.getFlash().put("deletionFailed", Boolean.TRUE);
        external.redirect(external.getRequestContextPath() + "/compte/");
        return;
      }
      external.invalidateSession();
    }
    external.redirect(external.getRequestContextPath() + "/?compte=supprime");
  }

  public void forget() throws IOException {
    Citizens.subject().ifPresent(data::forget);
    var external = FacesContext.getCurrentInstance().getExternalContext();
    external.getFlash().put("forgotten", Boolean.TRUE);
    external.redirect(external.getRequestContextPath() + "/compte/");
  }
}
