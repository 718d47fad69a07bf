package io.github.stytchjakarta.core.internal.rbac;

import io.github.stytchjakarta.core.StytchApiException;
import io.github.stytchjakarta.core.StytchClient;
import io.github.stytchjakarta.core.StytchException;
import io.github.stytchjakarta.core.StytchUnavailableException;
import io.github.stytchjakarta.core.Vertical;
import io.github.stytchjakarta.core.internal.DaemonThreads;
import io.github.stytchjakarta.core.model.RbacPolicy;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The project RBAC policy (roles and OAuth scopes) and, for B2B, each organization's custom roles, as {@link PolicyIndex}es.
 *
 * <ul>
 *   <li>The project policy is fetched on first use (the caller waits) and then refreshed every TTL
 *       on a daemon thread; a failed refresh keeps the previous policy. While no policy was ever
 *       fetched, failures are reported as {@link StytchUnavailableException}, at most one fetch per
 *       {@link #FAILED_FETCH_BACKOFF} so that a Stytch outage is not hammered.</li>
 *   <li>An organization policy is fetched on first use for that organization and refreshed with the
 *       project policy while it is used; organizations not used since the last refresh are dropped.
 *       Stytch answering 4xx (custom roles not enabled, organization unknown) counts as "no custom
 *       roles"; an unavailable Stytch yields empty so the caller can decide.</li>
 * </ul>
 *
 * <p>Thread-safe. {@link #close()} stops the background refresh.
 */
public final class RbacPolicyCache implements AutoCloseable {

    /** After a failed first fetch, further attempts fail fast for this long. */
    public static final Duration FAILED_FETCH_BACKOFF = Duration.ofSeconds(5);

    private static final System.Logger LOG = System.getLogger(RbacPolicyCache.class.getName());

    private final Vertical vertical;
    private final StytchClient client;
    private final Duration ttl;
    private final ScheduledExecutorService scheduler;
    private final AtomicBoolean refreshScheduled = new AtomicBoolean();
    private final ConcurrentHashMap<String, OrgEntry> organizations = new ConcurrentHashMap<>();
    private final Object projectLock = new Object();
    private volatile PolicyIndex project;
    private volatile long projectFetchedAtMillis = Long.MIN_VALUE;
    private long projectRetryAtNanos = System.nanoTime();

    /**
     * @param vertical which policy endpoints to use
     * @param client   the Stytch client
     * @param ttl      how often to refresh
     */
    public RbacPolicyCache(Vertical vertical, StytchClient client, Duration ttl) {
        this.vertical = vertical;
        this.client = client;
        this.ttl = ttl;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("stytch-rbac-refresh"));
    }

    /**
     * @return the project policy index
     * @throws StytchUnavailableException when it was never fetched and cannot be fetched now
     */
    public PolicyIndex project() {
        PolicyIndex current = project;
        if (current != null) {
            return current;
        }
        synchronized (projectLock) {
            if (project != null) {
                return project;
            }
            if (System.nanoTime() - projectRetryAtNanos < 0) {
                throw new StytchUnavailableException("the RBAC policy could not be fetched recently", null,
                        FAILED_FETCH_BACKOFF, null);
            }
            try {
                project = fetchProject();
            } catch (StytchException e) {
                projectRetryAtNanos = System.nanoTime() + FAILED_FETCH_BACKOFF.toNanos();
                throw new StytchUnavailableException("the RBAC policy could not be fetched: " + e.getMessage(), null,
                        FAILED_FETCH_BACKOFF, e);
            }
            scheduleRefresh();
            return project;
        }
    }

    /**
     * @param organizationId an organization id (B2B only)
     * @return the organization's custom roles, or empty when they cannot be fetched now
     */
    public Optional<PolicyIndex> organization(String organizationId) {
        OrgEntry entry = organizations.get(organizationId);
        if (entry == null) {
            entry = organizations.computeIfAbsent(organizationId, id -> new OrgEntry());
        }
        if (!entry.used) {
            entry.used = true;
        }
        PolicyIndex index = entry.index;
        if (index != null) {
            return Optional.of(index);
        }
        synchronized (entry) {
            if (entry.index == null && System.nanoTime() - entry.retryAtNanos >= 0) {
                try {
                    entry.index = fetchOrganization(organizationId);
                } catch (StytchUnavailableException e) {
                    entry.retryAtNanos = System.nanoTime() + FAILED_FETCH_BACKOFF.toNanos();
                    LOG.log(System.Logger.Level.WARNING, "organization RBAC policy unavailable: " + e.getMessage());
                }
            }
            return Optional.ofNullable(entry.index);
        }
    }

    /**
     * Fetches the project policy and every cached organization policy now, keeping the previous
     * ones on failure.
     *
     * @throws StytchUnavailableException when the project policy could not be fetched
     */
    public void refresh() {
        PolicyIndex fresh;
        try {
            fresh = fetchProject();
        } catch (StytchException e) {
            throw new StytchUnavailableException("the RBAC policy could not be refreshed: " + e.getMessage(), null,
                    null, e);
        }
        project = fresh; // volatile; the lock only guards the first fetch
        scheduleRefresh();
        organizations.forEach((organizationId, entry) -> refreshOrganization(organizationId, entry));
    }

    /**
     * Starts a refresh of the project policy and every cached organization policy on the refresh thread
     * (a webhook reported a change), keeping the previous ones until it succeeds.
     */
    public void refreshSoon() {
        scheduler.execute(() -> {
            try {
                refresh();
            } catch (StytchUnavailableException e) {
                LOG.log(System.Logger.Level.WARNING, "RBAC policy refresh after a webhook failed, keeping the previous "
                        + "policy: " + e.getMessage());
            }
        });
    }

    /**
     * Forgets an organization's custom roles (a webhook reported the organization changed or deleted): they are
     * fetched again on next use.
     *
     * @param organizationId the organization id
     */
    public void dropOrganization(String organizationId) {
        organizations.remove(organizationId);
    }

    private void refreshInBackground() {
        try {
            project = fetchProject();
        } catch (StytchException e) {
            LOG.log(System.Logger.Level.WARNING, "RBAC policy refresh failed, keeping the previous policy: "
                    + e.getMessage());
        }
        organizations.forEach((organizationId, entry) -> {
            if (entry.used) {
                entry.used = false;
                refreshOrganization(organizationId, entry);
            } else {
                organizations.remove(organizationId, entry);
            }
        });
    }

    private void refreshOrganization(String organizationId, OrgEntry entry) {
        try {
            PolicyIndex fresh = fetchOrganization(organizationId);
            synchronized (entry) {
                entry.index = fresh;
            }
        } catch (StytchUnavailableException e) {
            LOG.log(System.Logger.Level.WARNING, "organization RBAC policy refresh failed, keeping the previous one: "
                    + e.getMessage());
        }
    }

    private void scheduleRefresh() {
        if (refreshScheduled.compareAndSet(false, true)) {
            long period = ttl.toMillis();
            scheduler.scheduleWithFixedDelay(this::refreshInBackground, period, period, TimeUnit.MILLISECONDS);
        }
    }

    private PolicyIndex fetchProject() {
        RbacPolicy policy = vertical == Vertical.B2B ? client.b2bRbac().policy().policy() : client.rbac().policy().policy();
        PolicyIndex index = PolicyIndex.of(policy);
        projectFetchedAtMillis = System.currentTimeMillis();
        return index;
    }

    /** @return when the project policy was last fetched (wall clock), empty before the first fetch */
    public OptionalLong projectFetchedAtMillis() {
        long at = projectFetchedAtMillis;
        return at == Long.MIN_VALUE ? OptionalLong.empty() : OptionalLong.of(at);
    }

    private PolicyIndex fetchOrganization(String organizationId) {
        try {
            return PolicyIndex.of(client.b2bRbac().organizationPolicy(organizationId).orgPolicy().roles());
        } catch (StytchApiException e) {
            LOG.log(System.Logger.Level.DEBUG, () -> "no organization RBAC policy: " + e.getMessage());
            return PolicyIndex.of(List.of());
        }
    }

    /** Stops the background refresh. */
    @Override
    public void close() {
        scheduler.shutdownNow();
    }

    private static final class OrgEntry {
        volatile PolicyIndex index;
        volatile boolean used;
        long retryAtNanos = System.nanoTime();
    }
}
