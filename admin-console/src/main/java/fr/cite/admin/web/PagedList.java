package fr.cite.admin.web;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

/**
 * A PrimeFaces lazy table model over two database calls of a console bean: how many rows the
 * current filters select, and one page of them in the order asked. Rows are keyed for selection by
 * a function of the row.
 *
 * @param <T> the row type
 */
public final class PagedList<T> extends LazyDataModel<T> {

  private static final long serialVersionUID = 1L;

  /** Counts the rows the bean's filters select. */
  @FunctionalInterface
  public interface Counter extends Serializable {
    long count();
  }

  /** Loads a page; {@code sortField} is null for the default order. */
  @FunctionalInterface
  public interface Loader<T> extends Serializable {
    List<T> load(int first, int size, String sortField, boolean ascending);
  }

  /** The key of a row. */
  @FunctionalInterface
  public interface Key<T> extends Serializable {
    String of(T row);
  }

  private final Counter counter;
  private final Loader<T> loader;
  private final Key<T> key;

  public PagedList(Counter counter, Loader<T> loader, Key<T> key) {
    this.counter = counter;
    this.loader = loader;
    this.key = key;
  }

  @Override
  public int count(Map<String, FilterMeta> filterBy) {
    return (int) Math.min(Integer.MAX_VALUE, counter.count());
  }

  @Override
  public List<T> load(
      int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
    SortMeta sort = sortBy == null ? null : sortBy.values().stream().findFirst().orElse(null);
    return loader.load(
        first,
        pageSize,
        sort == null ? null : sort.getField(),
        sort == null || sort.getOrder() != SortOrder.DESCENDING);
  }

  @Override
  public String getRowKey(T row) {
    return key.of(row);
  }

  @Override
  public T getRowData(String rowKey) {
    return null;
  }
}
