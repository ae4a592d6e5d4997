package dev.ocitk.ocirun.lifecycle;

import dev.ocitk.ocirun.OcirunException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StateStoreTest {
    @TempDir
    Path tmp;

    @Test
    void createClaimsAnIdOnce() {
        StateStore store = new StateStore(tmp.resolve("root"));
        store.create("c1");
        assertThat(Files.isDirectory(tmp.resolve("root/c1"))).isTrue();
        assertThatThrownBy(() -> store.create("c1")).hasMessage("container \"c1\" already exists");
    }

    @Test
    void unknownAndHalfCreatedIdsAreDistinctErrors() {
        StateStore store = new StateStore(tmp);
        assertThatThrownBy(() -> store.load("nope")).hasMessage("container \"nope\" does not exist");
        store.create("half");
        assertThatThrownBy(() -> store.load("half")).hasMessageContaining("still being created");
    }

    @Test
    void saveIsAtomicAndLeavesNoTemporaryFile() throws Exception {
        StateStore store = new StateStore(tmp);
        store.create("c1");
        store.save(StateCodecTest.sample());
        assertThat(store.load("c1")).isEqualTo(StateCodecTest.sample());
        try (var files = Files.list(tmp.resolve("c1"))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("state.json");
        }
    }

    @Test
    void rejectsIdsThatCouldEscapeTheRoot() {
        for (String bad : new String[] {"", ".", "..", "a/b", "../x", "a b", "x\n"}) {
            assertThatThrownBy(() -> StateStore.validateId(bad)).as("[" + bad + "]").isInstanceOf(OcirunException.class);
        }
        StateStore.validateId("my-container_1.2+3");
    }

    @Test
    void removeDeletesTheWholeDirectory() throws Exception {
        StateStore store = new StateStore(tmp);
        store.create("c1");
        Files.writeString(tmp.resolve("c1/extra"), "x");
        store.save(StateCodecTest.sample());
        assertThat(store.list()).containsExactly("c1");
        store.remove("c1");
        assertThat(store.list()).isEmpty();
        store.remove("c1"); // idempotent
    }

    @Test
    void lockSerialisesCommandsOnOneContainer() throws Exception {
        StateStore store = new StateStore(tmp);
        store.create("c1");
        // fcntl locks are per process, so the contender is a second JVM-free check: a held lock makes
        // a second FileChannel lock attempt in this process fail with OverlappingFileLockException.
        try (StateStore.Lock held = store.lock("c1")) {
            CompletableFuture<Boolean> other = CompletableFuture.supplyAsync(() -> {
                try (StateStore.Lock again = store.lock("c1")) {
                    return true;
                } catch (java.nio.channels.OverlappingFileLockException e) {
                    return false;
                }
            });
            assertThat(other.get(5, TimeUnit.SECONDS)).isFalse();
        }
        try (StateStore.Lock again = store.lock("c1")) {
            assertThat(again).isNotNull();
        }
        assertThatThrownBy(() -> store.lock("nope")).hasMessage("container \"nope\" does not exist");
    }
}
