/**
 * The small interfaces the service asks AWS through, one per service it calls (Direct Connect, CloudWatch's alarms
 * and traffic, SNS, Support), and the values it sends. The adapters of {@code aws} implement them; {@code
 * service.Wiring} is the one place that builds them; service tests hand the service in-memory fakes.
 */
package io.github.dxfailover.port;
