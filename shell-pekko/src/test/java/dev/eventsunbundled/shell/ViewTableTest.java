package dev.eventsunbundled.shell;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.ConfigFactory;
import dev.eventsunbundled.customer.Customer;
import dev.eventsunbundled.customer.CustomerProjector;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A view's SQL on H2: rows keyed and indexed as the view says, and a lost insert race that loses nothing. */
class ViewTableTest {

  private static final ViewTable<Customer> TABLE = new ViewTable<>(CustomerProjector.VIEW, false);
  private static Database database;

  @BeforeAll
  static void open() throws Exception {
    database = Database.open(ConfigFactory.parseString("url = \"" + TestNode.inMemoryUrl()
            + "\", driver = org.h2.Driver, user = sa, password = \"\", pool-size = 2, read-pool-size = 1")
        .withFallback(ConfigFactory.defaultReference().getConfig("events-unbundled.db")));
    try (Database.Session session = database.session()) {
      session.withConnection(c -> {
        try (Statement s = c.createStatement()) {
          for (String ddl : TABLE.ddl()) {
            s.execute(ddl);
          }
        }
        return null;
      });
      session.commit();
    }
  }

  @AfterAll
  static void close() {
    database.close();
  }

  @Test
  void insertOfAKeyAnotherTransactionCreatedFirstIsRefusedAndTheTransactionGoesOn() throws Exception {
    try (Database.Session other = database.session()) {
      other.withConnection(c -> TABLE.insertIfAbsent(c, new Customer("c-1", "first@p14n.com", true, false)));
      other.commit();
    }
    try (Database.Session session = database.session()) {
      boolean inserted = session.withConnection(c -> TABLE.insertIfAbsent(c, new Customer("c-1", null, false, true)));
      session.withConnection(c -> {
        TABLE.update(c, TABLE.find(c, "c-1", true).orElseThrow().withVerified());
        return null;
      });
      session.commit();

      assertThat(inserted).isFalse();
    }
    assertThat(database.read((Connection c) -> TABLE.find(c, "c-1", false)))
        .contains(new Customer("c-1", "first@p14n.com", true, true));
  }

  @Test
  void rowsAreFoundByTheirIndexedColumn() throws Exception {
    try (Database.Session session = database.session()) {
      session.withConnection(c -> TABLE.insertIfAbsent(c, new Customer("c-2", "two@p14n.com", true, false)));
      session.commit();
    }
    assertThat(database.read((Connection c) -> TABLE.findBy(c, "email", "two@p14n.com")))
        .extracting(Customer::id).containsExactly("c-2");
  }

  @Test
  void aPushedEventIsClaimedOnlyWhenItIsTheNextOfItsEntity() throws Exception {
    try (Database.Session session = database.session()) {
      List<Boolean> claims = session.withConnection((Connection c) -> List.of(
          TABLE.progress().claimNext(c, "e|1", 1, 0),
          TABLE.progress().claimNext(c, "e|1", 1, 0),
          TABLE.progress().claimNext(c, "e|1", 5, 3),
          TABLE.progress().claimNext(c, "e|1", 3, 1),
          TABLE.progress().claim(c, "e|1", 2),
          TABLE.progress().claim(c, "e|1", 4)));
      session.commit();

      assertThat(claims).containsExactly(true, false, false, true, false, true);
    }
    assertThat(database.read((Connection c) -> TABLE.progress().appliedUpTo(c, "e|1"))).isEqualTo(4);
  }

  @Test
  void ofTwoTransactionsClaimingTheFirstEventOfAnEntityOnlyOneWins() throws Exception {
    try (Database.Session first = database.session(); Database.Session second = database.session()) {
      boolean claimed = first.withConnection((Connection c) -> TABLE.progress().claimNext(c, "e|2", 1, 0));
      assertThat(claimed).isTrue();
      CompletableFuture<Boolean> racing = CompletableFuture.supplyAsync(() -> {
        try {
          return second.withConnection((Connection c) -> TABLE.progress().claim(c, "e|2", 1));
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
      first.commit();

      assertThat(racing.get(10, TimeUnit.SECONDS)).isFalse();
      second.commit();
    }
  }
}
