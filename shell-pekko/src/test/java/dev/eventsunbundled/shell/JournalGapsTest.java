package dev.eventsunbundled.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventsunbundled.shell.JournalGaps.Look;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** Which holes in the journal's ordering are proven permanent, and when. */
class JournalGapsTest {

  private static final long MS = 1_000_000;

  @Test
  void orderingsWithoutHolesComeBackAsTheyAre() {
    JournalGaps gaps = new JournalGaps(0);

    assertThat(gaps.withPermanentHoles(3, List.of(4L, 5L, 6L), new Look(0, 10, 11))).containsExactly(4L, 5L, 6L);
  }

  @Test
  void aHoleIsFilledOnceEveryWriteBegunBeforeItsMarkHasEnded() {
    JournalGaps gaps = new JournalGaps(0);

    assertThat(gaps.withPermanentHoles(0, List.of(1L, 4L), new Look(0, 1, 5))).containsExactly(1L, 4L);
    assertThat(gaps.withPermanentHoles(1, List.of(4L), new Look(MS, 4, 6))).containsExactly(4L);
    assertThat(gaps.withPermanentHoles(1, List.of(4L, 5L), new Look(2 * MS, 5, 7))).containsExactly(2L, 3L, 4L, 5L);
  }

  @Test
  void aHoleThatAWriteFillsMeanwhileIsNotFilledByTheProof() {
    JournalGaps gaps = new JournalGaps(0);
    gaps.withPermanentHoles(0, List.of(1L, 4L), new Look(0, 1, 5));

    assertThat(gaps.withPermanentHoles(1, List.of(3L, 4L), new Look(MS, 5, 6))).containsExactly(2L, 3L, 4L);
  }

  @Test
  void theMarkIsTakenOnlyAfterTheGraceSoALateWriterIsBeforeIt() {
    JournalGaps gaps = new JournalGaps(100 * MS);
    gaps.withPermanentHoles(0, List.of(2L), new Look(0, 50, 50));

    assertThat(gaps.withPermanentHoles(0, List.of(2L), new Look(50 * MS, 60, 60))).containsExactly(2L);
    assertThat(gaps.withPermanentHoles(0, List.of(2L), new Look(100 * MS, 60, 70))).containsExactly(2L);
    assertThat(gaps.withPermanentHoles(0, List.of(2L), new Look(110 * MS, 69, 75))).containsExactly(2L);
    assertThat(gaps.withPermanentHoles(0, List.of(2L), new Look(120 * MS, 70, 80))).containsExactly(1L, 2L);
  }

  @Test
  void aStoreWithNothingInFlightProvesAHoleInTheLookThatMarksIt() {
    JournalGaps gaps = new JournalGaps(0);

    assertThat(gaps.withPermanentHoles(0, List.of(3L), new Look(0, 9, 9))).containsExactly(1L, 2L, 3L);
  }

  @Test
  void aHoleThatGrowsKeepsWhatWasLearnedAboutItsOlderPart() {
    JournalGaps gaps = new JournalGaps(0);
    gaps.withPermanentHoles(0, List.of(1L, 3L), new Look(0, 1, 5));

    List<Long> next = gaps.withPermanentHoles(1, List.of(5L), new Look(MS, 5, 8));

    assertThat(next).containsExactly(2L, 5L);
    assertThat(gaps.withPermanentHoles(2, List.of(5L), new Look(2 * MS, 8, 9))).containsExactly(3L, 4L, 5L);
  }

  @Test
  void aHugeProvenHoleIsHandedBackInPartsWithoutBeingProvenAgain() {
    JournalGaps gaps = new JournalGaps(0);
    gaps.withPermanentHoles(0, List.of(300_000L), new Look(0, 1, 2));

    List<Long> first = gaps.withPermanentHoles(0, List.of(300_000L), new Look(MS, 2, 3));
    long offset = first.size() - 1;
    assertThat(offset).isPositive().isLessThan(299_999);
    assertThat(first.subList(0, (int) offset)).containsExactlyElementsOf(LongStream.rangeClosed(1, offset).boxed().toList());
    for (int look = 2; offset < 299_999 && look < 10; look++) {
      List<Long> part = gaps.withPermanentHoles(offset, List.of(300_000L), new Look(look * MS, Long.MIN_VALUE, look));
      assertThat(part.get(0)).isEqualTo(offset + 1);
      offset = part.get(part.size() - 2);
    }

    assertThat(offset).isEqualTo(299_999);
  }

  @Test
  void withoutAnyProofAHoleIsNeverFilled() {
    JournalGaps gaps = new JournalGaps(0);
    for (int look = 0; look < 5; look++) {
      assertThat(gaps.withPermanentHoles(0, List.of(2L), new Look(look * MS, Long.MIN_VALUE, look + 1)))
          .containsExactly(2L);
    }
  }
}
