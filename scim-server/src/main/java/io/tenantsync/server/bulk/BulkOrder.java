package io.tenantsync.server.bulk;

import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.ResourceConflictException;
import com.unboundid.scim2.common.exceptions.ScimException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The order in which a Bulk request's operations run. An operation that refers to a bulkId runs
 * after the POST that creates it, also when the client put that POST later in the request (a
 * forward reference); apart from that the client's order is kept, so the result is the one the
 * client meant (RFC 7644 §3.7: an optimised order must keep the client's intent).
 *
 * <p>Operations that cannot be ordered are refused before anything runs: a reference to a bulkId no
 * POST of the request declares → 400 {@code invalidValue}; POSTs whose references form a cycle (a
 * group naming itself, two groups naming each other) → 409 for each, as §3.7.1 allows for circular
 * references a service provider does not resolve.
 *
 * <p>Strongly connected components (Tarjan) find the cycles; components come out dependencies
 * first. Operations with a {@link BulkOperation#problem()} neither depend nor are depended on in
 * this graph: they fail on their own when their turn comes.
 */
final class BulkOrder {
  private BulkOrder() {}

  /**
   * @param order indexes of the operations, in the order to run them; every operation once
   * @param refusals why an operation must not run, by index
   */
  record Plan(List<Integer> order, Map<Integer, ScimException> refusals) {
    @Nullable ScimException refusal(int index) {
      return refusals.get(index);
    }
  }

  static Plan plan(List<BulkOperation> operations) {
    Map<String, Integer> creators = new HashMap<>();
    for (BulkOperation operation : operations) {
      if (operation.declaresBulkId()) {
        creators.put(Objects.requireNonNull(operation.bulkId()), operation.index());
      }
    }
    Map<Integer, ScimException> refusals = new HashMap<>();
    List<List<Integer>> dependencies = new ArrayList<>();
    for (BulkOperation operation : operations) {
      List<Integer> needs = new ArrayList<>();
      if (operation.problem() == null) {
        for (String bulkId : BulkReferences.of(operation)) {
          Integer creator = creators.get(bulkId);
          if (creator == null) {
            refusals.put(
                operation.index(),
                BadRequestException.invalidValue(
                    operation.where()
                        + ": refers to bulkId '"
                        + bulkId
                        + "', but no POST in this request has that bulkId"));
            needs.clear();
            break;
          }
          needs.add(creator);
        }
      }
      dependencies.add(needs);
    }
    return new Tarjan(operations, dependencies, refusals).run();
  }

  /** Tarjan's strongly connected components over "operation needs creator" edges. */
  private static final class Tarjan {
    private final List<BulkOperation> operations;
    private final List<List<Integer>> dependencies;
    private final Map<Integer, ScimException> refusals;
    private final int[] visited;
    private final int[] lowLink;
    private final boolean[] onStack;
    private final Deque<Integer> stack = new ArrayDeque<>();
    private final List<Integer> order = new ArrayList<>();
    private int counter = 0;

    Tarjan(
        List<BulkOperation> operations,
        List<List<Integer>> dependencies,
        Map<Integer, ScimException> refusals) {
      this.operations = operations;
      this.dependencies = dependencies;
      this.refusals = refusals;
      this.visited = new int[operations.size()];
      this.lowLink = new int[operations.size()];
      this.onStack = new boolean[operations.size()];
      Arrays.fill(visited, -1);
    }

    Plan run() {
      for (int i = 0; i < operations.size(); i++) {
        if (visited[i] < 0) {
          connect(i);
        }
      }
      return new Plan(List.copyOf(order), Map.copyOf(refusals));
    }

    private void connect(int v) {
      visited[v] = counter;
      lowLink[v] = counter;
      counter++;
      stack.push(v);
      onStack[v] = true;
      for (int w : dependencies.get(v)) {
        if (visited[w] < 0) {
          connect(w);
          lowLink[v] = Math.min(lowLink[v], lowLink[w]);
        } else if (onStack[w]) {
          lowLink[v] = Math.min(lowLink[v], visited[w]);
        }
      }
      if (lowLink[v] != visited[v]) {
        return;
      }
      List<Integer> component = new ArrayList<>();
      int w;
      do {
        w = stack.pop();
        onStack[w] = false;
        component.add(w);
      } while (w != v);
      component.sort(null);
      if (component.size() > 1 || dependencies.get(v).contains(v)) {
        refuseCycle(component);
      }
      order.addAll(component);
    }

    private void refuseCycle(List<Integer> component) {
      List<String> bulkIds =
          component.stream().map(i -> "'" + operations.get(i).bulkId() + "'").toList();
      String detail =
          (component.size() == 1
                  ? "bulkId " + bulkIds.get(0) + " refers to itself"
                  : "bulkIds " + String.join(", ", bulkIds) + " refer to each other in a circle")
              + "; create these resources first and link them with PATCH operations";
      for (int i : component) {
        refusals.put(i, new ResourceConflictException(operations.get(i).where() + ": " + detail));
      }
    }
  }
}
