package dev.parley.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Rebuilds every view from the raw article log: what Kafka's StreamsResetter does for each stage (forget its
 * committed offsets, delete its internal changelog and repartition topics, wipe its local state), and in addition
 * deletes the derived output topics, so that records a changed rule no longer produces do not linger in them. The
 * raw log, the dead-letter topic and the registry's schemas are kept. The stages must be stopped; the next start
 * reprocesses the raw log from the beginning under the current rules and recreates what was deleted.
 */
public final class Rebuild {

    /** What a rebuild deletes. */
    public record Plan(List<String> applicationIds, List<String> internalTopics, List<String> derivedTopics,
                       List<Path> stateDirectories) {
    }

    private static final Set<String> KEPT = Set.of(ParleyTopics.ARTICLES_RAW, ParleyTopics.DEAD_LETTER,
            ParleyTopics.REGISTRY_SCHEMAS);

    private Rebuild() {
    }

    public static Plan plan(Admin admin, List<String> applicationIds, Path streamsStateDir)
            throws ExecutionException, InterruptedException {
        Set<String> topics = admin.listTopics().names().get();
        List<String> internal = topics.stream()
                .filter(t -> applicationIds.stream().anyMatch(id -> t.startsWith(id + "-")))
                .filter(t -> t.endsWith("-changelog") || t.endsWith("-repartition"))
                .sorted().toList();
        List<String> derived = ParleyTopics.all().stream().map(ParleyTopics.TopicSpec::name)
                .filter(t -> !KEPT.contains(t) && topics.contains(t)).sorted().toList();
        List<Path> state = applicationIds.stream().map(streamsStateDir::resolve).filter(Files::isDirectory).toList();
        return new Plan(List.copyOf(applicationIds), internal, derived, state);
    }

    /**
     * Carries out the plan; refuses while any stage still has live members after {@code membersGone}. A stopped
     * instance whose stream thread was busy (a parse, a model load) may leave its group only by session timeout, so
     * the caller passes a little more than the stages' session timeout.
     */
    public static void execute(Admin admin, Plan plan, Duration timeout, Duration membersGone)
            throws ExecutionException, InterruptedException {
        long membersDeadline = System.nanoTime() + membersGone.toNanos();
        for (String id : plan.applicationIds()) {
            int members;
            while ((members = liveMembers(admin, id)) > 0 && System.nanoTime() < membersDeadline) {
                Thread.sleep(500);
            }
            if (members > 0) {
                throw new IllegalStateException("Stage " + id + " is running (" + members
                        + " members): stop Parley before a rebuild");
            }
        }
        for (String group : plan.applicationIds()) {
            try {
                admin.deleteConsumerGroups(List.of(group)).all().get();
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof GroupIdNotFoundException)) {
                    throw e;
                }
            }
        }
        List<String> topics = new ArrayList<>(plan.internalTopics());
        topics.addAll(plan.derivedTopics());
        if (!topics.isEmpty()) {
            try {
                admin.deleteTopics(topics).all().get();
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                    throw e;
                }
            }
            // Topic deletion is asynchronous: recreating a topic still being deleted fails.
            long deadline = System.nanoTime() + timeout.toNanos();
            while (admin.listTopics().names().get().stream().anyMatch(topics::contains)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Topics still being deleted after " + timeout);
                }
                Thread.sleep(200);
            }
        }
        plan.stateDirectories().forEach(Rebuild::deleteRecursively);
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete the local state in " + dir, e);
        }
    }

    private static int liveMembers(Admin admin, String groupId) throws ExecutionException, InterruptedException {
        try {
            ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(groupId)).all().get().get(groupId);
            return group.members().size();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof GroupIdNotFoundException) {
                return 0; // never ran: nothing to reset
            }
            throw e;
        }
    }
}
