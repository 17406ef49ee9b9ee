package io.metasync.master.web;

import static java.util.Objects.requireNonNull;

import java.util.HashMap;
import java.util.Map;

/**
 * The operator pages of the web port, by path (see {@code docs/web.md}): each renders from the
 * {@link MasterView} at every request; only the sync history and the recent errors are kept here,
 * in bounded rings fed by the sync coordinator's listener.
 */
public final class OperatorPages {
  static final int RECENT_SYNCS = 100;
  static final int RECENT_ERRORS = 100;
  private static final String HTML = "text/html; charset=utf-8";
  private static final String JSON = "application/json; charset=utf-8";
  private static final String PROMETHEUS = "text/plain; version=0.0.4; charset=utf-8";

  private final Map<String, PageRouter.Page> pages = new HashMap<>();

  /** Starts listening to the view's syncs; call once per master. */
  public OperatorPages(MasterView view) {
    requireNonNull(view, "view is null");
    long startedMs = view.clock().millis();
    RecentErrors errors = new RecentErrors(RECENT_ERRORS);
    SyncHistory history = new SyncHistory(RECENT_SYNCS, view.mounts(), view.clock(), errors);
    view.syncs().addListener(history);
    OverviewPage overview = new OverviewPage(view, history, startedMs);
    MountsPage mounts = new MountsPage(view, history);
    SyncPointsPage syncPoints = new SyncPointsPage(view, errors);
    SyncsPage syncs = new SyncsPage(view, history);
    ErrorsPage errorsPage = new ErrorsPage(view, errors);
    ConfigurationPage configuration = new ConfigurationPage(view);
    pages.put("/", new PageRouter.Page(HTML, overview::render));
    pages.put("/mounts", new PageRouter.Page(HTML, mounts::render));
    pages.put("/sync-points", new PageRouter.Page(HTML, syncPoints::render));
    pages.put(SyncPointsPage.JSON_PATH, new PageRouter.Page(JSON, syncPoints::json));
    pages.put("/syncs", new PageRouter.Page(HTML, syncs::render));
    pages.put("/errors", new PageRouter.Page(HTML, errorsPage::render));
    pages.put("/configuration", new PageRouter.Page(HTML, configuration::render));
    pages.put("/metrics", new PageRouter.Page(PROMETHEUS, view.metrics()::scrape));
  }

  /** Every page by its path, {@code /metrics} included. */
  public Map<String, PageRouter.Page> pages() {
    return Map.copyOf(pages);
  }
}
