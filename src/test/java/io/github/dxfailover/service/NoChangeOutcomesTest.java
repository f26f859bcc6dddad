package io.github.dxfailover.service;

import static io.github.dxfailover.Fixtures.OTHER_VIF;
import static io.github.dxfailover.Fixtures.VIF_A;
import static io.github.dxfailover.Fixtures.VIF_B;
import static io.github.dxfailover.Fixtures.VIF_C;
import static io.github.dxfailover.Fixtures.alarm;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import io.github.dxfailover.Fixtures;
import io.github.dxfailover.decision.Outcome;
import io.github.dxfailover.input.Request;
import io.github.dxfailover.input.RequestParser;
import io.github.dxfailover.result.Result;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mockito.ArgumentCaptor;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmsRequest;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmsResponse;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.sns.model.PublishRequest;

/** Outcomes that change nothing (IGNORED, REJECTED, NOT_MANAGED, ALREADY_UNAVAILABLE, MINIMUM_REACHED): no mutating call. */
class NoChangeOutcomesTest extends MockedAws {

    @ParameterizedTest
    @ValueSource(strings = {"OK", "INSUFFICIENT_DATA"})
    void ignoredTransitionsCallNothing(String state) {
        Result r = service().handle(new Request.Evaluate(alarm(VIF_A + " loss", state), null), Deadline.none());
        assertThat(r.outcome()).isEqualTo(Outcome.IGNORED);
        verifyNoInteractions(dx, sns, support);
    }

