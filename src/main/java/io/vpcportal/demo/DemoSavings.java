package io.vpcportal.demo;

import io.vpcportal.savings.LedgerKind;
import io.vpcportal.savings.MeasuredDay;
import io.vpcportal.savings.SavingsManagement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Six months of measured traffic in the sandbox account, so that the savings dashboard has a trend to show: an S3
 * and a DynamoDB gateway endpoint, a Glue interface endpoint that pays for itself, a CloudWatch Logs one that does
 * not, the NAT gateway they relieve, and DynamoDB traffic still through NAT in another VPC. Seeded once (when the
 * ledger is empty), after the price snapshot is loaded.
 */
@Component
@Profile("demo")
@Order(20)
class DemoSavings implements ApplicationRunner {

    static final long GIB = 1L << 30;
    private static final Logger log = LoggerFactory.getLogger(DemoSavings.class);

    private final SavingsManagement savings;

    DemoSavings(SavingsManagement savings) {
        this.savings = savings;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (savings.firstLedgerDay() != null) {
            return;
        }
        LocalDate today = savings.today();
        LocalDate first = today.withDayOfMonth(1).minusMonths(5);
        List<MeasuredDay> days = new ArrayList<>();
        String account = DemoData.SANDBOX;
        for (LocalDate day = first; day.isBefore(today); day = day.plusDays(1)) {
            int n = (int) java.time.temporal.ChronoUnit.DAYS.between(first, day);
            long growth = 100 + n; // traffic grows over the months
            days.add(new MeasuredDay(day, "vpce-0demo000000000s3", LedgerKind.GATEWAY, null, "payments", account,
                    "eu-west-1", "vpc-0a1b2c3d4e5f60718", "com.amazonaws.eu-west-1.s3", 0, 2 * growth * GIB));
            days.add(new MeasuredDay(day, "vpce-0demo00000000ddb", LedgerKind.GATEWAY, null, "payments", account,
                    "eu-west-1", "vpc-0a1b2c3d4e5f60718", "com.amazonaws.eu-west-1.dynamodb", 0, growth * GIB / 4));
            days.add(new MeasuredDay(day, "vpce-0demo0000000glue", LedgerKind.INTERFACE, null, "payments", account,
                    "eu-west-1", "vpc-0a1b2c3d4e5f60718", "com.amazonaws.eu-west-1.glue", 2, growth * GIB / 5));
            days.add(new MeasuredDay(day, "vpce-0demo0000000logs", LedgerKind.INTERFACE, null, "network", account,
                    "us-east-1", "vpc-0b1b2c3d4e5f60718", "com.amazonaws.us-east-1.logs", 2, GIB));
            days.add(new MeasuredDay(day, "nat-0d0d0d0d0d0d0d0d0", LedgerKind.NAT, null, "payments", account,
                    "eu-west-1", "vpc-0a1b2c3d4e5f60718", "nat-gateway", 0, 40 * GIB));
            days.add(new MeasuredDay(day, "vpc-0b1b2c3d4e5f60718/DYNAMODB", LedgerKind.MISSED, null, "network", account,
                    "us-east-1", "vpc-0b1b2c3d4e5f60718", "dynamodb via NAT", 0, 12 * GIB));
        }
        savings.record(days);
        log.info("Demo savings seeded: {} ledger rows from {}", days.size(), first);
    }
}
