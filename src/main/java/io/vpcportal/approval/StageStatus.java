package io.vpcportal.approval;

public enum StageStatus {
    WAITING, ACTIVE, APPROVED, REJECTED
}
