package io.eventcommerce.servicekit.audit;

import io.eventcommerce.servicekit.rest.RequestId;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ArcContainer;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.lang.reflect.Method;
import java.security.Principal;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The {@link ChangeActor} of whatever the current thread is doing, and the one place that puts it on a write
 * statement ({@link #annotate}). Hibernate's statements get it through {@link ActorStatementInspector}; code that
 * writes with plain JDBC on Hibernate's connection (the outbox, bulk inserts) calls {@link #annotate} itself.
 * <ul>
 *     <li>an HTTP request ({@link RequestId} is set): {@code user:<token subject>} (or {@code anonymous}), the
 *     request id, {@code http};</li>
 *     <li>an event being applied ({@link io.eventcommerce.servicekit.messaging.EventHandling} opens the scope with
 *     {@link #during}): {@code service:<quarkus.application.name>}, the event id, {@code event};</li>
 *     <li>anything else: {@code service:<application>}, the {@code @Scheduled} method it runs in
 *     ({@code SagaTimeouts.check}) or else the thread's name, {@code job}.</li>
 * </ul>
 * A scope opened with {@link #during} wins over the HTTP request: an event replayed from a dead-letter topic by an
 * admin's request changes what the event says, on the event's account.
 */
@ApplicationScoped
public class ChangeActors {

    private static final ThreadLocal<Cause> SCOPE = new ThreadLocal<>();
    private static final String ANONYMOUS = "anonymous";

    /** The names of the {@code @Scheduled} methods of each class seen on a stack (a ClassValue: no class is held). */
    private static final ClassValue<Set<String>> SCHEDULED = new ClassValue<>() {
        @Override
        protected Set<String> computeValue(Class<?> type) {
            try {
                return Arrays.stream(type.getDeclaredMethods())
                        .filter(m -> m.isAnnotationPresent(Scheduled.class)
                                || m.isAnnotationPresent(Scheduled.Schedules.class))
                        .map(Method::getName)
                        .collect(Collectors.toUnmodifiableSet());
            } catch (LinkageError | SecurityException unreadable) {
                return Set.of();
            }
        }
    };
    private static final StackWalker STACK = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);

    private final String service;
    private final Instance<RequestId> requestId;
    private final Instance<SecurityIdentity> identity;

    public ChangeActors(@ConfigProperty(name = "quarkus.application.name") String application,
                        Instance<RequestId> requestId, Instance<SecurityIdentity> identity) {
        this.service = "service:" + application;
        this.requestId = requestId;
        this.identity = identity;
    }

    /** What caused a change besides its actor: the request (an event id, a job's name) and how it came in. */
    private record Cause(String request, String via) {
    }

    /**
     * Runs {@code work} with the service as the actor of its changes, for {@code request} (an event id, a job's name)
     * that came in {@code via} ({@link ChangeActor#EVENT}, {@link ChangeActor#JOB}). Scopes nest; the innermost wins.
     */
    public static <T> T during(String request, String via, Supplier<T> work) {
        Cause previous = SCOPE.get();
        SCOPE.set(new Cause(request, via));
        try {
            return work.get();
        } finally {
            if (previous == null) {
                SCOPE.remove();
            } else {
                SCOPE.set(previous);
            }
        }
    }

    /** {@link #during(String, String, Supplier)} for work without a result. */
    public static void during(String request, String via, Runnable work) {
        during(request, via, () -> {
            work.run();
            return null;
        });
    }

    /** {@code sql} with the current actor's comment in front if it is a write; any other statement unchanged. */
    public String annotate(String sql) {
        return WriteStatements.isWrite(sql) ? current().annotate(sql) : sql;
    }

    /** The actor of a change the current thread makes now. */
    public ChangeActor current() {
        Cause scope = SCOPE.get();
        if (scope != null) {
            return new ChangeActor(service, scope.request(), scope.via());
        }
        Optional<String> request = httpRequest();
        if (request.isPresent()) {
            return new ChangeActor(user(), request.get(), ChangeActor.HTTP);
        }
        return new ChangeActor(service, job().orElseGet(() -> Thread.currentThread().getName()), ChangeActor.JOB);
    }

    private Optional<String> httpRequest() {
        ArcContainer container = Arc.container();
        if (container == null || !container.requestContext().isActive() || !requestId.isResolvable()) {
            return Optional.empty();
        }
        return requestId.get().value();
    }

    /** {@code user:<subject>} of the request's token, {@code anonymous} without one. */
    private String user() {
        if (!identity.isResolvable()) {
            return ANONYMOUS;
        }
        SecurityIdentity current = identity.get();
        if (current.isAnonymous()) {
            return ANONYMOUS;
        }
        Principal principal = current.getPrincipal();
        String subject = principal instanceof JsonWebToken token && token.getSubject() != null
                ? token.getSubject() : principal.getName();
        return "user:" + subject;
    }

    /** {@code Class.method} of the innermost {@code @Scheduled} method on the stack. */
    static Optional<String> job() {
        return STACK.walk(frames -> frames
                .filter(frame -> SCHEDULED.get(frame.getDeclaringClass()).contains(frame.getMethodName()))
                .findFirst()
                .map(frame -> frame.getDeclaringClass().getSimpleName() + "." + frame.getMethodName()));
    }
}
