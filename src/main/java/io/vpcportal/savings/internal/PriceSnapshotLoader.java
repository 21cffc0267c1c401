package io.vpcportal.savings.internal;

import io.vpcportal.savings.PriceImport;
import io.vpcportal.savings.SavingsManagement;
import io.vpcportal.savings.SavingsProperties;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * At start-up: loads the price snapshot shipped in {@code prices/} (never overriding a price already there, so
 * corrections survive restarts), then imports the offer files named by {@code portal.savings.import-files} as
 * corrections, and stops the portal when {@code portal.savings.import-then-exit} asks for the import command only.
 */
@Component
@Order(5)
class PriceSnapshotLoader implements ApplicationRunner {

    /** Shipped extracts and the offer files they were taken from (publication 2025-10-01). */
    static final Map<String, String> SNAPSHOT = Map.of(
            "prices/AmazonEC2-index-extract.csv",
            "https://pricing.us-east-1.amazonaws.com/offers/v1.0/aws/AmazonEC2/20251001000000/{region}/index.csv",
            "prices/AmazonVPC-index-extract.csv",
            "https://pricing.us-east-1.amazonaws.com/offers/v1.0/aws/AmazonVPC/20251001000000/{region}/index.csv",
            "prices/AWSDataTransfer-index-extract.csv",
            "https://pricing.us-east-1.amazonaws.com/offers/v1.0/aws/AWSDataTransfer/20251001000000/{region}/index.csv",
            "prices/AmazonRoute53-index-extract.csv",
            "https://pricing.us-east-1.amazonaws.com/offers/v1.0/aws/AmazonRoute53/20251001000000/global/index.csv");

    private static final Logger log = LoggerFactory.getLogger(PriceSnapshotLoader.class);

    private final SavingsManagement savings;
    private final SavingsProperties properties;
    private final ApplicationContext context;

    PriceSnapshotLoader(SavingsManagement savings, SavingsProperties properties, ApplicationContext context) {
        this.savings = savings;
        this.properties = properties;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) {
        SNAPSHOT.forEach((file, url) -> {
            // the ledger is priced again by a task if the snapshot brings new prices it uses: health does not wait
            try (InputStream in = new ClassPathResource(file).getInputStream()) {
                PriceImport result = savings.importSnapshot(in, "snapshot " + file + " of " + url);
                if (result.changed() > 0) {
                    log.info("Price snapshot {}: {} prices for {}", file, result.changed(), result.regions());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        for (String file : properties.importFiles()) {
            Path path = Path.of(file);
            try (InputStream in = Files.newInputStream(path)) {
                PriceImport result = savings.importPrices(in, path.toAbsolutePath().toString(), true);
                log.info("Imported {}: {} rows, {} prices for {}, {} added or corrected", file, result.rowsRead(),
                        result.pricesFound(), result.regions(), result.changed());
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read offer file " + file, e);
            }
        }
        if (properties.importThenExit()) {
            log.info("portal.savings.import-then-exit: stopping after the import");
            System.exit(SpringApplication.exit(context, () -> 0));
        }
    }
}
