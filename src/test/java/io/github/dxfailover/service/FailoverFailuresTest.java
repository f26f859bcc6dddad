package io.github.dxfailover.service;

import static io.github.dxfailover.Fixtures.VIF_A;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import io.github.dxfailover.decision.Outcome;
import io.github.dxfailover.result.Result;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.directconnect.model.DescribeVirtualInterfacesRequest;
import software.amazon.awssdk.services.directconnect.model.DirectConnectException;
import software.amazon.awssdk.services.directconnect.model.StartBgpFailoverTestRequest;
import software.amazon.awssdk.services.sns.model.NotFoundException;
import software.amazon.awssdk.services.sns.model.PublishRequest;
import software.amazon.awssdk.services.support.model.CreateCaseRequest;
import software.amazon.awssdk.services.support.model.SupportException;

/** Failures before and after the failover test starts (docs/behaviour.md §8): what throws, what is reported, what is not called. */
class FailoverFailuresTest extends MockedAws {

    @Test
    void describeFailureThrowsAndChangesNothing() {
        when(dx.describeVirtualInterfaces(any(DescribeVirtualInterfacesRequest.class)))
                .thenThrow(SdkClientException.create("connect timed out"));
        assertThatThrownBy(() -> service().handle(alarmFor(VIF_A), Deadline.none()))
                .isInstanceOf(RetryableFailure.class)
                .hasMessageContaining("reading the VIF states").hasMessageContaining("nothing was changed");
        verifyNoChange();
        verifyNoInteractions(sns);
    }

    @Test
    void startFailureNotifiesThenThrows() {
        allHealthy();
        FailoverService service = service();
        when(dx.startBgpFailoverTest(any(StartBgpFailoverTestRequest.class))).thenThrow(
                (DirectConnectException) DirectConnectException.builder().statusCode(400)
                        .awsErrorDetails(AwsErrorDetails.builder().errorCode("DirectConnectClientException")
                                .errorMessage("The virtual interface is already under test").build()).build());
        assertThatThrownBy(() -> service.handle(alarmFor(VIF_A), Deadline.none()))
                .isInstanceOf(RetryableFailure.class)
                .hasMessageContaining("starting the BGP failover test on " + VIF_A + " failed")
                .hasMessageContaining("already under test");
        verifyNoInteractions(support);
        PublishRequest p = published();
        assertThat(p.messageAttributes().get("outcome").stringValue()).isEqualTo("ERROR");
        assertThat(io.github.dxfailover.Fixtures.unwrapped(p.message())).contains("already under test");
    }

    /**
     * CreateCase without an answer after the start: the failover stands, and the case may be open (Support takes no
     * idempotency token, so it is not sent again): the result and the message say so and where to look (§8).
     */
    @Test
    void aCaseWhoseAnswerIsLostAfterTheStartMayBeOpenAndIsNotSentAgain() {
        allHealthy();
        FailoverService service = service();
        when(support.createCase(any(CreateCaseRequest.class))).thenThrow(SdkClientException.create("read timed out"));
        Result r = service.handle(alarmFor(VIF_A), Deadline.none());
        assertThat(r.outcome()).isEqualTo(Outcome.FAILED_OVER);
        assertThat(r.testId()).isEqualTo("test-1");
        assertThat(r.caseId()).isNull();
        assertThat(r.errors()).singleElement().asString().startsWith("support case: CreateCase got no answer (read "
                + "timed out), so a case may be open: look in the AWS Support Center");
        assertThat(io.github.dxfailover.Fixtures.unwrapped(published().message())).contains("Support case: may be open (support case: CreateCase got no answer");
        org.mockito.Mockito.verify(support, org.mockito.Mockito.times(1)).createCase(any(CreateCaseRequest.class));
    }

    @Test
    void aCaseRefusedAfterTheStartIsNotOpenedAndTheFailoverStands() {
        allHealthy();
        FailoverService service = service();
        when(support.createCase(any(CreateCaseRequest.class))).thenThrow(software.amazon.awssdk.services.support.model
                .SupportException.builder().statusCode(400).awsErrorDetails(software.amazon.awssdk.awscore.exception
                        .AwsErrorDetails.builder().errorCode("CaseCreationLimitExceeded").errorMessage("too many").build())
                .build());
        Result r = service.handle(alarmFor(VIF_A), Deadline.none());
        assertThat(r.outcome()).isEqualTo(Outcome.FAILED_OVER);
        assertThat(r.errors()).singleElement().asString()
                .isEqualTo("support case not opened: CaseCreationLimitExceeded: too many; the failover stands");
        assertThat(io.github.dxfailover.Fixtures.unwrapped(published().message())).contains("Support case: none opened (support case not opened: "
                + "CaseCreationLimitExceeded");
    }

    @Test
    void accountWithoutSupportPlanKeepsTheFailover() {
        allHealthy();
        FailoverService service = service();
        when(support.createCase(any(CreateCaseRequest.class))).thenThrow(
                (SupportException) SupportException.builder().statusCode(400)
                        .awsErrorDetails(AwsErrorDetails.builder().errorCode("SubscriptionRequiredException")
                                .errorMessage("AWS Premium Support Subscription is required to use this service.")
                                .build()).build());
        Result r = service.handle(alarmFor(VIF_A), Deadline.none());
        assertThat(r.outcome()).isEqualTo(Outcome.FAILED_OVER);
        assertThat(r.errors()).singleElement().asString()
                .contains("no Business or Enterprise support plan").contains("SubscriptionRequiredException");
        assertThat(io.github.dxfailover.Fixtures.unwrapped(published().message())).contains("no Business or Enterprise support plan");
    }

    @Test
    void publishFailureAfterTheStartDoesNotThrow() {
        allHealthy();
        FailoverService service = service();
        when(sns.publish(any(PublishRequest.class))).thenThrow(NotFoundException.builder().statusCode(404)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("NotFound").errorMessage("Topic does not exist")
                        .build()).build());
        Result r = service.handle(alarmFor(VIF_A), Deadline.none());
        assertThat(r.outcome()).isEqualTo(Outcome.FAILED_OVER);
        assertThat(r.caseId()).isEqualTo("case-12345");
        assertThat(r.errors()).singleElement().asString()
                .isEqualTo("notification not sent: NotFound: Topic does not exist");
    }

    @Test
    void publishFailureBeforeAnyChangeThrowsSoLambdaRetries() {
        directConnectReturns(dxVif(VIF_A, "available", "up"));
        FailoverService service = service();
        when(sns.publish(any(PublishRequest.class))).thenThrow(SdkClientException.create("unreachable"));
        assertThatThrownBy(() -> service.handle(alarmFor(VIF_A), Deadline.none()))
                .isInstanceOf(RetryableFailure.class).hasMessageContaining("notification not sent");
        verifyNoChange();
    }
}
