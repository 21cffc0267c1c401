package io.vpcportal.inventory;

import java.util.List;

/**
 * Lets another module (savings, for example) add to what the inventory recommends for a VPC without the
 * inventory depending on it: every advisor bean sees the VPC and the recommendations so far, and answers the
 * list to show (the same list, enriched, or with its own recommendations added). Advisors run in their
 * {@code @Order}; one that fails is skipped (logged), the VPC view still answers.
 */
public interface CoverageAdvisor {

    List<Recommendation> advise(VpcCoverage vpc, List<Recommendation> sofar);
}
