package io.coditect.client.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.coditect.client.Json;
import io.coditect.client.QuotaStatus;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code coditect quota}: today's command usage, without using any. */
@Command(name = "quota", description = "Show today's command quota.")
final class QuotaCommand implements Callable<Integer> {

    @ParentCommand
    CoditectCommand root;

    @Override
    public Integer call() {
        QuotaStatus quota = root.client().quota().usage();
        root.output().result(describe(quota), json(quota));
        return ExitCodes.OK;
    }

    static String describe(QuotaStatus quota) {
        if (quota.isUnlimited()) {
            return "Unlimited commands.";
        }
        Long used = quota.usedToday();
        return "Commands today: " + (used == null ? "?" : used) + " of " + quota.limit() + " used, "
                + (quota.remaining() == null ? "?" : quota.remaining()) + " left. Resets "
                + Durations.utc(quota.resetAt()) + ".";
    }

    static ObjectNode json(QuotaStatus quota) {
        ObjectNode node = Json.object();
        node.put("unlimited", quota.isUnlimited());
        node.put("limit", quota.limit());
        node.put("used", quota.usedToday());
        node.put("remaining", quota.remaining());
        node.put("reset_at", quota.resetAt() == null ? null : quota.resetAt().toString());
        return node;
    }
}
