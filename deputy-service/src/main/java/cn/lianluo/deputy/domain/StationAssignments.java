package cn.lianluo.deputy.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A deputy's station assignments (进站): one home station and any number of further ones at a time, with the
 * whole history kept. Commands return the changes to store; nothing is deleted, an assignment is ended.
 */
public final class StationAssignments {

    /** One assignment; {@code until == null} while it holds. */
    public record Assignment(UUID id, UUID stationId, boolean home, LocalDate from, LocalDate until) {
        public boolean current() {
            return until == null;
        }
    }

    /** What a command changes: assignments to end (by id) and the one to open. */
    public record Change(List<UUID> ended, Optional<Assignment> opened) {
        public boolean isEmpty() {
            return ended.isEmpty() && opened.isEmpty();
        }
    }

    private final List<Assignment> history;

    public StationAssignments(List<Assignment> history) {
        this.history = List.copyOf(history);
    }

    public Optional<Assignment> home() {
        return history.stream().filter(a -> a.current() && a.home()).findFirst();
    }

    public List<Assignment> current() {
        return history.stream().filter(Assignment::current).toList();
    }

    /**
     * Makes {@code stationId} the home station from {@code today}: the old home ends, and so does a further
     * assignment to the same station (it becomes the home). Making the home station home again changes nothing.
     */
    public Change makeHome(UUID stationId, LocalDate today) {
        Optional<Assignment> home = home();
        if (home.isPresent() && home.get().stationId().equals(stationId)) {
            return new Change(List.of(), Optional.empty());
        }
        List<UUID> ended = new ArrayList<>();
        home.ifPresent(h -> ended.add(h.id()));
        current().stream().filter(a -> !a.home() && a.stationId().equals(stationId)).forEach(a -> ended.add(a.id()));
        return new Change(ended, Optional.of(new Assignment(UUID.randomUUID(), stationId, true, today, null)));
    }

    /** Adds a further station the deputy sits in; nothing changes when the deputy already sits there. */
    public Change sitAlsoIn(UUID stationId, LocalDate today) {
        if (current().stream().anyMatch(a -> a.stationId().equals(stationId))) {
            return new Change(List.of(), Optional.empty());
        }
        return new Change(List.of(), Optional.of(new Assignment(UUID.randomUUID(), stationId, false, today, null)));
    }

    /** Ends a further assignment; the home station is changed with {@link #makeHome}, never just left. */
    public Change leave(UUID stationId) {
        Optional<Assignment> further = current().stream().filter(a -> !a.home() && a.stationId().equals(stationId)).findFirst();
        if (further.isEmpty()) {
            if (home().map(h -> h.stationId().equals(stationId)).orElse(false)) {
                throw new IllegalStateException("the home station cannot be left; make another station home instead");
            }
            throw new IllegalStateException("the deputy does not sit in station " + stationId);
        }
        return new Change(List.of(further.get().id()), Optional.empty());
    }

    /** When a deputy's last active mandate ends, every current assignment ends with it. */
    public Change endAll() {
        return new Change(current().stream().map(Assignment::id).toList(), Optional.empty());
    }
}
