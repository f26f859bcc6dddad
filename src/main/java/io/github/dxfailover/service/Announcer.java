package io.github.dxfailover.service;

import io.github.dxfailover.port.AwsCallFailed;
import io.github.dxfailover.port.EventBus;
import io.github.dxfailover.port.Vifs;
import io.github.dxfailover.result.JsonText;
import io.github.dxfailover.result.Result;
import io.github.dxfailover.text.Messages;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts a notified invocation's result on the EVENT_BUS bus, after its messages (docs/behaviour.md §20): the result of
 * §10 with the deployment's name as the detail, the managed VIFs it concerns as the resources. A failure is logged and
 * added to the result's errors, never thrown: the outcome stands.
 *
 * @param bus  the bus, or null when EVENT_BUS is not set
 * @param vifs what names a VIF by its ARN
 */
record Announcer(EventBus bus, Vifs vifs) {
    private static final Logger LOG = LoggerFactory.getLogger(Announcer.class);
    /** EventBridge's limit for one PutEvents entry: source, detail type, detail and resources together. */
    static final int MAX_ENTRY_BYTES = 256 * 1024;

    /**
     * The result, with a failed or shortened event among its errors. Called for a notified invocation only (the caller
     * knows): an IGNORED alarm whose invocation judged a practice run and told it is announced with that run.
     */
    Result announce(Result r, String deployment) {
        if (bus == null) {
            return r;
        }
        // Managed VIFs only, each by the ARN of the account Direct Connect says owns it (a missing VIF has none).
        List<String> resources = r.vifsConcerned().stream().filter(r.vifs()::manages).map(r.vifs()::get)
                .filter(v -> v.ownerAccount() != null).map(vifs::arn).toList();
        Result out = r;
        String detail = detail(r, deployment, true);
        if (!fits(detail, resources)) {
            out = out.withError(Messages.eventWithoutVifs(entryBytes(detail, resources), MAX_ENTRY_BYTES));
            detail = detail(out, deployment, false);
            if (!fits(detail, resources)) {
                String why = Messages.eventTooLarge(entryBytes(detail, resources), MAX_ENTRY_BYTES);
                LOG.error(why);
                return out.withError(why);
            }
        }
        try {
            bus.put(detail, resources);
            return out;
        } catch (AwsCallFailed e) {
            String why = Messages.eventNotPut(e);
            LOG.error(why, e);
            return out.withError(why);
        }
    }

    private static String detail(Result r, String deployment, boolean withVifs) {
        Map<String, Object> detail = r.toMap();
        if (!withVifs) {
            detail.remove("vifs");
            detail.remove("vifsRead");
        }
        detail.put("deployment", deployment);
        return JsonText.of(detail);
    }

    /** Whether an entry with this detail and these resources is within EventBridge's limit. */
    static boolean fits(String detail, List<String> resources) {
        return entryBytes(detail, resources) <= MAX_ENTRY_BYTES;
    }

    /** How EventBridge counts an entry's size: the UTF-8 bytes of its source, detail type, detail and resources. */
    static int entryBytes(String detail, List<String> resources) {
        int bytes = utf8(EventBus.SOURCE) + utf8(EventBus.DETAIL_TYPE) + utf8(detail);
        for (String arn : resources) {
            bytes += utf8(arn);
        }
        return bytes;
    }

    private static int utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }
}
