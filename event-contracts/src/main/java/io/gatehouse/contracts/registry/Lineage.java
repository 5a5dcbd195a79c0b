package io.gatehouse.contracts.registry;

import java.util.List;

/** Where a version came from; {@code parentVersion} is null for a first version. */
public record Lineage(List<DatasetRef> datasets, String codeRepository, String codeCommit, Integer parentVersion) {}
