package dev.eventsunbundled.bench;

import java.io.PrintStream;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** The {@code bench} subcommand: drives the InviteCustomer mutation over HTTP and reports throughput and latency. */
public final class LoadGenerator {

  static final int OK = 0;
  static final int FAILED = 1;
  static final int BAD_ARGUMENTS = 2;

  private LoadGenerator() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out));
  }

  /** Parses the options, runs, prints the report; returns the exit code (0 done, 1 errors with --fail-on-errors, 2 bad arguments). */
  public static int run(String[] args, PrintStream out) {
    BenchOptions options;
    try {
      options = BenchOptions.parse(args);
    } catch (BenchOptions.BadArguments e) {
      out.println("bench: " + e.getMessage());
      out.println(BenchOptions.USAGE);
      return BAD_ARGUMENTS;
    }
    if (options.help()) {
      out.println(BenchOptions.USAGE);
      return OK;
    }
    out.println(options.describe());
    BenchResult result;
    try {
      result = execute(options);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      out.println("bench: interrupted");
      return FAILED;
    }
    result.print(out);
    return options.failOnErrors() && (result.failed() > 0 || result.unfinished() > 0) ? FAILED : OK;
  }

  static BenchResult execute(BenchOptions options) throws InterruptedException {
    AtomicInteger threads = new AtomicInteger();
    ExecutorService executor = Executors.newCachedThreadPool(task -> {
      Thread thread = new Thread(task, "bench-" + threads.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
    try {
      InviteClient client = new InviteClient(options, executor);
      return options.mode() == BenchOptions.Mode.OPEN
          ? OpenLoop.drive(options, client, executor)
          : ClosedLoop.drive(options, client, executor);
    } finally {
      executor.shutdownNow();
    }
  }
}
