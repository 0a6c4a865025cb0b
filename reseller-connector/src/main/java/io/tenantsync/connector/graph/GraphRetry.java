package io.tenantsync.connector.graph;

import dev.failsafe.Execution;
import dev.failsafe.ExecutionContext;
import dev.failsafe.RetryPolicy;
import io.tenantsync.connector.DirectoryException;
import java.time.Duration;
import java.util.Objects;
import java.util.function.DoubleSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one logical Graph call as attempts under a failsafe {@link RetryPolicy}, waiting between
 * them through a {@link Sleeper} (failsafe's standalone {@link Execution}, so tests control time).
 *
 * <p>Only retryable {@link DirectoryException}s are retried, and not those whose {@code
 * Retry-After} exceeds {@link GraphConfig.Retry#maxRetryAfter()}; anything else ends the call at
 * once. The wait honours {@code Retry-After} exactly when present, otherwise it is exponential
 * back-off capped at {@code maxDelay}, less up to {@code jitter} of it. When attempts run out the
 * last exception is thrown as is, so a throttling storm ends in a retryable {@code THROTTLED}.
 * Thread-safe: the policy is immutable and each call has its own execution.
 */
final class GraphRetry {

  private static final Logger log = LoggerFactory.getLogger(GraphRetry.class);

  /** One attempt of a call; {@code attempt} counts from 1. */
  @FunctionalInterface
  interface Attempt<T> {
    T run(int attempt);
  }

  private final GraphConfig.Retry settings;
  private final Sleeper sleeper;
  private final DoubleSupplier random;
  private final RetryPolicy<Object> policy;

  GraphRetry(GraphConfig.Retry settings, Sleeper sleeper, DoubleSupplier random) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    this.random = Objects.requireNonNull(random, "random");
    this.policy =
        RetryPolicy.builder()
            .handleIf((Object result, Throwable failure) -> shouldRetry(failure))
            .withMaxAttempts(settings.maxAttempts())
            .withDelayFn(this::delay)
            .build();
  }

  <T> T run(String request, Attempt<T> call) {
    Execution<Object> execution = Execution.of(policy);
    for (int attempt = 1; ; attempt++) {
      try {
        T result = call.run(attempt);
        execution.recordResult(result);
        return result;
      } catch (DirectoryException e) {
        execution.recordException(e);
        if (execution.isComplete()) {
          throw e;
        }
        Duration wait = execution.getDelay();
        log.info(
            "{} failed ({} {} {}), attempt {}/{}; retrying in {} ms",
            request,
            e.kind(),
            e.httpStatus(),
            e.code().orElse(""),
            attempt,
            settings.maxAttempts(),
            wait.toMillis());
        try {
          sleeper.sleep(wait);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          DirectoryException interrupted = GraphErrors.interrupted(request, ie);
          interrupted.addSuppressed(e);
          throw interrupted;
        }
      }
    }
  }

  private boolean shouldRetry(Throwable failure) {
    if (!(failure instanceof DirectoryException e) || !e.retryable()) {
      return false;
    }
    return e.retryAfter().map(d -> d.compareTo(settings.maxRetryAfter()) <= 0).orElse(true);
  }

  private Duration delay(ExecutionContext<Object> context) {
    Throwable last = context.getLastException();
    if (last instanceof DirectoryException e && e.retryAfter().isPresent()) {
      return e.retryAfter().get();
    }
    return backoff(Math.max(1, context.getAttemptCount()));
  }

  /** The wait after the {@code failedAttempts}-th failure, without Retry-After. */
  Duration backoff(int failedAttempts) {
    long base = settings.baseDelay().toNanos();
    long cap = settings.maxDelay().toNanos();
    int shift = Math.min(failedAttempts - 1, 62);
    long exponential = base > (cap >> shift) ? cap : Math.min(cap, base << shift);
    long jittered = exponential - (long) (exponential * settings.jitter() * random.getAsDouble());
    return Duration.ofNanos(Math.max(0, jittered));
  }
}
