package dev.eventsunbundled.low;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventsunbundled.low.Executor.Outcome;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The one outcome → reply mapping every host uses. */
class OutcomeReplyTest {

  private record Said(String message) implements Notice {}

  @Test
  void aRecordedEventIsTheReplyWhateverWasSaid() {
    Outcome<String, String> outcome = new Outcome<>("s", Optional.of("event"), List.of(new Said("fyi")));

    assertThat(outcome.reply()).isEqualTo(new Reply.Recorded<>("event"));
  }

  @Test
  void withoutAnEventTheLastNoticeIsTheReply() {
    Outcome<String, String> outcome = new Outcome<>("s", Optional.empty(),
        List.of(new Said("first"), new Refusal("refused by write")));

    assertThat(outcome.reply()).isEqualTo(new Reply.Noticed<>(new Refusal("refused by write")));
  }

  @Test
  void nothingRecordedAndNothingSaidIsUnchanged() {
    assertThat(new Outcome<String, String>("s", Optional.empty(), List.of()).reply())
        .isInstanceOf(Reply.Unchanged.class);
  }
}
