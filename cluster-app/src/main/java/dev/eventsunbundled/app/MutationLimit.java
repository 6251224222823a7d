package dev.eventsunbundled.app;

import graphql.ExecutionResult;
import graphql.execution.AbortExecutionException;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.language.Field;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;

/**
 * At most {@code max} root fields (aliases included) in one mutation: each runs a command, one after another, so
 * a request holding hundreds of them would hold the node for hundreds of deadlines.
 */
final class MutationLimit extends SimplePerformantInstrumentation {

  private final int max;

  MutationLimit(int max) {
    this.max = max;
  }

  @Override
  public InstrumentationContext<ExecutionResult> beginExecuteOperation(
      InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
    ExecutionContext context = parameters.getExecutionContext();
    OperationDefinition operation = context.getOperationDefinition();
    if (operation.getOperation() == OperationDefinition.Operation.MUTATION) {
      int fields = rootFields(operation.getSelectionSet(), context);
      if (fields > max) {
        throw new AbortExecutionException("A request may hold at most " + max + " mutation fields; this one holds "
            + fields + ". Send them in several requests.");
      }
    }
    return super.beginExecuteOperation(parameters, state);
  }

  static int rootFields(SelectionSet selections, ExecutionContext context) {
    int count = 0;
    for (Selection<?> selection : selections.getSelections()) {
      if (selection instanceof Field) {
        count++;
      } else if (selection instanceof InlineFragment inline) {
        count += rootFields(inline.getSelectionSet(), context);
      } else if (selection instanceof FragmentSpread spread && context.getFragment(spread.getName()) != null) {
        count += rootFields(context.getFragment(spread.getName()).getSelectionSet(), context);
      }
    }
    return count;
  }
}
