package cn.lianluo.cases.cases.domain;

import cn.lianluo.common.problem.ProblemException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GridPolicyTest {

    static final String GRID = "433124108-03";

    static ProblemException refused(Runnable submission) {
        try {
            submission.run();
        } catch (ProblemException e) {
            return e;
        }
        throw new AssertionError("the submission was not refused");
    }

    @Test
    void a_grid_workers_case_comes_through_their_own_grid() {
        assertThat(GridPolicy.origin(Channel.GRID, null, Optional.of(GRID)))
                .isEqualTo(new GridPolicy.Origin(Channel.GRID, GRID));
        assertThat(GridPolicy.origin(Channel.GRID, GRID, Optional.of(GRID)))
                .isEqualTo(new GridPolicy.Origin(Channel.GRID, GRID));
    }

    @Test
    void a_grid_worker_claiming_another_grid_or_channel_is_forbidden() {
        ProblemException otherGrid = refused(() -> GridPolicy.origin(Channel.GRID, "433124108-07", Optional.of(GRID)));
        assertThat(otherGrid.status()).isEqualTo(403);
        assertThat(otherGrid.getMessage()).contains("own grid " + GRID);
        ProblemException otherChannel = refused(() -> GridPolicy.origin(Channel.RECEPTION, null, Optional.of(GRID)));
        assertThat(otherChannel.status()).isEqualTo(403);
        assertThat(otherChannel.getMessage()).contains("RECEPTION");
    }

    @Test
    void channel_grid_names_its_grid() {
        assertThat(GridPolicy.origin(Channel.GRID, "433124108-05", Optional.empty()))
                .isEqualTo(new GridPolicy.Origin(Channel.GRID, "433124108-05"));
        ProblemException missing = refused(() -> GridPolicy.origin(Channel.GRID, null, Optional.empty()));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.errors()).extracting(e -> e.field()).containsExactly("gridId");
    }

    @ParameterizedTest
    @EnumSource(value = Channel.class, names = "GRID", mode = EnumSource.Mode.EXCLUDE)
    void another_channel_names_no_grid(Channel channel) {
        assertThat(GridPolicy.origin(channel, null, Optional.empty())).isEqualTo(new GridPolicy.Origin(channel, null));
        assertThatThrownBy(() -> GridPolicy.origin(channel, GRID, Optional.empty())).isInstanceOf(ProblemException.class)
                .hasMessageContaining("gridId").extracting(e -> ((ProblemException) e).status()).isEqualTo(400);
    }
}