    /** Input of no known shape changes nothing; it is no operator's command, so it is told (§7; issue 31, defect 5). */
    @Test
    void invalidInputChangesNothingAndIsTold() {
        Result r = service().handle(RequestParser.parse(Map.of("foo", "bar")), Deadline.none());
        assertThat(r.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(r.message()).contains("[foo]");
        verifyNoInteractions(dx, support);
        verify(sns).publish(any(software.amazon.awssdk.services.sns.model.PublishRequest.class));
    }

    @Test
    void aCommandWithABadValueCallsNothing() {
        Result r = service().handle(RequestParser.parse(Map.of("action", "fail-over")), Deadline.none());
        assertThat(r.outcome()).isEqualTo(Outcome.REJECTED);
        verifyNoInteractions(dx, sns, support);
    }

    @Test
    void alarmNamingNoVifIsRejectedAndNotified() {
        allHealthy();
        Result r = service().handle(alarmFor("Packet loss to on-premises DNS"), Deadline.none());
        assertThat(r.outcome()).isEqualTo(Outcome.REJECTED);
        verifyNoChange();
        PublishRequest p = published();
        assertThat(p.messageAttributes().get("virtualInterfaceId").stringValue()).isEqualTo("none");
        assertThat(io.github.dxfailover.Fixtures.unwrapped(p.message())).contains("Alarm: Packet loss to on-premises DNS").contains("Rename the alarm");
    }

    @Test
    void aUtilizationAlarmOnAwsDxIsRejectedWithOneNotificationOnBothEventPaths() {
        allHealthy();
        for (Map<String, Object> event : List.of(
                Fixtures.onAwsDxUtilization(Fixtures.eventBridgeAlarm("DX link 1 utilization high", "ALARM", VIF_A), VIF_A),
                Fixtures.onAwsDxUtilization(Fixtures.alarmAction("DX link 1 utilization high", "ALARM", VIF_A), VIF_A))) {
            org.mockito.Mockito.clearInvocations(sns);
            Result r = service().handle(RequestParser.parse(event), Deadline.none());
            assertThat(r.outcome()).isEqualTo(Outcome.REJECTED);
            verifyNoChange();
            PublishRequest p = published();
            assertThat(p.messageAttributes().get("outcome").stringValue()).isEqualTo("REJECTED");
            assertThat(io.github.dxfailover.Fixtures.unwrapped(p.message())).contains("Alarm: DX link 1 utilization high")
                    .contains("its VirtualInterfaceId dimension is on an AWS/DX metric")
                    .contains("a utilization alarm must not take its VIF out");
        }
    }

    @Test
    void unlistedVifIsNotManagedAndNotified() {
        allHealthy();
        Result r = service().handle(alarmFor(OTHER_VIF + " loss"), Deadline.none());
        assertThat(r.outcome()).isEqualTo(Outcome.NOT_MANAGED);
        verifyNoChange();
        PublishRequest p = published();
        assertThat(p.messageAttributes().get("outcome").stringValue()).isEqualTo("NOT_MANAGED");
        assertThat(io.github.dxfailover.Fixtures.unwrapped(p.message())).contains(OTHER_VIF + " is not in VIFLIST");
    }

    @Test
    void unavailableVifIsNotifiedWithItsStateAndBgp() {
        directConnectReturns(dxVif(VIF_A, "available", "down"), dxVif(VIF_B, "available", "up"),
                dxVif(VIF_C, "available", "up"));
        Result r = service().handle(alarmFor(VIF_A), Deadline.none());
        assertThat(r.outcome()).isEqualTo(Outcome.ALREADY_UNAVAILABLE);
        verifyNoChange();
        assertThat(io.github.dxfailover.Fixtures.unwrapped(published().message())).contains("available, BGP down");
    }

    @Test
    void minimumReachedListsEveryVifAndChangesNothing() {
        directConnectReturns(dxVif(VIF_A, "available", "up"), dxVif(VIF_B, "down", "down"),
                dxVif(VIF_C, "testing", "down"));
        Result r = service().handle(alarmFor(VIF_A), Deadline.none());
        assertThat(r.outcome()).isEqualTo(Outcome.MINIMUM_REACHED);
        verifyNoChange();
        assertThat(io.github.dxfailover.Fixtures.unwrapped(published().message())).contains(VIF_A + "  available, BGP up")
                .contains(VIF_B + "  down, BGP down").contains(VIF_C + "  testing, BGP down")
                .contains("at least 1 healthy VIF(s) remain");
    }

    @Test
    void lookalikeVifInTheNameIsNotTouched() {
        allHealthy();
        Result r = service().handle(alarmFor("DXVIF-AAAA1111 loss"), Deadline.none());
        assertThat(r.outcome()).isEqualTo(Outcome.REJECTED);
        verifyNoChange();
    }

    @Test
    void anAlarmWhoseActionsAreDisabledIsNotActedOnEvenThroughEventBridge() {
        allHealthy();
        when(cloudWatch.describeAlarms(any(DescribeAlarmsRequest.class))).thenReturn(DescribeAlarmsResponse.builder()
                .metricAlarms(MetricAlarm.builder().alarmName(VIF_A + " loss").actionsEnabled(false).build()).build());
        Result r = service().handle(alarmFor(VIF_A + " loss"), Deadline.none());

        assertThat(r.outcome()).isEqualTo(Outcome.IGNORED);
        assertThat(r.message()).contains("actions disabled");
        ArgumentCaptor<DescribeAlarmsRequest> lookUp = ArgumentCaptor.forClass(DescribeAlarmsRequest.class);
        verify(cloudWatch).describeAlarms(lookUp.capture());
        assertThat(lookUp.getValue().alarmNames()).containsExactly(VIF_A + " loss");
        verifyNoInteractions(dx, sns, support);
    }

    /** A failed mute look-up is a failed read before a change: it throws, nothing is changed (§8; issue 36). */
    @Test
    void aFailedMuteLookUpFailsTheInvocationBeforeAnyChange() {
        allHealthy();
        when(cloudWatch.describeAlarms(any(DescribeAlarmsRequest.class)))
                .thenThrow(SdkClientException.create("connect timed out"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> service().handle(alarmFor(VIF_A + " loss"),
                Deadline.none())).isInstanceOf(RetryableFailure.class).hasMessageContaining("connect timed out");
        verifyNoChange();
        verifyNoInteractions(sns);
    }
}
