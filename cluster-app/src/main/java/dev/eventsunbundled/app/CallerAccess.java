package dev.eventsunbundled.app;

import graphql.ExecutionResult;
import graphql.execution.AbortExecutionException;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.language.OperationDefinition;
import java.util.Map;
import java.util.Set;

/**
 * A GraphQL operation runs only for a caller with its scope (a mutation needs the invite scope, a query the read
 * scope), and a mutation only within the caller's rate (one token per root field); else a FORBIDDEN or
 * RATE_LIMITED error.
 */
final class CallerAccess extends SimplePerformantInstrumentation {

  static final String CALLER = "caller";

  private final ApiAuth auth;
  private final MutationRate rate;

  CallerAccess(ApiAuth auth, MutationRate rate) {
    this.auth = auth;
    this.rate = rate;
  }

  /** A caller allowed to query, for the engine's warm-up. */
  Caller warmUpCaller() {
    return Caller.anonymous(Set.of(auth.readScope()));
  }

  @Override
  public InstrumentationContext<ExecutionResult> beginExecuteOperation(
      InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
    ExecutionContext context = parameters.getExecutionContext();
    Caller caller = context.getGraphQLContext().get(CALLER);
    OperationDefinition operation = context.getOperationDefinition();
    boolean mutation = operation.getOperation() == OperationDefinition.Operation.MUTATION;
    String scope = mutation ? auth.inviteScope() : auth.readScope();
    if (!caller.may(scope)) {
      throw new Denied("FORBIDDEN", "Caller " + caller.name() + " lacks the scope " + scope + " this "
          + (mutation ? "mutation" : "query") + " needs");
    }
    if (mutation && !rate.take(caller, MutationLimit.rootFields(operation.getSelectionSet(), context))) {
      throw new Denied("RATE_LIMITED", "Too many mutations from " + caller.name() + "; retry in "
          + rate.retryAfterSeconds() + " s");
    }
    return super.beginExecuteOperation(parameters, state);
  }

  /** An operation refused before it ran, with a code in the error's extensions. */
  private static final class Denied extends AbortExecutionException {
    private final String code;

    Denied(String code, String message) {
      super(message);
      this.code = code;
    }

    @Override
    public Map<String, Object> getExtensions() {
      return Map.of("code", code);
    }
  }
}
