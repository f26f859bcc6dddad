package io.github.dxfailover.aws;

import io.github.dxfailover.port.AwsCallFailed;
import io.github.dxfailover.port.AwsCallFailed.Call;
import io.github.dxfailover.port.EventBus;
import java.util.List;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequest;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResultEntry;

/**
 * The {@link EventBus} over EventBridge's PutEvents, one entry per call (docs/behaviour.md §20).
 *
 * @param busName EVENT_BUS: the bus's name or ARN, as PutEvents takes either
 */
public record EventBridgeBus(EventBridgeClient client, String busName) implements EventBus {
    @Override
    public void put(String detail, List<String> resources) {
        PutEventsResponse response;
        try {
            response = client.putEvents(PutEventsRequest.builder().entries(PutEventsRequestEntry.builder()
                    .eventBusName(busName).source(SOURCE).detailType(DETAIL_TYPE).detail(detail).resources(resources)
                    .build()).build());
        } catch (RuntimeException e) {
            throw AwsErrors.failed(Call.PUT_EVENTS, null, e);
        }
        // PutEvents answers 200 for an entry it refused: the entry says why.
        if (response.failedEntryCount() != null && response.failedEntryCount() > 0) {
            PutEventsResultEntry entry = response.entries().isEmpty() ? null : response.entries().get(0);
            String code = entry == null ? null : entry.errorCode();
            String message = entry == null ? null : entry.errorMessage();
            throw new AwsCallFailed(Call.PUT_EVENTS, null, code, "the bus refused the entry ("
                    + (code == null ? "no error code" : code) + (message == null ? "" : ": " + message) + ")", null);
        }
    }
}
