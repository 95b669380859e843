package io.brighthive.loadstress.generator.lake;

import java.util.List;

/** Which Redshift target the lake was last loaded into (the URL carries no credentials). */
public record RedshiftLoadRecord(String jdbcUrl, String schema, List<String> tables, String loadedAt) {}
