package fr.cite.platform.catalogue.application;

import fr.cite.platform.catalogue.domain.ChannelSpec;
import fr.cite.platform.catalogue.domain.ProcedureContent;
import fr.cite.platform.catalogue.domain.UsefulLink;
import java.util.List;

/** Everything a town sets on a procedure at once, themes, audiences and related by slug. */
public record ProcedureChanges(
    ProcedureContent content,
    List<ChannelSpec> channels,
    List<UsefulLink.LinkSpec> links,
    List<String> themes,
    List<String> audiences,
    List<String> related,
    boolean published,
    Integer editorialRank) {}
